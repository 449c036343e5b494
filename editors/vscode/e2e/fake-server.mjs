#!/usr/bin/env node
// TEST DOUBLE — NOT proplint. A tiny stdio language server that speaks just enough of the
// proplint server contract (docs/editors.md, "Server contract") to prove the e2e harness
// and the extension's client side while the real `proplint lsp` is not available:
//
//   * diagnostics (source "proplint", code = rule code, codeDescription.href) for two
//     hard-coded defects: "Resolution 140 (Rev. Guadalajara, 2010)" (stale-revision) and a
//     lettered clause that skips a letter (clause-sequence); every message ends in
//     "[test double]" so a screenshot can never be mistaken for the real server's;
//   * quick fixes (preferred) and `source.fixAll.proplint`;
//   * hover and the `proplint/catalogEntry` request on "Resolution NNN (...)";
//   * the `proplint/target` notification (target from the setting or the conference line);
//   * it asks `workspace/configuration` (section "proplint") and logs what it got on stderr.
//
// It publishes an "information" diagnostic on every document that is not a proposal (the real
// server judges the citations of any document it is sent, and would flag notes.txt's stale
// one), so a client that forwards plain text it should not is caught by the e2e test.
// Run by e2e/run.mjs when PROPLINT_BIN is not set. Needs only node.
import process from 'node:process';

const log = (...a) => process.stderr.write(`[fake-proplint] ${a.join(' ')}\n`);
// like the real CLI, `lsp` takes no argument (a client that adds `--stdio` must fail here too)
if (process.argv[2] !== 'lsp' || process.argv.length > 3) {
  process.stderr.write(`proplint TEST DOUBLE (editors/vscode/e2e/fake-server.mjs): usage: proplint lsp (got: ${process.argv.slice(2).join(' ')})\n`);
  process.exit(process.argv[2] === '--version' ? 0 : 2);
}

// ----------------------------------------------------------------- framing ---
let buffer = Buffer.alloc(0);
let nextId = 1;
const pending = new Map();
function send(msg) {
  const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...msg }), 'utf8');
  process.stdout.write(`Content-Length: ${body.length}\r\n\r\n`);
  process.stdout.write(body);
}
const notify = (method, params) => send({ method, params });
const request = (method, params) => new Promise((resolve) => { const id = nextId++; pending.set(id, resolve); send({ id, method, params }); });
process.stdin.on('data', (chunk) => {
  buffer = Buffer.concat([buffer, chunk]);
  for (;;) {
    const sep = buffer.indexOf('\r\n\r\n');
    if (sep < 0) return;
    const m = /Content-Length: (\d+)/i.exec(buffer.subarray(0, sep).toString('ascii'));
    const len = Number(m?.[1] ?? 0);
    if (buffer.length < sep + 4 + len) return;
    const msg = JSON.parse(buffer.subarray(sep + 4, sep + 4 + len).toString('utf8'));
    buffer = buffer.subarray(sep + 4 + len);
    Promise.resolve(handle(msg)).catch((e) => log('error', e.stack));
  }
});
process.stdin.on('end', () => process.exit(0));

// ---------------------------------------------------------------- analysis ---
const docs = new Map(); // uri -> text
let settings = { target: '', catalog: [], rules: {}, debounceMs: 200 };
const DOC = (code) => `https://github.com/proplint/proplint/blob/main/docs/rules/${code}.md`;
const CONFERENCES = { 'Buenos Aires, 2017': 'WTDC-17', 'Dubai, 2014': 'WTDC-14', 'Dubaï, 2014': 'WTDC-14', 'Busan, 2014': 'PP-14', 'Dubai, 2018': 'PP-18', 'Bucharest, 2022': 'PP-22', 'Kigali, 2022': 'WTDC-22' };
const isProposal = (text) => /^\s*\(?(MOD|ADD|SUP|NOC)\)?[ \t]+\S+\/\d+/m.test(text) || /^(RESOLUTION|RÉSOLUTION|RESOLUCIÓN) \d+/m.test(text);

function target(text) {
  if (settings.target) return { target: settings.target, source: 'setting' };
  const m = /^(?:The|La|El) .*\(([^()]*\d{4})\),\s*$/m.exec(text);
  if (m && CONFERENCES[m[1]]) return { target: CONFERENCES[m[1]], source: 'conference line' };
  return { target: null, source: 'no conference line' };
}

function severity(code, dflt) {
  const s = settings.rules?.[code];
  return s === 'off' ? 0 : ({ error: 1, warning: 2, info: 3 })[s] ?? dflt;
}

function analyse(text) {
  const out = []; // { diagnostic, fix: { title, range, newText } }
  const lines = text.split('\n');
  let expected = 'a';
  lines.forEach((line, n) => {
    const stale = /Resolution 140 \(Rev\. (Guadalajara, 2010)\)/.exec(line);
    if (stale) {
      const range = { start: { line: n, character: stale.index }, end: { line: n, character: stale.index + stale[0].length } };
      const place = { start: { line: n, character: stale.index + stale[0].indexOf(stale[1]) }, end: { line: n, character: stale.index + stale[0].indexOf(stale[1]) + stale[1].length } };
      out.push({ code: 'stale-revision', sev: 2, range, message: 'Resolution 140 (Rev. Guadalajara, 2010) is stale: revised at Busan, 2014 (PP-14) before the target conference [test double]', fix: { title: 'Cite the revision in force: Rev. Busan, 2014', range: place, newText: 'Busan, 2014' } });
    }
    const label = /^([a-z])\)\t/.exec(line);
    if (label) {
      if (label[1] !== expected) {
        const range = { start: { line: n, character: 0 }, end: { line: n, character: 2 } };
        out.push({ code: 'clause-sequence', sev: 2, range, message: `Clause label ${label[1]}) should be ${expected}) [test double]`, fix: { title: `Relabel as ${expected})`, range: { start: range.start, end: { line: n, character: 1 } }, newText: expected } });
      }
      expected = String.fromCharCode(expected.charCodeAt(0) + 1);
    } else if (line.trim() !== '') {
      expected = 'a';
    }
  });
  return out
    .map((f) => ({ ...f, sev: severity(f.code, f.sev) }))
    .filter((f) => f.sev > 0)
    .map((f) => ({ ...f, diagnostic: { range: f.range, severity: f.sev, source: 'proplint', code: f.code, codeDescription: { href: DOC(f.code) }, message: f.message } }));
}

