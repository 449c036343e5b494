// What the status bar item says. Pure.

/** Params of the server's `proplint/target` notification. */
export interface TargetNotification {
  uri: string;
  target: string | null;
  /** Where the server took the target from, e.g. "setting", "conference line". */
  source: string;
  /**
   * Which conferences' outcomes are missing for the bodies the document cites: a sentence the
   * server wrote in the language of its messages; absent when none is (or from older servers).
   */
  uncatalogued?: string;
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
  // Said once per document, as the server's reports say it in their header.
  const missing = announced?.uncatalogued ? '\n\n' + announced.uncatalogued : '';
  const mark = missing ? ' $(info)' : '';
  if (announced && announced.target) {
    return {
      text: `$(law) ${announced.target}${mark}${suffix}`,
      tooltip: `proplint target conference: ${announced.target} (from ${announced.source})${stateNote}${missing}\nClick to change it.`,
    };
  }
  if (announced && !announced.target) {
    return {
      text: `$(law) proplint${mark}${suffix}`,
      tooltip: `proplint: no target conference (${announced.source}); citations are checked against the newest known revisions.${stateNote}${missing}\nClick to set one.`,
    };
  }
  const t = setting.trim();
  if (t !== '') {
    return { text: `$(law) ${t}${suffix}`, tooltip: `proplint target conference: ${t} (from the proplint.target setting)${stateNote}\nClick to change it.` };
  }
  return { text: `$(law) proplint${suffix}`, tooltip: `proplint: target conference taken from the document's conference line, if any.${stateNote}\nClick to set one.` };
}
