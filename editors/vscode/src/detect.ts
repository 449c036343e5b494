// Tells whether a Plain Text or Markdown document is an ITU proposal, so that the client
// attaches the proplint server to it (and to nothing else). Pure: no 'vscode' import.
//
// A document is a proposal when one of its lines (within the first MAX_LINES) is, once
// the usual export debris is stripped (leading blanks, Markdown `#`/`>`/list/emphasis marks,
// Word `[bookmark: _Toc...]` anchors, `[Dubai, 2014](#)` link artefacts, non-breaking spaces):
//
//   * an action line:      MOD<TAB>ECP/24A6/1 · (ADD) B/67/3 · SUP USA/22/4
//   * a resolution heading: RESOLUTION 45 (Rev. Dubai, 2014) · RÉSOLUTION 45 (RÉV. DUBAÏ, 2014)
//                           RESOLUCIÓN 45 (Rev. Dubái, 2014) · Resolution 100 (Minneapolis, 1998)
//                           DRAFT NEW RESOLUTION [ACP-1] · PROJET DE NOUVELLE RÉSOLUTION [B-1]
//                           PROYECTO DE NUEVA RESOLUCIÓN [IAP-1]
//                           (upper case, or a Markdown heading)
//   * a conference line:    The World Telecommunication Development Conference (Buenos Aires, 2017),
//                           La Conférence de plénipotentiaires de l'Union ... (Dubaï, 2018),
//                           (the trailing comma is required: it ends the line in every language)
//
// Each pattern covers the whole line, so prose that merely mentions "Resolution 45 (Rev.
// Dubai, 2014)" or "the Conference (Busan, 2014)" in a sentence is not a proposal.

export type ProposalSignal = 'action' | 'heading' | 'conference';

export interface Detection {
  signal: ProposalSignal;
  /** 0-based line number of the first signal. */
  line: number;
}

/** Lines looked at; proposals announce themselves early (the cover page is short). */
export const MAX_LINES = 400;

const ACTION = /^\(?(?:MOD|ADD|SUP|NOC)\)?[ \t]+[A-Z]{1,6}\/\d+(?:A\d+)?\/\d+\b/;

const RES_WORD = '(?:RESOLUTION|RÉSOLUTION|RESOLUCIÓN|RESOLUCION)';
// "45 (Rev. Dubai, 2014)", "45 (RÉV.DUBAÏ, 2014BUENOS AIRES, 2017)", "100 (Minneapolis, 1998)",
// "155 (Rev.WRC-19)", "155 (RÉV.CMR-19)"; nothing but blanks after the closing parenthesis.
const HEADING = new RegExp(
  `^${RES_WORD}\\s+\\d+(?:/\\d+)?\\s*\\((?:(?:REV|RÉV)\\.?\\s*)?(?:[^()\\d]+,?\\s*\\d{4}[^()]*|(?:WRC|CMR)-\\d{2})\\)\\s*$`,
  'iu',
);
const NEW_HEADING =
  /^(?:DRAFT\s+NEW\s+RESOLUTION|PROJET\s+DE\s+NOUVELLE\s+RÉSOLUTION|PROYECTO\s+DE\s+NUEVA\s+RESOLUCI[ÓO]N)\s*\[[^\]]+\]\s*$/iu;

// "(The|La|El) ... Conference|Conférence|Conferencia|Assembly|Assemblée|Asamblea ... (Place, 2017),"
const CONFERENCE = new RegExp(
  '^(?:The|La|El)\\s.*\\b(?:Conference|Conférence|Conferencia|Assembly|Assemblée|Asamblea)\\b' +
    '.*\\([^()]*\\d{4}[^()]*\\),\\s*$',
  'u',
);

/** Strips what Word/PDF/Markdown exports put around the text of a line. */
export function normalizeLine(line: string): string {
  let s = line.replace(/[\u00a0\u202f\u2007]/g, ' ');
  s = s.replace(/\[bookmark:[^\]]*\]/gi, '');
  s = s.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1'); // [Dubai, 2014](#) -> Dubai, 2014
  s = s.trim();
  s = s.replace(/^(?:>\s*)+/, ''); // blockquote
  s = s.replace(/^#{1,6}\s+/, ''); // Markdown heading
  s = s.replace(/^[-*+]\s+/, ''); // list item
  s = s.replace(/(\*\*|__|\*|_)/g, ''); // emphasis anywhere (**MOD**\t**B/67/3**)
  return s.trim();
}

/** The first proposal signal in `text`, or undefined when it does not look like a proposal. */
export function detectProposal(text: string, maxLines = MAX_LINES): Detection | undefined {
  let start = 0;
  for (let line = 0; line < maxLines && start <= text.length; line++) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const raw = text.slice(start, end).replace(/\r$/, '');
    start = end + 1;
    if (raw.length > 1000 || raw.trim() === '') continue; // a paragraph, not a heading
    const s = normalizeLine(raw);
    if (ACTION.test(s)) return { signal: 'action', line };
    // headings are upper case in Word exports and Markdown headings in PDF exports;
    // a "Resolution 45 (Rev. Dubai, 2014)" line in a list of references is neither
    const first = s.split(/\s/, 1)[0];
    const headingLike = /^\s*#{1,6}\s/.test(raw) || first === first.toUpperCase();
    if (headingLike && (HEADING.test(s) || NEW_HEADING.test(s))) return { signal: 'heading', line };
    if (CONFERENCE.test(s)) return { signal: 'conference', line };
  }
  return undefined;
}

export function looksLikeProposal(text: string): boolean {
  return detectProposal(text) !== undefined;
}

/** Extensions of the `itu-proposal` language (always checked, whatever the content). */
export const PROPOSAL_EXTENSIONS = ['.itup', '.proposal.txt', '.proposal.md'];

/** The languages whose documents are checked when their content looks like a proposal. */
export const DETECTED_LANGUAGES = ['plaintext', 'markdown'];

export const PROPOSAL_LANGUAGE = 'itu-proposal';

/**
 * Whether the client should attach the server to a document of this language and content.
 * `detect` is the `proplint.detectProposals` setting.
 */
export function shouldAttach(languageId: string, text: () => string, detect: boolean): boolean {
  if (languageId === PROPOSAL_LANGUAGE) return true;
  if (!detect || !DETECTED_LANGUAGES.includes(languageId)) return false;
  return looksLikeProposal(text());
}
