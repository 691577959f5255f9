// Bundles a small test entry the way scripts/build.mjs bundles main.ts, so a module of src/ can be
// exercised inside the sandbox without the whole add-on.
import { buildSync } from 'esbuild';

export function bundleEntry(source: string, resolveDir: string): string {
  const out = buildSync({
    stdin: { contents: source, resolveDir, loader: 'ts' },
    bundle: true,
    format: 'iife',
    globalName: '__Kontrol',
    target: 'es2019',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    write: false,
    logLevel: 'silent',
  });
  return out.outputFiles[0].text;
}
