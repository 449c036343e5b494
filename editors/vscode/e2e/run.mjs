#!/usr/bin/env node
// End-to-end test of the packaged extension in a real VS Code (code-server 4.x, VS Code 1.100)
// driven by headless Chromium (playwright-core + Debian `chromium`). Adapted from
// shared/tools/vscode-e2e-example.mjs.
//
//   PROPLINT_BIN=/path/to/proplint node e2e/run.mjs      # the real server
//   node e2e/run.mjs                                      # the TEST DOUBLE e2e/fake-server.mjs
//   node e2e/run.mjs --server-via packaged --vsix proplint-linux-x64.vsix
//        # what a user installs: the .vsix carries the server (scripts/package.mjs --target),
//        # nothing is copied, no `proplint` on PATH, no proplint.path
//
// Steps (required ones fail the run; "soft" ones are reported in `warnings`, or fail with --strict):
//    1. install proplint.vsix into a fresh profile; put the server at server/<platform>-<arch>/proplint
//       inside the installed extension (or set proplint.path with --server-via setting; with
//       --server-via packaged: check that the installed .vsix brought it, executable, remove
//       every `proplint` from code-server's PATH, and later that the extension started that one)
//    2. open e2e/fixtures/usa-res45.proposal.txt (a copy, in a temp workspace)
//    3. wait for proplint diagnostics in the Problems panel: stale-revision, clause-sequence
//    4. soft: the status bar shows the target conference WTDC-17
//    5. screenshot vscode-problems.png
//    6. go to the stale citation, Ctrl+. , screenshot vscode-quickfix.png, pick the fix whose title
//       matches --fix-title (default /Busan/), save, and check the file on disk now cites Rev. Busan, 2014
//    7. the stale-revision diagnostic goes away
//    8. soft (required with --server-via packaged): hover over the citation shows text (vscode-hover.png)
//    9. soft: "proplint: Show catalogue entry for citation" opens a Markdown document beside
//   10. soft: "proplint: Fix all problems" + save fixes the clause lettering (d) -> c)); then soft:
//       completion after "Resolution " on a new line (reverted afterwards)
//   11. open detected.txt (plain text that looks like a proposal): proplint diagnostics appear
//  11b. open propuesta.md (a Spanish Markdown proposal): proplint diagnostics, stale-revision among them
//   12. open notes.txt (not a proposal): no diagnostics at all for it
//
// Options (or env E2E_<NAME>): --code-server (default: $CODE_SERVER, else <repo>/.code-server/bin/code-server,
// installed with shared/tools/install-code-server.sh when missing), --vsix (default proplint.vsix, built
// with `npm run package` when missing), --screenshots DIR (default e2e/out; ../../docs/images refreshes
// the documentation's screenshots), --server-via bundled|setting|packaged, --fix-title REGEX, --timeout ms,
// --scenario proposal|missing-server (the latter: no server at all, expect the error with its buttons),
// --strict 1, --keep-tmp 1, --chromium PATH. E2E_VERBOSE=1 prints the logs. stdout: a JSON report.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const extRoot = path.resolve(here, '..');
const repoRoot = path.resolve(extRoot, '../..');

// ------------------------------------------------------------------ args ---
const argv = process.argv.slice(2);
const opt = (name, def) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < argv.length ? argv[i + 1] : (process.env[`E2E_${name.toUpperCase().replace(/-/g, '_')}`] ?? def);
};
const serverVia = opt('server-via', 'bundled');
// 'packaged': the server is the one inside the .vsix; PROPLINT_BIN plays no part
const packaged = serverVia === 'packaged';
const realBin = !packaged && process.env.PROPLINT_BIN ? path.resolve(process.env.PROPLINT_BIN) : '';
const useFake = !realBin && !packaged;
let codeServer = opt('code-server', process.env.CODE_SERVER || path.join(repoRoot, '.code-server/bin/code-server'));
const vsix = path.resolve(opt('vsix', path.join(extRoot, 'proplint.vsix')));
// screenshots go to e2e/out (ignored by git); `--screenshots ../../docs/images` refreshes the docs' ones
const shotDir = path.resolve(opt('screenshots', path.join(here, 'out')));
// 'proposal' (default): the steps above; 'missing-server': no server anywhere, expect the error
// notification with its "Open settings" / "Installation guide" buttons
const scenario = opt('scenario', 'proposal');
const fixTitle = new RegExp(opt('fix-title', 'Busan'));
const timeout = Number(opt('timeout', '90000'));
const strict = opt('strict', '') === '1';
const keepTmp = opt('keep-tmp', '') === '1';
const chromiumPath = opt('chromium', '/usr/bin/chromium');
const verbose = process.env.E2E_VERBOSE === '1';
const log = (...a) => console.error('[e2e]', ...a);

