import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { detectProposal, looksLikeProposal, normalizeLine, shouldAttach } from '../src/detect';

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, '..', '..', 'test', 'fixtures', name), 'utf8');

test('action lines in the forms the corpus uses', () => {
  for (const line of ['MOD\tECP/24A6/1', ' MOD\tECP/24A6/1', 'ADD  B/67/3', '(MOD)\tUSA/22/4', 'SUP\tACP/64A1/2', 'NOC IAP/12/7', '**MOD**\t**AFCP/3/1**']) {
    assert.deepEqual(detectProposal(`Some cover page\n\n${line}\nRESOLUTION`), { signal: 'action', line: 2 }, line);
  }
});

test('resolution headings in three languages, Word and Markdown exports', () => {
  for (const line of [
    'RESOLUTION 45 (Rev. Dubai, 2014)',
    'RÉSOLUTION 45 (RÉV. DUBAÏ, 2014)',
    'RESOLUCIÓN 45 (Rev. Dubái, 2014)',
    '[bookmark: _Toc394060844][bookmark: _Toc401906771]RÉSOLUTION 45 (RÉV.DUBAÏ, 2014BUENOS AIRES, 2017)',
    '## RESOLUTION 45 (Rév. [Dubai, 2014](#))',
    '# Resolution 140 (Rev. Busan, 2014)',
    'RESOLUTION 100 (Minneapolis, 1998)',
    'RESOLUTION 155 (Rev.WRC-19)',
    'DRAFT NEW RESOLUTION [ACP-1]',
    'PROJET DE NOUVELLE RÉSOLUTION [B-1]',
    'PROYECTO DE NUEVA RESOLUCIÓN [IAP-1]',
  ]) {
    assert.equal(detectProposal(`intro\n${line}\n`)?.signal, 'heading', line);
  }
});

test('conference lines in three languages', () => {
  for (const line of [
    'The World Telecommunication Development Conference (Buenos Aires, 2017),',
    "La Conférence de plénipotentiaires de l'Union internationale des télécommunications (Dubaï, 2018),",
    'La Conferencia Mundial de Desarrollo de las Telecomunicaciones (Kigali, 2022),',
    ' La Conférence mondiale de développement des télécommunications (Dubaï, 2014),',
    'La Conférence mondiale de développement des télécommunications ([Dubai, 2014](#)),',
    'The World Telecommunication Standardization Assembly (Hammamet, 2016),',
  ]) {
    assert.equal(detectProposal(line)?.signal, 'conference', line);
  }
});

test('prose that mentions resolutions and conferences is not a proposal', () => {
  const prose = [
    '# Meeting notes',
    '',
    'We discussed Resolution 45 (Rev. Dubai, 2014) and what to MOD in it.',
    '- Resolution 140 (Rev. Busan, 2014)',
    'The Plenipotentiary Conference (Busan, 2014) revised it.',
    'MOD the config file, then ADD it to git.',
    'See ECP/24A6/1 for details.',
    'The World Telecommunication Development Conference (Buenos Aires, 2017) was held in October.',
  ].join('\n');
  assert.equal(detectProposal(prose), undefined);
  assert.equal(looksLikeProposal(''), false);
  assert.equal(looksLikeProposal('hello world\n'), false);
  assert.equal(looksLikeProposal('fn main() {\n    println!("MOD\tECP/24A6/1");\n}\n'), false);
});

test('signals beyond the first MAX_LINES lines are ignored', () => {
  const text = 'filler\n'.repeat(500) + 'MOD\tECP/24A6/1\n';
  assert.equal(detectProposal(text), undefined);
  assert.equal(detectProposal(text, 1000)?.signal, 'action');
});

test('CRLF line endings', () => {
  assert.deepEqual(detectProposal('cover\r\nMOD\tB/67/3\r\nRESOLUTION 45 (Rev. Dubai, 2014)\r\n'), { signal: 'action', line: 1 });
});

test('normalizeLine strips export debris', () => {
  assert.equal(normalizeLine('## RESOLUTION 45 (Rév. [Dubai, 2014](#))'), 'RESOLUTION 45 (Rév. Dubai, 2014)');
  assert.equal(normalizeLine('[bookmark: _Toc1]RÉSOLUTION 45'), 'RÉSOLUTION 45');
  assert.equal(normalizeLine('> *rappelant*'), 'rappelant');
  assert.equal(normalizeLine('MOD\u00a0B/67/3'), 'MOD B/67/3');
});

test('fixtures: excerpts of real documents', () => {
  assert.equal(detectProposal(fixture('fr-word-export.txt'))?.signal, 'action');
  assert.equal(detectProposal(fixture('fr-pdf-export.md'))?.signal, 'heading');
  assert.equal(detectProposal(fixture('fr-resolution-body.txt'))?.signal, 'conference');
  assert.equal(detectProposal(fixture('fr-report.txt')), undefined, 'a report is not a proposal');
  assert.equal(detectProposal(fixture('readme.md')), undefined);
});

test('shouldAttach: the itu-proposal language always, plaintext/markdown by content, others never', () => {
  const proposal = () => 'MOD\tECP/24A6/1\n';
  const other = () => 'just text\n';
  let calls = 0;
  const counted = () => { calls++; return proposal(); };
  assert.equal(shouldAttach('itu-proposal', counted, true), true);
  assert.equal(shouldAttach('itu-proposal', counted, false), true);
  assert.equal(calls, 0, 'the text of an itu-proposal document is never scanned');
  assert.equal(shouldAttach('plaintext', proposal, true), true);
  assert.equal(shouldAttach('markdown', proposal, true), true);
  assert.equal(shouldAttach('plaintext', other, true), false);
  assert.equal(shouldAttach('plaintext', proposal, false), false, 'detection switched off');
  assert.equal(shouldAttach('rust', proposal, true), false);
  assert.equal(shouldAttach('json', proposal, true), false);
});
