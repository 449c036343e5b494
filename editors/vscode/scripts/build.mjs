// Bundles the extension with esbuild (one file, no node_modules in the .vsix).
//   node scripts/build.mjs               development build -> out/extension.js
//   node scripts/build.mjs --production  minified, no source map (used by `vsce package`)
//   node scripts/build.mjs --tests       also builds test/*.test.ts -> out/test/*.test.js
//   node scripts/build.mjs --watch
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const production = args.has('--production');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node16',
  format: 'cjs',
  external: ['vscode'],
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'info',
  absWorkingDir: root,
};

const builds = [{ ...common, entryPoints: ['src/extension.ts'], outfile: 'out/extension.js' }];
if (args.has('--tests')) {
  const tests = fs.readdirSync(path.join(root, 'test')).filter((f) => f.endsWith('.test.ts'));
  // unit tests cover the pure modules; they must never import 'vscode'
  builds.push({ ...common, external: [], entryPoints: tests.map((f) => `test/${f}`), outdir: 'out/test' });
}

if (args.has('--watch')) {
  for (const b of builds) await (await esbuild.context(b)).watch();
} else {
  fs.rmSync(path.join(root, 'out'), { recursive: true, force: true });
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