function publish(uri) {
  const text = docs.get(uri);
  if (text === undefined) return;
  if (!isProposal(text)) {
    notify('textDocument/publishDiagnostics', { uri, diagnostics: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, severity: 3, source: 'proplint', code: 'test-double', message: 'the client sent a non-proposal to the server [test double]' }] });
    return;
  }
  notify('textDocument/publishDiagnostics', { uri, diagnostics: analyse(text).map((f) => f.diagnostic) });
  notify('proplint/target', { uri, ...target(text) });
}

function citationAt(uri, pos) {
  const line = (docs.get(uri) ?? '').split('\n')[pos.line] ?? '';
  const re = /Resolution (\d+) \(([^()]*)\)/g;
  for (let m; (m = re.exec(line));) {
    if (pos.character >= m.index && pos.character <= m.index + m[0].length) {
      return { m, range: { start: { line: pos.line, character: m.index }, end: { line: pos.line, character: m.index + m[0].length } } };
    }
  }
  return undefined;
}

const entry = (m) => `### Resolution ${m[1]} (Plenipotentiary Conference)\n\nCited as *${m[2]}*. Revisions known to this test double: Guadalajara, 2010; Busan, 2014; Dubai, 2018.\n\n*[test double, not the proplint catalogue]*`;

const overlaps = (a, b) => !(a.end.line < b.start.line || (a.end.line === b.start.line && a.end.character < b.start.character)
  || b.end.line < a.start.line || (b.end.line === a.start.line && b.end.character < a.start.character));

// ----------------------------------------------------------------- handler ---
async function handle(msg) {
  if (msg.id !== undefined && !msg.method) { pending.get(msg.id)?.(msg.result); pending.delete(msg.id); return; }
  const { id, method, params } = msg;
  const reply = (result) => send({ id, result });
  switch (method) {
    case 'initialize':
      log('initialize, initializationOptions =', JSON.stringify(params.initializationOptions));
      return reply({
        serverInfo: { name: 'proplint-test-double', version: '0.0.0' },
        capabilities: {
          textDocumentSync: { openClose: true, change: 1 },
          hoverProvider: true,
          codeActionProvider: { codeActionKinds: ['quickfix', 'source.fixAll.proplint'] },
        },
      });
    case 'initialized': {
      const [cfg] = await request('workspace/configuration', { items: [{ section: 'proplint' }] });
      log('workspace/configuration ->', JSON.stringify(cfg));
      if (cfg && typeof cfg === 'object') settings = { ...settings, ...cfg };
      for (const uri of docs.keys()) publish(uri);
      return;
    }
    case 'workspace/didChangeConfiguration':
      log('didChangeConfiguration ->', JSON.stringify(params.settings));
      if (params.settings?.proplint) settings = { ...settings, ...params.settings.proplint };
      for (const uri of docs.keys()) publish(uri);
      return;
    case 'textDocument/didOpen':
      log('didOpen', params.textDocument.uri, params.textDocument.languageId);
      docs.set(params.textDocument.uri, params.textDocument.text);
      return publish(params.textDocument.uri);
    case 'textDocument/didChange':
      docs.set(params.textDocument.uri, params.contentChanges.at(-1).text);
      return publish(params.textDocument.uri);
    case 'textDocument/didClose':
      docs.delete(params.textDocument.uri);
      return notify('textDocument/publishDiagnostics', { uri: params.textDocument.uri, diagnostics: [] });
    case 'textDocument/hover': {
      const c = citationAt(params.textDocument.uri, params.position);
      return reply(c ? { contents: { kind: 'markdown', value: entry(c.m) }, range: c.range } : null);
    }
    case 'proplint/catalogEntry': {
      const c = citationAt(params.textDocument.uri, params.position);
      return reply(c ? { markdown: entry(c.m) } : null);
    }
    case 'textDocument/codeAction': {
      const uri = params.textDocument.uri;
      const findings = analyse(docs.get(uri) ?? '');
      const only = params.context.only;
      const wants = (kind) => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
      const actions = [];
      if (wants('quickfix')) {
        for (const f of findings.filter((f) => overlaps(f.range, params.range))) {
          actions.push({ title: f.fix.title, kind: 'quickfix', isPreferred: true, diagnostics: [f.diagnostic], edit: { changes: { [uri]: [{ range: f.fix.range, newText: f.fix.newText }] } } });
        }
      }
      if (wants('source.fixAll.proplint') && findings.length > 0) {
        actions.push({ title: 'Fix all proplint problems that have a safe fix', kind: 'source.fixAll.proplint', edit: { changes: { [uri]: findings.map((f) => ({ range: f.fix.range, newText: f.fix.newText })) } } });
      }
      return reply(actions);
    }
    case 'shutdown':
      return reply(null);
    case 'exit':
      return process.exit(0);
    default:
      if (id !== undefined) send({ id, error: { code: -32601, message: `test double: ${method} not supported` } });
  }
}
