// What the status bar item says. Pure.

/** Params of the server's `proplint/target` notification. */
export interface TargetNotification {
  uri: string;
  target: string | null;
  /** Where the server took the target from, e.g. "setting", "conference line". */
  source: string;
}

export type ServerState = 'starting' | 'running' | 'stopped' | 'missing';

export interface StatusView {
  text: string;
  tooltip: string;
}

/**
 * `announced`: what the server said about the active document (undefined when it said nothing,
 * e.g. an older server without the notification); `setting`: the `proplint.target` setting.
 */
export function statusFor(announced: TargetNotification | undefined, setting: string, state: ServerState): StatusView {
  if (state === 'missing') {
    return { text: '$(error) proplint', tooltip: 'proplint: the language server was not found. Click to set the target; see the proplint output for details.' };
  }
  const suffix = state === 'starting' ? ' $(sync~spin)' : state === 'stopped' ? ' $(debug-disconnect)' : '';
  const stateNote = state === 'starting' ? '\nThe server is starting.' : state === 'stopped' ? '\nThe server is not running.' : '';
  if (announced && announced.target) {
    return {
      text: `$(law) ${announced.target}${suffix}`,
      tooltip: `proplint target conference: ${announced.target} (from ${announced.source})${stateNote}\nClick to change it.`,
    };
  }
  if (announced && !announced.target) {
    return {
      text: `$(law) proplint${suffix}`,
      tooltip: `proplint: no target conference (${announced.source}); citations are checked against the newest known revisions.${stateNote}\nClick to set one.`,
    };
  }
  const t = setting.trim();
  if (t !== '') {
    return { text: `$(law) ${t}${suffix}`, tooltip: `proplint target conference: ${t} (from the proplint.target setting)${stateNote}\nClick to change it.` };
  }
  return { text: `$(law) proplint${suffix}`, tooltip: `proplint: target conference taken from the document's conference line, if any.${stateNote}\nClick to set one.` };
}
