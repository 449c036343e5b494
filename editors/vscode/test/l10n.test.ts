import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { english } from '../src/status';

// The tests run from out/test/: the sources and bundles are two levels up.
const root = path.resolve(__dirname, '..', '..');
const LANGS = ['fr', 'es'];

/** Every message the extension passes to `t(...)`, as its English key. */
function keys(): Set<string> {
  const out = new Set<string>();
  for (const file of ['extension.ts', 'status.ts']) {
    const src = fs.readFileSync(path.join(root, 'src', file), 'utf8');
    for (const m of src.matchAll(/(?<![\w.])t\(\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)")/g)) {
      out.add((m[1] ?? m[2]).replace(/\\(['"\\])/g, '$1'));
    }
  }
  return out;
}

const placeholders = (s: string) => [...s.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort().join(',');

test('every runtime string has its French and Spanish, with the same placeholders', () => {
  const wanted = keys();
  assert.ok(wanted.size > 30, `only ${wanted.size} strings found`);
  for (const lang of LANGS) {
    const bundle: Record<string, string> = JSON.parse(fs.readFileSync(path.join(root, 'l10n', `bundle.l10n.${lang}.json`), 'utf8'));
    for (const key of wanted) {
      assert.ok(key in bundle, `${lang}: no translation of ${JSON.stringify(key)}`);
      assert.equal(placeholders(bundle[key]), placeholders(key), `${lang}: placeholders of ${JSON.stringify(key)}`);
      assert.notEqual(bundle[key], key, `${lang}: ${JSON.stringify(key)} is not translated`);
    }
    for (const key of Object.keys(bundle)) assert.ok(wanted.has(key), `${lang}: ${JSON.stringify(key)} is used nowhere`);
  }
});

test('the manifest points VS Code at the bundles, and the package ships them', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  assert.equal(manifest.l10n, './l10n');
  assert.match(fs.readFileSync(path.join(root, '.vscodeignore'), 'utf8'), /^!l10n\/\*\.json$/m);
});

test('English fills the placeholders in order', () => {
  assert.equal(english('{0} (from {1})', 'WTDC-17', 'conference line'), 'WTDC-17 (from conference line)');
});
