// Build step of the client (vite.config.ts): a link to the national map runs the country's first map
// (client/src/app/countryFirst.ts, with MapLibre) before anything else of the app, and the entry (client/src/main.tsx)
// loads it with a dynamic import. Its scripts are named in index.html as module preloads, so the browser fetches and
// compiles them at once instead of when the entry has run.
// The page's own scripts (app/mount.tsx) are not: fetched and compiled beside MapLibre, they made the first national
// map later (firstMapTiles) and the page no sooner; the entry's dynamic import fetches them when the page is wanted.
import type { Plugin } from 'vite';

interface Chunk {
  type: 'chunk';
  fileName: string;
  facadeModuleId: string | null;
  /** Every module in the chunk: a dynamic import's module may share its chunk with others (then it is no facade). */
  moduleIds?: string[];
  imports: string[];
}

/** The chunk holding `entry` (a module path's ending) and the chunks it imports statically, each once. */
export function chunksOf(bundle: Record<string, { type: string }>, entry: string): string[] {
  const chunks = Object.values(bundle).filter((c): c is Chunk => c.type === 'chunk');
  const isEntry = (id: string | null) => !!id?.replaceAll('\\', '/').endsWith(entry);
  const start = chunks.find((c) => isEntry(c.facadeModuleId)) ?? chunks.find((c) => c.moduleIds?.some(isEntry));
  if (!start) throw new Error(`preloadFirstMap: no chunk of ${entry} in the build`);
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const out: string[] = [];
  const visit = (c: Chunk) => {
    if (out.includes(c.fileName)) return;
    out.push(c.fileName);
    for (const name of c.imports) {
      const next = byName.get(name);
      if (next) visit(next);
    }
  };
  visit(start);
  return out;
}

export function preloadFirstMap(entry = 'app/countryFirst.ts'): Plugin {
  return {
    name: 'bvk-preload-first-map',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (!ctx.bundle) return html;
        const named = new Set([...html.matchAll(/(?:href|src)="\/([^"]+)"/g)].map((m) => m[1]));
        return chunksOf(ctx.bundle, entry)
          .filter((file) => !named.has(file))
          .map((file) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `/${file}` }, injectTo: 'head' as const }));
      },
    },
  };
}
