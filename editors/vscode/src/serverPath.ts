// Finds the proplint executable. Pure apart from the injected file-system probe, so that
// the order of precedence is unit-tested without VS Code:
//
//   1. the `proplint.path` setting (`~`, `${workspaceFolder}` expanded, relative to the
//      first workspace folder); when set but missing, that is an error, never a silent fallback
//   2. the binary bundled in the extension: server/<platform>-<arch>/proplint[.exe]
//   3. `proplint` on PATH
import * as path from 'node:path';

export type ServerSource = 'setting' | 'bundled' | 'PATH';

export type ServerResolution =
  | { ok: true; path: string; source: ServerSource }
  | { ok: false; reason: 'configured-missing'; configured: string; tried: string[] }
  | { ok: false; reason: 'not-found'; tried: string[] };

export interface ResolveInput {
  /** Value of `proplint.path` ('' when unset). */
  configured: string;
  /** Root of the installed extension (context.extensionPath). */
  extensionPath: string;
  /** First workspace folder, if any. */
  workspaceFolder?: string;
  platform: NodeJS.Platform;
  arch: string;
  env: { PATH?: string; Path?: string; PATHEXT?: string; HOME?: string; USERPROFILE?: string };
  /** True when `p` is an existing regular file (and executable where that means something). */
  isExecutable: (p: string) => boolean;
}

export function executableName(platform: NodeJS.Platform): string {
  return platform === 'win32' ? 'proplint.exe' : 'proplint';
}

/** Directory of the bundled binary, relative to the extension root. */
export function bundledDir(platform: NodeJS.Platform, arch: string): string {
  return path.posix.join('server', `${platform}-${arch}`);
}

/** Absolute path of the binary a platform-specific .vsix carries (scripts/package.mjs). */
export function bundledPath(extensionPath: string, platform: NodeJS.Platform, arch: string): string {
  const pathApi = platform === 'win32' ? path.win32 : path.posix;
  return pathApi.join(extensionPath, ...bundledDir(platform, arch).split('/'), executableName(platform));
}

export function expandPath(p: string, workspaceFolder: string | undefined, home: string | undefined, platform: NodeJS.Platform): string {
  const pathApi = platform === 'win32' ? path.win32 : path.posix;
  let s = p.trim();
  if (workspaceFolder) s = s.replace(/\$\{workspaceFolder\}/g, workspaceFolder);
  if (home && (s === '~' || s.startsWith('~/') || (platform === 'win32' && s.startsWith('~\\')))) {
    s = pathApi.join(home, s.slice(1));
  }
  if (!pathApi.isAbsolute(s) && workspaceFolder) s = pathApi.join(workspaceFolder, s);
  return s;
}

export function resolveServerPath(input: ResolveInput): ServerResolution {
  const { platform, env } = input;
  const pathApi = platform === 'win32' ? path.win32 : path.posix;
  const home = env.HOME ?? env.USERPROFILE;
  const exe = executableName(platform);
  const tried: string[] = [];

  if (input.configured.trim() !== '') {
    const p = expandPath(input.configured, input.workspaceFolder, home, platform);
    tried.push(p);
    if (input.isExecutable(p)) return { ok: true, path: p, source: 'setting' };
    // a directory holding the binary is accepted too
    const inDir = pathApi.join(p, exe);
    if (input.isExecutable(inDir)) return { ok: true, path: inDir, source: 'setting' };
    return { ok: false, reason: 'configured-missing', configured: input.configured, tried };
  }

  const bundled = bundledPath(input.extensionPath, platform, input.arch);
  tried.push(bundled);
  if (input.isExecutable(bundled)) return { ok: true, path: bundled, source: 'bundled' };

  const searchPath = env.PATH ?? env.Path ?? '';
  const sep = platform === 'win32' ? ';' : ':';
  const names = platform === 'win32'
    ? [exe, ...(env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';').filter(Boolean).map((e) => `proplint${e.toLowerCase()}`)]
    : [exe];
  for (const dir of searchPath.split(sep)) {
    if (!dir) continue;
    for (const name of [...new Set(names)]) {
      const candidate = pathApi.join(dir, name);
      tried.push(candidate);
      if (input.isExecutable(candidate)) return { ok: true, path: candidate, source: 'PATH' };
    }
  }
  return { ok: false, reason: 'not-found', tried };
}

/**
 * How the language client runs the server: `proplint lsp` over stdio. Deliberately without a
 * `transport` field: with TransportKind.stdio vscode-languageclient appends `--stdio` to the
 * arguments, and `proplint lsp` rejects unknown arguments.
 */
export function serverExecutable(serverPath: string, env?: NodeJS.ProcessEnv): { command: string; args: string[]; options?: { env: NodeJS.ProcessEnv } } {
  return env ? { command: serverPath, args: ['lsp'], options: { env } } : { command: serverPath, args: ['lsp'] };
}
