import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { CONFERENCES, groupedConferences } from '../src/conferences';

test('src/conferences.json matches the catalogue (run `npm run gen:conferences` after editing it)', () => {
  const catalogPath = path.join(__dirname, '..', '..', '..', '..', 'catalog', 'itu-resolutions.json');
  if (!fs.existsSync(catalogPath)) return;
  const catalog = JSON.parse(fs.readFileSync(catalogPath, 'utf8'));
  const expected = catalog.conferences.map((c: any) => ({ id: c.id, body: c.body, place: c.place?.en ?? '', year: c.year }));
  assert.deepEqual(CONFERENCES, expected);
});

test('grouped PP, WTDC, WTSA, RA, newest first', () => {
  const groups = groupedConferences([
    { id: 'RA-19', body: 'RA', place: 'Sharm el-Sheikh', year: 2019 },
    { id: 'PP-14', body: 'PP', place: 'Busan', year: 2014 },
    { id: 'PP-18', body: 'PP', place: 'Dubai', year: 2018 },
    { id: 'WTDC-17', body: 'WTDC', place: 'Buenos Aires', year: 2017 },
    { id: 'APP-92', body: 'APP', place: 'Geneva', year: 1992 },
  ]);
  assert.deepEqual(groups.map((g) => g.body), ['PP', 'WTDC', 'RA', 'APP']);
  assert.deepEqual(groups[0].items.map((c) => c.id), ['PP-18', 'PP-14']);
});