if (realBin && !fs.existsSync(realBin)) { console.error(`PROPLINT_BIN=${realBin} does not exist`); process.exit(2); }
if (useFake) log('PROPLINT_BIN is not set: using the TEST DOUBLE e2e/fake-server.mjs, not the real proplint server');

// ------------------------------------------------------ prerequisites ---
function loadPlaywright() {
  for (const b of [path.join(process.cwd(), 'x.js'), fileURLToPath(import.meta.url)]) {
    try { return createRequire(b)('playwright-core'); } catch { /* next */ }
  }
  throw new Error('playwright-core not found: run `npm ci` in editors/vscode');
}
const { chromium } = loadPlaywright();
if (!fs.existsSync(chromiumPath)) { console.error(`no Chromium at ${chromiumPath}: apt-get install chromium`); process.exit(2); }
codeServer = path.resolve(codeServer);
if (!fs.existsSync(codeServer)) {
  const script = path.resolve(repoRoot, '../shared/tools/install-code-server.sh');
  if (!fs.existsSync(script)) { console.error(`no code-server at ${codeServer} and no ${script} to install it`); process.exit(2); }
  const dir = path.resolve(codeServer, '../..');
  log('installing code-server into', dir, '(about 70 s)');
  const r = spawnSync('bash', [script, dir], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  if (r.status !== 0) { console.error('install-code-server.sh failed'); process.exit(2); }
  codeServer = r.stdout.trim().split('\n').pop();
}
if (packaged && !fs.existsSync(vsix)) { console.error(`--server-via packaged needs the platform .vsix (${vsix}): node scripts/package.mjs --target ... --server ...`); process.exit(2); }
if (!fs.existsSync(vsix)) {
  log('building', vsix);
  const r = spawnSync('npm', ['run', 'package'], { cwd: extRoot, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0 || !fs.existsSync(vsix)) { console.error('npm run package failed'); process.exit(2); }
}

// ------------------------------------------------------------ temp dirs ---
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'proplint-e2e-'));
const userDataDir = path.join(tmp, 'user-data');
const extensionsDir = path.join(tmp, 'extensions');
const workspace = path.join(tmp, 'workspace');
fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
fs.mkdirSync(extensionsDir, { recursive: true });
fs.cpSync(path.join(here, 'fixtures'), workspace, { recursive: true });
fs.writeFileSync(path.join(tmp, 'config.yaml'), 'bind-addr: 127.0.0.1:8080\nauth: none\ncert: false\n');

// the server the extension will start: the real binary, or a wrapper around the test double
let serverExe = realBin;
if (useFake) {
  serverExe = path.join(tmp, 'fake-bin', 'proplint');
  fs.mkdirSync(path.dirname(serverExe), { recursive: true });
  fs.writeFileSync(serverExe, `#!/bin/sh\n# TEST DOUBLE wrapper written by e2e/run.mjs\nexec "${process.execPath}" "${path.join(here, 'fake-server.mjs')}" "$@"\n`);
  fs.chmodSync(serverExe, 0o755);
}

const settings = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'chat.commandCenter.enabled': false,
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.editor.enablePreview': false,
  'editor.hover.delay': 200,
  'editor.minimap.enabled': false,
  'proplint.trace.server': 'messages',
};
if (serverVia === 'setting' && scenario !== 'missing-server') settings['proplint.path'] = serverExe;
fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));

