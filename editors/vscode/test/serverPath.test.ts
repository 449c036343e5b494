import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bundledDir, bundledPath, expandPath, resolveServerPath, ResolveInput, serverExecutable } from '../src/serverPath';

function input(over: Partial<ResolveInput>, files: string[]): ResolveInput {
  const set = new Set(files);
  return {
    configured: '',
    extensionPath: '/ext',
    workspaceFolder: '/ws',
    platform: 'linux',
    arch: 'x64',
    env: { PATH: '/usr/local/bin:/usr/bin', HOME: '/home/me' },
    isExecutable: (p) => set.has(p),
    ...over,
  };
}

test('the setting wins over the bundled binary and PATH', () => {
  const r = resolveServerPath(input({ configured: '/opt/proplint/bin/proplint' }, ['/opt/proplint/bin/proplint', '/ext/server/linux-x64/proplint', '/usr/bin/proplint']));
  assert.deepEqual(r, { ok: true, path: '/opt/proplint/bin/proplint', source: 'setting' });
});

test('the setting expands ~ and ${workspaceFolder}, takes relative paths from the workspace, accepts a directory', () => {
  assert.deepEqual(resolveServerPath(input({ configured: '~/.cargo/bin/proplint' }, ['/home/me/.cargo/bin/proplint'])),
    { ok: true, path: '/home/me/.cargo/bin/proplint', source: 'setting' });
  assert.deepEqual(resolveServerPath(input({ configured: '${workspaceFolder}/target/debug/proplint' }, ['/ws/target/debug/proplint'])),
    { ok: true, path: '/ws/target/debug/proplint', source: 'setting' });
  assert.deepEqual(resolveServerPath(input({ configured: 'target/release/proplint' }, ['/ws/target/release/proplint'])),
    { ok: true, path: '/ws/target/release/proplint', source: 'setting' });
  assert.deepEqual(resolveServerPath(input({ configured: '/opt/proplint/bin' }, ['/opt/proplint/bin/proplint'])),
    { ok: true, path: '/opt/proplint/bin/proplint', source: 'setting' });
});

test('a setting that points nowhere is an error, not a silent fallback', () => {
  const r = resolveServerPath(input({ configured: '/nope/proplint' }, ['/ext/server/linux-x64/proplint', '/usr/bin/proplint']));
  assert.equal(r.ok, false);
  assert.equal(!r.ok && r.reason, 'configured-missing');
  assert.deepEqual(!r.ok && r.tried, ['/nope/proplint']);
});

test('then the bundled binary for this platform and architecture', () => {
  assert.deepEqual(resolveServerPath(input({}, ['/ext/server/linux-x64/proplint', '/usr/bin/proplint'])),
    { ok: true, path: '/ext/server/linux-x64/proplint', source: 'bundled' });
  assert.deepEqual(resolveServerPath(input({ arch: 'arm64' }, ['/ext/server/linux-x64/proplint', '/usr/bin/proplint'])),
    { ok: true, path: '/usr/bin/proplint', source: 'PATH' }, 'another architecture\'s binary is not used');
  assert.equal(bundledDir('darwin', 'arm64'), 'server/darwin-arm64');
});

test('the bundled binary is where scripts/package.mjs --target puts it', () => {
  // vsce's --target names are Node's platform-arch: linux-x64, darwin-arm64, win32-x64, ...
  assert.equal(bundledPath('/ext', 'linux', 'x64'), '/ext/server/linux-x64/proplint');
  assert.equal(bundledPath('/ext', 'darwin', 'arm64'), '/ext/server/darwin-arm64/proplint');
  assert.equal(bundledPath('C:\\ext', 'win32', 'x64'), 'C:\\ext\\server\\win32-x64\\proplint.exe');
});

test('then PATH, in order', () => {
  assert.deepEqual(resolveServerPath(input({}, ['/usr/bin/proplint', '/usr/local/bin/proplint'])),
    { ok: true, path: '/usr/local/bin/proplint', source: 'PATH' });
});

test('nothing found lists every place looked at', () => {
  const r = resolveServerPath(input({}, []));
  assert.equal(r.ok, false);
  assert.equal(!r.ok && r.reason, 'not-found');
  assert.deepEqual(!r.ok && r.tried, ['/ext/server/linux-x64/proplint', '/usr/local/bin/proplint', '/usr/bin/proplint']);
  assert.equal(resolveServerPath(input({ env: {} }, [])).ok, false, 'no PATH at all');
});

test('Windows: .exe, backslashes, ; separated Path', () => {
  const r = resolveServerPath(input({
    platform: 'win32', extensionPath: 'C:\\ext', workspaceFolder: 'C:\\ws',
    env: { Path: 'C:\\tools;C:\\Users\\me\\.cargo\\bin', PATHEXT: '.COM;.EXE' },
  }, ['C:\\Users\\me\\.cargo\\bin\\proplint.exe']));
  assert.deepEqual(r, { ok: true, path: 'C:\\Users\\me\\.cargo\\bin\\proplint.exe', source: 'PATH' });
  assert.deepEqual(resolveServerPath(input({ platform: 'win32', extensionPath: 'C:\\ext', env: {} }, ['C:\\ext\\server\\win32-x64\\proplint.exe'])),
    { ok: true, path: 'C:\\ext\\server\\win32-x64\\proplint.exe', source: 'bundled' });
});

test('expandPath leaves absolute paths alone', () => {
  assert.equal(expandPath('/a/b', '/ws', '/home/me', 'linux'), '/a/b');
  assert.equal(expandPath('~', '/ws', '/home/me', 'linux'), '/home/me');
  assert.equal(expandPath('rel', undefined, '/home/me', 'linux'), 'rel', 'no workspace: left relative');
});

test('the server runs as `proplint lsp`, with no transport (the client would append --stdio)', () => {
  assert.deepEqual(serverExecutable('/bin/proplint'), { command: '/bin/proplint', args: ['lsp'] });
  const debug = serverExecutable('/bin/proplint', { RUST_BACKTRACE: '1' });
  assert.deepEqual(debug.args, ['lsp']);
  assert.equal('transport' in debug, false);
});
