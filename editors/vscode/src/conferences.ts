// Conference ids for "proplint: Set target conference". src/conferences.json is generated
// from the catalogue by scripts/gen-conferences.mjs (a unit test checks it is up to date).
import conferences from './conferences.json';

export interface Conference {
  id: string;
  body: string;
  place: string;
  year: number;
}

export const CONFERENCES: readonly Conference[] = conferences;

/** Grouped by body (PP, WTDC, WTSA, RA, then others), newest first within a body. */
export function groupedConferences(list: readonly Conference[] = CONFERENCES): Array<{ body: string; items: Conference[] }> {
  const order = ['PP', 'WTDC', 'WTSA', 'RA'];
  const bodies = [...new Set(list.map((c) => c.body))].sort((a, b) => {
    const ia = order.indexOf(a) < 0 ? order.length : order.indexOf(a);
    const ib = order.indexOf(b) < 0 ? order.length : order.indexOf(b);
    return ia - ib || a.localeCompare(b);
  });
  return bodies.map((body) => ({ body, items: list.filter((c) => c.body === body).sort((a, b) => b.year - a.year) }));
}
