import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_DEBOUNCE_MS, RULE_CODES, toServerSettings } from '../src/settings';

const ctx = { workspaceFolder: '/ws', home: '/home/me', platform: 'linux' as const };
const reader = (values: Record<string, unknown>) => (k: string) => values[k];

test('defaults map to an empty target, no extra catalogue, no overrides', () => {
  const { settings, warnings } = toServerSettings(reader({ target: '', catalog: [], rules: {}, debounceMs: 200 }), ctx);
  assert.deepEqual(settings, { target: '', lang: 'auto', catalog: [], rules: {}, debounceMs: 200 });
  assert.deepEqual(warnings, []);
});

test('client-only settings are not sent to the server', () => {
  const { settings } = toServerSettings(reader({ path: '/x', detectProposals: false, trace: { server: 'verbose' } }), ctx);
  assert.deepEqual(Object.keys(settings).sort(), ['catalog', 'debounceMs', 'lang', 'rules', 'target']);
});

test('lang is passed on when the server knows it, else auto with a note', () => {
  assert.equal(toServerSettings(reader({ lang: 'FR' }), ctx).settings.lang, 'fr');
  assert.equal(toServerSettings(reader({ lang: 'editor' }), ctx).settings.lang, 'editor');
  const bad = toServerSettings(reader({ lang: 'de' }), ctx);
  assert.equal(bad.settings.lang, 'auto');
  assert.match(bad.warnings[0], /proplint\.lang/);
});

test('target is normalised to upper case and validated', () => {
  assert.equal(toServerSettings(reader({ target: ' wtdc-17 ' }), ctx).settings.target, 'WTDC-17');
  assert.equal(toServerSettings(reader({ target: 'PP-22' }), ctx).settings.target, 'PP-22');
  const bad = toServerSettings(reader({ target: 'Buenos Aires 2017' }), ctx);
  assert.equal(bad.settings.target, '');
  assert.match(bad.warnings[0], /not a conference id/);
});

test('catalogue paths are made absolute from the workspace folder', () => {
  const { settings, warnings } = toServerSettings(reader({ catalog: ['extra.json', '~/cat.json', '${workspaceFolder}/c/x.json', '/abs.json', 3] }), ctx);
  assert.deepEqual(settings.catalog, ['/ws/extra.json', '/home/me/cat.json', '/ws/c/x.json', '/abs.json']);
  assert.equal(warnings.length, 1);
  assert.deepEqual(toServerSettings(reader({ catalog: 'one.json' }), ctx).settings.catalog, ['/ws/one.json'], 'a single string is accepted');
});

test('rule severities: valid ones pass, synonyms are normalised, junk is dropped', () => {
  const { settings, warnings } = toServerSettings(reader({
    rules: { 'stale-revision': 'error', 'uncatalogued-citation': 'OFF', 'clause-sequence': 'information', 'missing-reasons': 'loud', 'new-rule': 'warning' },
  }), ctx);
  assert.deepEqual(settings.rules, { 'stale-revision': 'error', 'uncatalogued-citation': 'off', 'clause-sequence': 'info', 'new-rule': 'warning' });
  assert.equal(warnings.length, 2);
  assert.ok(warnings.some((w) => w.includes('missing-reasons')));
  assert.ok(warnings.some((w) => w.includes('unknown rule "new-rule"')), 'a newer server may know more rules: passed on, with a note');
});

test('debounceMs: numbers are rounded, junk falls back to the default', () => {
  assert.equal(toServerSettings(reader({ debounceMs: 350.4 }), ctx).settings.debounceMs, 350);
  assert.equal(toServerSettings(reader({ debounceMs: -1 }), ctx).settings.debounceMs, DEFAULT_DEBOUNCE_MS);
  assert.equal(toServerSettings(reader({ debounceMs: 'fast' }), ctx).settings.debounceMs, DEFAULT_DEBOUNCE_MS);
  assert.equal(toServerSettings(reader({}), ctx).settings.debounceMs, DEFAULT_DEBOUNCE_MS);
});

test('the rule codes match the rule docs of the server', () => {
  const fs = require('node:fs') as typeof import('node:fs');
  const path = require('node:path') as typeof import('node:path');
  const docs = path.join(__dirname, '..', '..', '..', '..', 'docs', 'rules');
  if (!fs.existsSync(docs)) return;
  const codes = fs.readdirSync(docs).filter((f) => f.endsWith('.md')).map((f) => f.slice(0, -3)).sort();
  assert.deepEqual([...RULE_CODES].sort(), codes);
});

test('package.json offers the same rule codes in the proplint.rules schema', () => {
  const fs = require('node:fs') as typeof import('node:fs');
  const path = require('node:path') as typeof import('node:path');
  const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8'));
  const schema = manifest.contributes.configuration.properties['proplint.rules'];
  assert.deepEqual(Object.keys(schema.properties).sort(), [...RULE_CODES].sort());
  assert.ok(schema.additionalProperties, 'codes of newer servers stay allowed');
});

test('every UI string of package.json is in English, French and Spanish', () => {
  const fs = require('node:fs') as typeof import('node:fs');
  const path = require('node:path') as typeof import('node:path');
  const root = path.join(__dirname, '..', '..');
  const manifest = fs.readFileSync(path.join(root, 'package.json'), 'utf8');
  const used = [...manifest.matchAll(/"%([^"%]+)%"/g)].map((m) => m[1]).sort();
  assert.ok(used.length > 10, 'package.json names its strings as %keys%');
  for (const file of ['package.nls.json', 'package.nls.fr.json', 'package.nls.es.json']) {
    const strings = JSON.parse(fs.readFileSync(path.join(root, file), 'utf8'));
    assert.deepEqual(Object.keys(strings).sort(), used, `${file} has exactly the keys package.json uses`);
    for (const [k, v] of Object.entries(strings)) assert.ok(typeof v === 'string' && v.trim() !== '', `${file}: ${k} is empty`);
  }
});
