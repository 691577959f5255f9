// The layers point one way (GUIDE «The design we keep», docs/ARCHITECTURE.md «Layers»):
// local → entry → jobs → mail/workbook → domain. A source file may import only the layers listed for
// its own; any other relative import fails the build. Type-only imports count too: a type taken from
// a higher layer is still a dependency on it.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(__dirname, '../src');

type Layer = 'domain' | 'workbook' | 'mail' | 'jobs' | 'entry' | 'web' | 'local';

/** What each layer may import (besides packages and Node built-ins). */
const ALLOWED: Record<Layer, readonly Layer[]> = {
  domain: ['domain'],
  workbook: ['domain', 'workbook'],
  mail: ['domain', 'mail'],
  jobs: ['domain', 'workbook', 'mail', 'jobs'],
  entry: ['domain', 'workbook', 'mail', 'jobs', 'entry'],
  // The page's script runs in the browser: only pure rules.
  web: ['domain', 'web'],
  // Node only: runs the bundle in the sandbox, never the jobs themselves.
  local: ['domain', 'workbook', 'mail', 'local'],
};

function layerOf(file: string): Layer | null {
  const rel = relative(SRC, file).split(/[\\/]/);
  if (rel.length === 1) return rel[0] === 'main.ts' ? 'entry' : null;
  return (rel[0] in ALLOWED ? rel[0] : null) as Layer | null;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return /\.(ts|js|mjs)$/.test(name) && !name.endsWith('.d.ts') ? [p] : [];
  });
}

/** Every module specifier of a file: static imports and re-exports, `import()` and `require()`. */
function specifiers(code: string): string[] {
  const out: string[] = [];
  const re =
    /(?:^|[\s;])(?:import|export)\s[^'"]*?\sfrom\s*['"]([^'"]+)['"]|(?:^|[\s;])import\s*['"]([^'"]+)['"]|\b(?:import|require)\s*\(\s*['"]([^'"]+)['"]\s*\)/gm;
  for (const m of code.matchAll(re)) out.push(m[1] ?? m[2] ?? m[3]);
  return out;
}

interface Crossing {
  file: string;
  from: Layer;
  to: Layer;
  spec: string;
}

function crossings(): Crossing[] {
  const found: Crossing[] = [];
  for (const file of sourceFiles(SRC)) {
    const from = layerOf(file);
    if (!from) continue;
    for (const spec of specifiers(readFileSync(file, 'utf8'))) {
      if (!spec.startsWith('.')) continue;
      const to = layerOf(resolve(dirname(file), spec));
      if (!to || ALLOWED[from].includes(to)) continue;
      found.push({ file: relative(SRC, file), from, to, spec });
    }
  }
  return found;
}

describe('layers', () => {
  it('reads every kind of import', () => {
    const code = [
      "import { a } from '../jobs/a';",
      "import type { B } from '../workbook/b';",
      'import {\n  c,\n  d,\n} from "./c";',
      "export { e } from '../mail/e';",
      "export * from '../local/f';",
      "import '../web/g';",
      "const h = require('../jobs/h');",
      "const i = await import('../jobs/i');",
      "// from 'nothing' is not an import",
    ].join('\n');
    expect(specifiers(code)).toEqual([
      '../jobs/a',
      '../workbook/b',
      './c',
      '../mail/e',
      '../local/f',
      '../web/g',
      '../jobs/h',
      '../jobs/i',
    ]);
  });

  it('sees every layer of src/', () => {
    const layers = new Set(sourceFiles(SRC).map(layerOf));
    for (const l of ['domain', 'workbook', 'mail', 'jobs', 'entry', 'local'] as const) expect(layers).toContain(l);
  });

  it('no file in src/jobs/ is over 400 lines (functions over 60 lines fail the lint: biome.json)', () => {
    const long = sourceFiles(join(SRC, 'jobs'))
      .map((f) => ({ f: relative(SRC, f), n: readFileSync(f, 'utf8').split('\n').length }))
      .filter((x) => x.n > 400)
      .map((x) => `${x.f}: ${x.n} lines`);
    expect(long).toEqual([]);
  });

  it('no import crosses a layer the wrong way', () => {
    const lines = crossings().map((c) => `${c.file}: ${c.from} must not import ${c.to} (${c.spec})`);
    expect(lines).toEqual([]);
  });
});
