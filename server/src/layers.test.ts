// The server's layering, checked on the import statements of the source files:
// - no route module imports another route module (shared request helpers live in http/);
// - the application layer (compute/) never imports hono, http/ or routes/;
// - the domain never imports hono, the store, http/, routes/ or compute/.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.dirname(new URL(import.meta.url).pathname);

function sources(dir: string): string[] {
  return fs
    .readdirSync(path.join(SRC, dir))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => path.join(SRC, dir, f));
}

/** Import specifiers of a module (static imports, re-exports and dynamic imports). */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+['"]([^'"]+)['"]/g)) out.push(m[1]);
  for (const m of text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push(m[1]);
  return out;
}

/** Offending imports of the files in `dir`: relative ones that resolve into `folders`, and bare package names in `packages`. */
function offending(dir: string, folders: string[], packages: string[] = []): string[] {
  const bad: string[] = [];
  for (const file of sources(dir)) {
    for (const spec of importsOf(file)) {
      const rel = path.relative(SRC, path.resolve(path.dirname(file), spec)).split(path.sep);
      const into = spec.startsWith('.') && folders.includes(rel[0]) && rel.length > 1;
      const pkg = !spec.startsWith('.') && packages.some((p) => spec === p || spec.startsWith(`${p}/`));
      if (into || pkg) bad.push(`${path.relative(SRC, file)} imports ${spec}`);
    }
  }
  return bad;
}

describe('server layering', () => {
  it('no route module imports another route module', () => {
    expect(offending('routes', ['routes'])).toEqual([]);
  });

  it('the application layer never imports hono or the HTTP layer', () => {
    expect(offending('compute', ['routes', 'http'], ['hono', '@hono'])).toEqual([]);
  });

  it('the domain never imports hono, the store or the layers above it', () => {
    expect(offending('domain', ['routes', 'http', 'compute', 'store'], ['hono', '@hono'])).toEqual([]);
  });

  it('the check sees imports at all (guards against a broken pattern)', () => {
    expect(importsOf(path.join(SRC, 'routes', 'stats.ts'))).toContain('../compute/stats.ts');
  });
});
