// What the status bar item says. Pure: the words come through `t` (vscode.l10n.t in the
// extension; the English text with its {0} filled in, in the unit tests).

/** Params of the server's `proplint/target` notification. */
export interface TargetNotification {
  uri: string;
  target: string | null;
  /** Where the server took the target from, e.g. "option", "conference line": a stable key. */
  source: string;
  /**
   * Which conferences' outcomes are missing for the bodies the document cites: a sentence the
   * server wrote in the language of its messages; absent when none is (or from older servers).
   */
  uncatalogued?: string;
  /** The same for people, in the language of the document's messages (newer servers). */
  label?: string;
}

export type ServerState = 'starting' | 'running' | 'stopped' | 'missing';

export interface StatusView {
  text: string;
  tooltip: string;
}

/** `vscode.l10n.t`'s shape: an English message with {0}, {1}… and its arguments. */
export type Translate = (message: string, ...args: Array<string | number | boolean>) => string;

/** English, with the arguments put in their places. */
export const english: Translate = (message, ...args) =>
  message.replace(/\{(\d+)\}/g, (whole, i: string) => (Number(i) < args.length ? String(args[Number(i)]) : whole));

/**
 * `announced`: what the server said about the active document (undefined when it said nothing,
 * e.g. an older server without the notification); `setting`: the `proplint.target` setting.
 */
export function statusFor(announced: TargetNotification | undefined, setting: string, state: ServerState, t: Translate = english): StatusView {
  if (state === 'missing') {
    return { text: '$(error) proplint', tooltip: t('proplint: the language server was not found. Click to set the target; see the proplint output for details.') };
  }
  const suffix = state === 'starting' ? ' $(sync~spin)' : state === 'stopped' ? ' $(debug-disconnect)' : '';
  const stateNote = state === 'starting' ? `\n${t('The server is starting.')}` : state === 'stopped' ? `\n${t('The server is not running.')}` : '';
  // Said once per document, as the server's reports say it in their header.
  const missing = announced?.uncatalogued ? '\n\n' + announced.uncatalogued : '';
  const mark = missing ? ' $(info)' : '';
  if (announced && announced.target) {
    // A newer server says where the target came from in the user's language.
    const where = announced.label ?? t('{0} (from {1})', announced.target, announced.source);
    return {
      text: `$(law) ${announced.target}${mark}${suffix}`,
      tooltip: `${t('proplint target conference: {0}', where)}${stateNote}${missing}\n${t('Click to change it.')}`,
    };
  }
  if (announced && !announced.target) {
    const why = announced.label ?? announced.source;
    return {
      text: `$(law) proplint${mark}${suffix}`,
      tooltip: `${t('proplint: no target conference ({0}); citations are checked against the newest known revisions.', why)}${stateNote}${missing}\n${t('Click to set one.')}`,
    };
  }
  const target = setting.trim();
  if (target !== '') {
    return { text: `$(law) ${target}${suffix}`, tooltip: `${t('proplint target conference: {0} (from the proplint.target setting)', target)}${stateNote}\n${t('Click to change it.')}` };
  }
  return { text: `$(law) proplint${suffix}`, tooltip: `${t("proplint: target conference taken from the document's conference line, if any.")}${stateNote}\n${t('Click to set one.')}` };
}
