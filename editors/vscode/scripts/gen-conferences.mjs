// Regenerates src/conferences.json (the ids offered by "proplint: Set target conference")
// from the catalogue the server embeds, ../../catalog/itu-resolutions.json.
// A unit test (test/conferences.test.ts) fails when the two drift apart.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const catalogPath = path.resolve(root, '../../catalog/itu-resolutions.json');

export function conferencesFromCatalog(catalog) {
  return catalog.conferences.map((c) => ({ id: c.id, body: c.body, place: c.place?.en ?? '', year: c.year }));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const catalog = JSON.parse(fs.readFileSync(catalogPath, 'utf8'));
  const out = path.join(root, 'src/conferences.json');
  fs.writeFileSync(out, JSON.stringify(conferencesFromCatalog(catalog), null, 2) + '\n');
  console.log(`wrote ${path.relative(process.cwd(), out)}`);
}
