// Packages the extension (`npm run package`, options after `--`):
//   node scripts/package.mjs                                  universal proplint.vsix, no server
//   node scripts/package.mjs --target linux-x64 --server ../../target/release/proplint
//        -> proplint-linux-x64.vsix, carrying the binary as server/linux-x64/proplint
//   --out FILE  another output name
// The --target names are vsce's (linux-x64, linux-arm64, darwin-x64, darwin-arm64, win32-x64):
// they are also Node's `${process.platform}-${process.arch}`, which is where the extension
// looks for its bundled server (src/serverPath.ts). A platform-specific package without its
// server is refused: that is the package that greets a user with "server not found".
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const opt = (name) => {
  const i = argv.indexOf(`--${name}`);
  if (i < 0) return undefined;
  if (i + 1 >= argv.length) fail(`--${name} needs a value`);
  return argv[i + 1];
};
function fail(msg) {
  console.error(`package.mjs: ${msg}`);
  process.exit(2);
}
const TARGETS = ['linux-x64', 'linux-arm64', 'darwin-x64', 'darwin-arm64', 'win32-x64', 'win32-arm64', 'alpine-x64', 'alpine-arm64'];
const target = opt('target');
const server = opt('server');
if (target !== undefined && !TARGETS.includes(target)) fail(`unknown --target ${target}; one of ${TARGETS.join(', ')}`);
if (server !== undefined && target === undefined) fail('--server needs --target (the platform the binary is for)');
const out = path.resolve(opt('out') ?? (target ? `proplint-${target}.vsix` : 'proplint.vsix'));

// vsce from this package's node_modules, with the node running this script (Windows too)
const vsceJs = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
const vsce = (args) => spawnSync(process.execPath, [vsceJs, ...args], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });

const serverRoot = path.join(root, 'server');
let rel;
if (target) {
  const exe = target.startsWith('win32-') ? 'proplint.exe' : 'proplint';
  rel = `server/${target}/${exe}`;
  if (server !== undefined) {
    const src = path.resolve(server);
    if (!fs.statSync(src, { throwIfNoEntry: false })?.isFile()) fail(`--server ${src}: no such file`);
    // only this platform's binary goes in: a stale one of another platform would ride along
    fs.rmSync(serverRoot, { recursive: true, force: true });
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.copyFileSync(src, path.join(root, rel));
  }
  if (!fs.existsSync(path.join(root, rel))) fail(`no ${rel}: pass --server PATH (the proplint binary for ${target})`);
  // the mode is recorded in the .vsix, and VS Code keeps it when it unpacks the extension
  if (!target.startsWith('win32-')) fs.chmodSync(path.join(root, rel), 0o755);
  const ls = vsce(['ls', '--no-dependencies']);
  if (ls.status !== 0) fail('vsce ls failed');
  const files = ls.stdout.split(/\r?\n/).map((l) => l.trim().replace(/\\/g, '/'));
  if (!files.includes(rel)) fail(`${rel} would not be packaged (check .vscodeignore)`);
  const others = files.filter((f) => f.startsWith('server/') && f !== rel);
  if (others.length) fail(`other files under server/ would be packaged: ${others.join(', ')}`);
}

const args = ['package', '--no-dependencies', '-o', out];
if (target) args.push('--target', target);
if (!target && fs.existsSync(serverRoot)) console.error('package.mjs: note: server/ exists and goes into this universal package');
const r = spawnSync(process.execPath, [vsceJs, ...args], { cwd: root, stdio: 'inherit' });
// the copy made for --server is gone afterwards, so that a later universal package stays universal
if (server !== undefined) fs.rmSync(serverRoot, { recursive: true, force: true });
if (r.status !== 0) process.exit(r.status ?? 1);
console.log(`package.mjs: ${path.relative(process.cwd(), out)}${target ? ` (${target}, with ${rel})` : ''}`);