const env = { ...process.env, CODE_SERVER_CONFIG: path.join(tmp, 'config.yaml'), XDG_DATA_HOME: path.join(tmp, 'xdg-data') };
if (packaged) {
  // as on a user's machine without proplint: no folder of PATH holds one
  env.PATH = (env.PATH ?? '').split(path.delimiter).filter((d) => d && !fs.existsSync(path.join(d, 'proplint'))).join(path.delimiter);
  const which = spawnSync('sh', ['-c', 'command -v proplint'], { env, encoding: 'utf8' });
  if (which.status === 0) { console.error(`proplint is still on PATH: ${which.stdout}`); process.exit(2); }
}
if (env.EXTENSIONS_GALLERY === undefined) env.EXTENSIONS_GALLERY = '{}';
const csCommon = ['--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];

let server; let browser; let page; let serverLog = ''; let serverFailure = ''; const blocked = [];
const report = { ok: false, server: packaged ? `inside ${path.basename(vsix)}` : useFake ? 'TEST DOUBLE (e2e/fake-server.mjs)' : realBin, serverVia, steps: {}, warnings: [], screenshots: [], blockedRequests: blocked };
const step = (name, data) => { report.steps[name] = data; log(`✓ ${name}`, typeof data === 'object' ? JSON.stringify(data).slice(0, 300) : data); };
const soft = (name, message) => { report.warnings.push(`${name}: ${message}`); log(`! ${name}: ${message}`); };

/** Texts of the log files of the `proplint` output channel (logs/<session>/.../output_logging_*). */
function outputLogs() {
  const files = [];
  const walk = (d) => { for (const e of fs.readdirSync(d, { withFileTypes: true })) { const p = path.join(d, e.name); if (e.isDirectory()) walk(p); else files.push(p); } };
  try { walk(path.join(userDataDir, 'logs')); } catch { return []; }
  return files.filter((f) => /proplint\.log$/.test(f)).map((f) => fs.readFileSync(f, 'utf8'));
}

function dumpLogs() {
  const files = [];
  const walk = (d) => { for (const e of fs.readdirSync(d, { withFileTypes: true })) { const p = path.join(d, e.name); if (e.isDirectory()) walk(p); else files.push(p); } };
  try { walk(path.join(userDataDir, 'logs')); } catch { return; }
  for (const f of files.filter((f) => /proplint|remoteexthost|exthost\.log/.test(f))) {
    const text = fs.readFileSync(f, 'utf8');
    log(`---- ${path.relative(tmp, f)} (last 80 lines)\n${text.split('\n').slice(-80).join('\n')}`);
  }
}

async function cleanup() {
  try { if (browser) await browser.close(); } catch { /* ignore */ }
  if (server && server.exitCode === null && server.signalCode === null) {
    server.kill('SIGTERM');
    const dead = await new Promise((res) => { const t = setTimeout(() => res(false), 8000); server.once('exit', () => { clearTimeout(t); res(true); }); });
    if (!dead) server.kill('SIGKILL');
  }
  if (verbose) log('code-server log:\n' + serverLog);
  if (!keepTmp) fs.rmSync(tmp, { recursive: true, force: true });
  else log('kept temp dir', tmp);
}
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, async () => { await cleanup(); process.exit(130); });

function freePort() {
  return new Promise((res, rej) => {
    const s = net.createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => res(port)); });
  });
}

async function shot(name) {
  fs.mkdirSync(shotDir, { recursive: true });
  const p = path.join(shotDir, name);
  await page.screenshot({ path: p });
  report.screenshots.push(p);
  return p;
}

// ------------------------------------------------------------ UI helpers ---
async function focusEditorArea() {
  await page.locator('.monaco-workbench').click({ position: { x: 900, y: 500 } }).catch(() => {});
}

async function openFile(rel) {
  const base = path.basename(rel);
  const deadline = Date.now() + timeout;
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 10000 });
    await input.fill(rel);
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: base }).first();
    try {
      await row.waitFor({ state: 'visible', timeout: 10000 });
      await page.keyboard.press('Enter');
      await page.locator(`.tabs-container .tab[aria-label^="${base}"]`).first().waitFor({ timeout: 10000 });
      return;
    } catch (e) {
      await page.keyboard.press('Escape');
      if (Date.now() > deadline) throw new Error(`could not open ${rel} via Quick Open: ${e.message}`);
      log(`quick open attempt ${attempt} failed, retrying`);
    }
  }
}

async function runCommand(title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10000 });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ state: 'visible', timeout: 10000 });
  await page.keyboard.press('Enter');
}

