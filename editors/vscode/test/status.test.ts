import assert from 'node:assert/strict';
import { test } from 'node:test';
import { statusFor } from '../src/status';

test('the target the server announced wins, with where it came from', () => {
  const v = statusFor({ uri: 'file:///a.txt', target: 'WTDC-17', source: 'conference line' }, 'PP-22', 'running');
  assert.equal(v.text, '$(law) WTDC-17');
  assert.match(v.tooltip, /from conference line/);
});

test('without the notification, the setting; without a setting, "proplint"', () => {
  assert.equal(statusFor(undefined, 'PP-22', 'running').text, '$(law) PP-22');
  assert.equal(statusFor(undefined, '', 'running').text, '$(law) proplint');
  assert.equal(statusFor({ uri: 'u', target: null, source: 'none found' }, '', 'running').text, '$(law) proplint');
});

test('server state shows in the item', () => {
  assert.equal(statusFor(undefined, 'PP-22', 'starting').text, '$(law) PP-22 $(sync~spin)');
  assert.equal(statusFor(undefined, '', 'missing').text, '$(error) proplint');
});

test('the outcomes the catalogue lacks show once, in the item and its tooltip', () => {
  const sentence = 'the outcome of WTDC-25 (Baku, 2025) is not catalogued, though it has met';
  const v = statusFor({ uri: 'file:///a.md', target: 'PP-26', source: 'setting', uncatalogued: sentence }, '', 'running');
  assert.equal(v.text, '$(law) PP-26 $(info)');
  assert.equal(v.tooltip.split(sentence).length, 2, 'said once');
  const none = statusFor({ uri: 'file:///a.md', target: 'PP-26', source: 'setting' }, '', 'running');
  assert.equal(none.text, '$(law) PP-26');
  assert.ok(!none.tooltip.includes('catalogued'));
});

test('a newer server labels the target in the user\'s language, and the words go through t', () => {
  const fr = (m: string, ...a: Array<string | number | boolean>) => `«${m}»${a.join('|')}`;
  const v = statusFor({ uri: 'u', target: 'WTDC-17', source: 'conference line', label: 'CMDT-17 (d\'après la ligne de la conférence)' }, '', 'running', fr);
  assert.match(v.tooltip, /^«proplint target conference: \{0\}»CMDT-17 \(d'après la ligne de la conférence\)/);
  assert.match(v.tooltip, /«Click to change it\.»/);
});
