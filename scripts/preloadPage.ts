// Build step of the client (vite.config.ts): the page's scripts (client/src/app/mount.tsx and what it imports) are
// named in index.html as module preloads. The entry loads the page with a dynamic import, after the country's first
// map when a visit opens it (app/countryFirst.ts); without these the browser would only learn of the page's scripts
// once MapLibre and the entry had run, and every other visit would wait that long for them. A preload fetches and
// compiles a script without running it, so the first map still runs before the page. MapLibre's worker script is
// prefetched (into the HTTP cache, not compiled by the page): the worker started by the entry finds it there instead of
// asking for it then (about 0.1 s of the first national map here).
import type { Plugin } from 'vite';

interface Chunk {
  type: 'chunk';
  fileName: string;
  facadeModuleId: string | null;
  imports: string[];
}

/** The chunk of `entry` (a module path's ending) and the chunks it imports statically, each once. */
export function chunksOf(bundle: Record<string, { type: string }>, entry: string): string[] {
  const chunks = Object.values(bundle).filter((c): c is Chunk => c.type === 'chunk');
  const start = chunks.find((c) => c.facadeModuleId?.replaceAll('\\', '/').endsWith(entry));
  if (!start) throw new Error(`preloadPage: no chunk of ${entry} in the build`);
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

export function preloadPage(entry = 'app/mount.tsx'): Plugin {
  return {
    name: 'bvk-preload-page',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (!ctx.bundle) return html;
        const already = new Set([...html.matchAll(/(?:href|src)="\/([^"]+)"/g)].map((m) => m[1]));
        const worker = Object.keys(ctx.bundle).filter((file) => /maplibre-gl-worker-[^/]*\.mjs$/.test(file));
        return [
          ...chunksOf(ctx.bundle, entry)
            .filter((file) => !already.has(file))
            .map((file) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `/${file}` }, injectTo: 'head' as const })),
          ...worker.map((file) => ({ tag: 'link', attrs: { rel: 'prefetch', href: `/${file}` }, injectTo: 'head' as const })),
        ];
      },
    },
  };
}