async function goTo(line, column) {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10000 });
  await input.fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
  await page.waitForTimeout(300);
}

const markerRows = () => page.locator('.markers-panel .monaco-list-row[aria-level="2"]');
async function markers() {
  return markerRows().evaluateAll((els) => els.map((el) => {
    const t = (sel) => el.querySelector(sel)?.textContent?.trim() ?? null;
    const icon = el.querySelector('.marker-icon');
    const severity = icon ? ['error', 'warning', 'info'].find((s) => icon.classList.contains(s)) ?? null : null;
    return { severity, message: t('.marker-message'), source: t('.marker-source'), code: t('.marker-code'), position: t('.marker-line') };
  }));
}
const fileRows = () => page.locator('.markers-panel .monaco-list-row[aria-level="1"]');

async function waitFor(fn, what, ms = timeout) {
  const deadline = Date.now() + ms;
  for (;;) {
    if (serverFailure) throw new Error(`the server did not start: ${serverFailure}`);
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await page.waitForTimeout(250);
  }
}

async function saveAndRead(rel, predicate, what) {
  await page.keyboard.press('Control+S');
  const file = path.join(workspace, rel);
  return waitFor(() => { const t = fs.readFileSync(file, 'utf8'); return predicate(t) ? t : null; }, what, 15000);
}

// ------------------------------------------------------------------ run ---
const PROPOSAL = 'usa-res45.proposal.txt';
let exitCode = 1;
try {
  // 1. install the extension, then the server next to it
  log('installing', vsix);
  const r = spawnSync(codeServer, [...csCommon, '--install-extension', vsix], { env, encoding: 'utf8', timeout: 120000 });
  if (r.status !== 0 || !/successfully installed/i.test(r.stdout + r.stderr)) throw new Error(`--install-extension failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  const installed = fs.readdirSync(extensionsDir).find((d) => d.startsWith('proplint.proplint-'));
  if (!installed) throw new Error(`extension not found in ${extensionsDir}`);
  const bundled = path.join(extensionsDir, installed, 'server', `${process.platform}-${process.arch}`, process.platform === 'win32' ? 'proplint.exe' : 'proplint');
  if (packaged) {
    // the .vsix must have brought the server, executable, with nothing copied by this test
    let mode;
    try { mode = fs.statSync(bundled).mode; } catch { throw new Error(`the .vsix did not install ${bundled}`); }
    if (process.platform !== 'win32' && (mode & 0o111) === 0) throw new Error(`${bundled} was installed without its execute bit (mode ${(mode & 0o777).toString(8)})`);
    step('packagedServer', { path: path.relative(extensionsDir, bundled), mode: (mode & 0o777).toString(8), proplintOnPath: false, proplintPathSetting: settings['proplint.path'] ?? null });
  } else if (serverVia === 'bundled' && scenario !== 'missing-server') {
    fs.mkdirSync(path.dirname(bundled), { recursive: true });
    fs.copyFileSync(serverExe, bundled);
    fs.chmodSync(bundled, 0o755);
  }
  step('install', { extension: installed, serverVia });

  const port = await freePort();
  server = spawn(codeServer, [
    ...csCommon, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none',
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--disable-getting-started-override', '--disable-proxy', workspace,
  ], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  server.stdout.on('data', (d) => { serverLog += d; });
  server.stderr.on('data', (d) => { serverLog += d; });
  await new Promise((res, rej) => {
    const t = setTimeout(() => rej(new Error(`code-server did not start:\n${serverLog}`)), 60000);
    const check = () => { if (/HTTP server listening/.test(serverLog)) { clearTimeout(t); res(); } };
    server.stdout.on('data', check); server.stderr.on('data', check);
    server.once('exit', (c) => { clearTimeout(t); rej(new Error(`code-server exited (${c}):\n${serverLog}`)); });
  });
  log(`code-server pid ${server.pid} on 127.0.0.1:${port}`);

  browser = await chromium.launchPersistentContext(path.join(tmp, 'chromium-profile'), {
    executablePath: chromiumPath, headless: true, viewport: { width: 1400, height: 860 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  await browser.route('**/*', (route) => {
    const u = new URL(route.request().url());
    if (['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname)) return route.continue();
    blocked.push(u.origin + u.pathname);
    return route.abort();
  });
  page = browser.pages()[0] ?? await browser.newPage();
  page.setDefaultTimeout(timeout);
  // the page's console (extension contribution errors appear there, not in the server logs)
  page.on('console', (m) => {
    if (verbose || (m.type() === 'error' && /proplint/i.test(m.text()))) log(`console.${m.type()}:`, m.text().slice(0, 500));
    // the extension reports a server that cannot start as an error notification: fail fast
    if (scenario === 'proposal' && m.type() === 'error' && /proplint: the (language server .* failed to start|proplint language server was not found|server set in)/.test(m.text())) {
      serverFailure = m.text().split('\n')[0];
    }
  });
  await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`);
  await page.waitForSelector('.monaco-workbench .part.statusbar');
  await page.waitForSelector('.explorer-folders-view .monaco-list-row');
  await focusEditorArea();

  if (scenario === 'missing-server') {
    await openFile(PROPOSAL);
    const toast = page.locator('.notifications-toasts .notification-toast', { hasText: 'proplint' }).first();
    await toast.waitFor({ timeout: 30000 });
    const message = (await toast.locator('.notification-list-item-message').innerText()).trim();
    const buttons = (await toast.locator('.monaco-button').allTextContents()).map((b) => b.trim()).filter(Boolean);
    step('missingServerNotification', { message, buttons });
    await shot('vscode-missing-server.png');
    if (!buttons.includes('Open settings') || !buttons.includes('Installation guide')) throw new Error(`buttons: ${JSON.stringify(buttons)}`);
    await toast.locator('.monaco-button', { hasText: 'Open settings' }).click();
    await page.locator('.settings-editor').first().waitFor({ timeout: 15000 });
    const query = await page.locator('.settings-editor .suggest-input-container textarea, .settings-editor .settings-header input, .settings-editor .monaco-editor textarea').first().inputValue().catch(() => null);
    const row = page.locator('.settings-editor .setting-item-contents', { hasText: 'Path to the' }).first();
    try {
      await row.waitFor({ timeout: 15000 });
    } catch {
      await shot('vscode-settings-failure.png');
      const rows = (await page.locator('.settings-editor .setting-item-label').allTextContents()).map((t) => t.trim());
      throw new Error(`the settings editor does not show proplint.path: ${JSON.stringify(rows)}`);
    }
    step('openSettings', { query, row: (await row.innerText()).split('\n').slice(0, 2).join(' | ') });
    report.ok = true;
    exitCode = 0;
  } else {
  // 2-3. the proposal and its diagnostics
  await openFile(PROPOSAL);
  const lang = await page.locator('.statusbar-item[id="status.editor.mode"]').textContent().catch(() => null);
  await page.keyboard.press('Control+Shift+M');
  await page.waitForSelector('.markers-panel');
  const initial = await waitFor(async () => {
    const m = (await markers()).filter((d) => (d.source ?? '').includes('proplint'));
    return m.some((d) => /stale-revision/.test(d.code ?? '')) && m.some((d) => /clause-sequence/.test(d.code ?? '')) ? m : null;
  }, 'stale-revision and clause-sequence diagnostics in the Problems panel');
  await page.waitForSelector('.monaco-editor .squiggly-warning, .monaco-editor .squiggly-error, .monaco-editor .squiggly-info', { timeout: 15000 }).catch(() => soft('squiggles', 'none painted'));
  step('diagnostics', { languageMode: lang?.trim(), diagnostics: initial });
  if (packaged) {
    // the extension logs which binary it started and how it found it (its output channel)
    const started = await waitFor(async () => outputLogs().find((t) => /proplint: starting .* lsp \(found via/.test(t)), 'the proplint output channel log', 15000);
    const line = started.split('\n').find((l) => /proplint: starting .* lsp \(found via/.test(l));
    if (!line.includes(`${bundled} lsp (found via bundled)`)) throw new Error(`the extension did not start the packaged server: ${line}`);
    step('serverStarted', line.trim());
  }

  // 4. status bar
  try {
    await page.locator('.part.statusbar .statusbar-item', { hasText: 'WTDC-17' }).first().waitFor({ timeout: 15000 });
    step('statusBar', 'shows WTDC-17');
  } catch {
    const items = await page.locator('.part.statusbar .statusbar-item').allTextContents();
    soft('statusBar', `no item with WTDC-17; items: ${JSON.stringify(items.map((s) => s.trim()).filter(Boolean))}`);
  }

  // 5. screenshot of the Problems panel
  await page.waitForTimeout(500);
  step('screenshotProblems', await shot('vscode-problems.png'));

  // 6. quick fix through the UI: go to the stale citation, Ctrl+.
  const stale = initial.find((d) => /stale-revision/.test(d.code ?? ''));
  const pos = /Ln (\d+), Col (\d+)/.exec(stale.position ?? '');
  if (!pos) throw new Error(`cannot read the position of the stale-revision diagnostic: ${stale.position}`);
  await focusEditorArea();
  await goTo(pos[1], pos[2]);
  await page.keyboard.press('Control+.');
  const actionRows = page.locator('.action-widget .monaco-list-row.action');
  await actionRows.first().waitFor({ state: 'visible', timeout: 15000 });
  await page.waitForTimeout(300);
  const titles = (await actionRows.allTextContents()).map((s) => s.trim()).filter(Boolean);
  step('screenshotQuickFix', await shot('vscode-quickfix.png'));
  const index = titles.findIndex((t) => fixTitle.test(t));
  if (index < 0) throw new Error(`no quick fix matching ${fixTitle} in ${JSON.stringify(titles)}`);
  // the widget opens with its first action focused; a click is blocked by its pointer overlay
  const focused = await actionRows.evaluateAll((els) => els.findIndex((el) => el.classList.contains('focused')));
  for (let i = Math.max(focused, 0); i < index; i++) await page.keyboard.press('ArrowDown');
  for (let i = Math.max(focused, 0); i > index; i--) await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  const fixed = await saveAndRead(PROPOSAL, (t) => t.includes('Resolution 140 (Rev. Busan, 2014)') && !t.includes('Guadalajara'), 'the quick fix to reach the file');
  step('quickFix', { offered: titles, applied: titles[index], line: fixed.split('\n').find((l) => l.includes('Resolution 140')) });

  // 7. the diagnostic goes away
  await waitFor(async () => !(await markers()).some((d) => /stale-revision/.test(d.code ?? '') && (d.message ?? '').includes('140')), 'the stale-revision diagnostic to disappear', 20000);
  step('staleGone', true);

  // 8. hover on the citation
  try {
    await focusEditorArea();
    const word = page.locator('.monaco-editor .view-lines .view-line span span', { hasText: /^Resolution$/ }).first();
    await word.hover();
    const hover = page.locator('.monaco-hover:not(.hidden) .monaco-hover-content, .monaco-hover:not(.hidden) .hover-contents').first();
    await hover.waitFor({ state: 'visible', timeout: 10000 });
    await page.waitForTimeout(400);
    const text = (await hover.innerText()).trim();
    if (!text) throw new Error('empty hover');
    step('hover', text.slice(0, 300));
    await shot('vscode-hover.png');
    await page.mouse.move(5, 5);
    await page.keyboard.press('Escape');
  } catch (e) {
    // the packaged run is what a user installs: hover is part of what must work there
    if (packaged) throw new Error(`hover: ${e.message.split('\n')[0]}`);
    soft('hover', e.message.split('\n')[0]);
  }

  // 9. catalogue entry beside
  try {
    await focusEditorArea();
    await goTo(pos[1], pos[2]);
    const before = await page.locator('.tabs-container .tab').count();
    await runCommand('proplint: Show catalogue entry for citation');
    await waitFor(async () => (await page.locator('.tabs-container .tab').count()) > before, 'a new editor tab', 10000);
    const tab = (await page.locator('.tabs-container .tab').allTextContents()).map((s) => s.trim()).filter((s) => s.endsWith('.md'));
    const groups = page.locator('.editor-group-container');
    const text = (await groups.nth((await groups.count()) - 1).locator('.view-lines').first().innerText()).trim();
    if (!text) throw new Error('empty catalogue document');
    step('catalogueEntry', { tabs: tab, text: text.slice(0, 300) });
    await page.keyboard.press('Escape');
  } catch (e) {
    soft('catalogueEntry', e.message.split('\n')[0]);
  }

  // 10. fix all
  try {
    await openFile(PROPOSAL); // back to the proposal's editor
    await runCommand('proplint: Fix all problems');
    // the edit is applied asynchronously; the clause-sequence finding goes once it is
    try {
      await waitFor(async () => !(await markers()).some((d) => /clause-sequence/.test(d.code ?? '')), 'the clause-sequence diagnostic to go', 10000);
    } catch (e) {
      const toasts = (await page.locator('.notifications-toasts .notification-list-item-message').allTextContents()).map((t) => t.trim());
      throw new Error(`${e.message}; notifications: ${JSON.stringify(toasts)}`);
    }
    const all = await saveAndRead(PROPOSAL, (t) => /^c\)\tthe relevant outcomes/m.test(t), 'the clause lettering to be fixed');
    step('fixAll', all.split('\n').filter((l) => /^[a-d]\)\t/.test(l)).map((l) => l.slice(0, 40)));
  } catch (e) {
    soft('fixAll', e.message.split('\n')[0]);
  }

  // 10b. completion after "Resolution " (soft: the test double has none)
  try {
    await goTo(16, 1);
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('see Resolution ', { delay: 20 });
    await page.keyboard.press('Control+Space');
    const rows = page.locator('.suggest-widget .monaco-list-row');
    await rows.first().waitFor({ state: 'visible', timeout: 10000 });
    await page.waitForTimeout(500);
    const labels = (await rows.allTextContents()).map((t) => t.trim());
    // VS Code adds word-based suggestions of its own: only resolution numbers count
    const numbers = labels.filter((l) => /^\d/.test(l));
    if (numbers.length === 0) throw new Error(`no resolution numbers suggested: ${JSON.stringify(labels.slice(0, 5))}`);
    step('completion', numbers.slice(0, 5));
    await page.keyboard.press('Escape');
  } catch (e) {
    soft('completion', e.message.split('\n')[0]);
  }
  // leave the proposal as it was saved
  await page.keyboard.press('Escape');
  await runCommand('File: Revert File').catch(() => soft('completion', 'could not revert the file'));

  // 11. plain text that looks like a proposal gets checked
  await openFile('detected.txt');
  await waitFor(async () => (await fileRows().allTextContents()).some((t) => t.includes('detected.txt')), 'diagnostics for detected.txt', 30000);
  step('detectedPlainText', (await markers()).filter((d) => (d.source ?? '').includes('proplint')).map((d) => `${d.code}: ${d.message}`));

  // 11b. a Markdown proposal (Spanish, with a stale citation) gets checked too (the test double
  // knows only the fixtures above)
  if (useFake) soft('markdownProposal', 'skipped with the test double');
  else {
  await openFile('propuesta.md');
  const md = await waitFor(async () => {
    if (!(await fileRows().allTextContents()).some((t) => t.includes('propuesta.md'))) return null;
    const m = (await markers()).filter((d) => (d.source ?? '').includes('proplint'));
    return m.some((d) => /stale-revision/.test(d.code ?? '')) ? m : null;
  }, 'stale-revision diagnostics for propuesta.md', 30000);
  step('markdownProposal', md.map((d) => `${d.code}: ${(d.message ?? '').slice(0, 60)}`));
  }

  // 12. plain text that is not a proposal gets nothing: the client does not attach the server
  //     to it (a document the client sends is checked whatever its shape, docs/lsp.md)
  await openFile('notes.txt');
  await page.waitForTimeout(4000);
  const notesRows = (await fileRows().allTextContents()).filter((t) => t.includes('notes.txt'));
  if (notesRows.length > 0) throw new Error(`notes.txt (not a proposal) got diagnostics: ${JSON.stringify(notesRows)}`);
  step('notProposalIgnored', true);

  report.ok = !strict || report.warnings.length === 0;
  exitCode = report.ok ? 0 : 1;
  }
} catch (e) {
  log('FAILED:', e.stack || e.message);
  report.error = String(e.message || e).split('\n')[0];
  if (page) { try { report.failureScreenshot = await shot('vscode-e2e-failure.png'); } catch { /* ignore */ } }
  dumpLogs();
  exitCode = 1;
} finally {
  if (verbose) dumpLogs();
  console.log(JSON.stringify(report, null, 2));
  await cleanup();
}
process.exit(exitCode);
