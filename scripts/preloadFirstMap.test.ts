import { describe, expect, it } from 'vitest';
import { chunksOf, preloadFirstMap } from './preloadFirstMap.ts';

const chunk = (fileName: string, facadeModuleId: string | null, imports: string[], moduleIds?: string[]) => ({ type: 'chunk', fileName, facadeModuleId, imports, moduleIds });

describe('the scripts of a dynamic import', () => {
  it('are its chunk and everything that chunk imports, each once', () => {
    const bundle = {
      'assets/index.js': chunk('assets/index.js', '/repo/client/index.html', []),
      'assets/mount.js': chunk('assets/mount.js', '/repo/client/src/app/mount.tsx', ['assets/queries.js', 'assets/first.js']),
      'assets/first.js': chunk('assets/first.js', null, ['assets/maplibre.js', 'assets/client.js'], ['/repo/client/src/features/map/ChoroplethMap.ts', '/repo/client/src/app/countryFirst.ts']),
      'assets/queries.js': chunk('assets/queries.js', null, ['assets/client.js']),
      'assets/client.js': chunk('assets/client.js', null, []),
      'assets/maplibre.js': chunk('assets/maplibre.js', null, []),
      'assets/index.css': { type: 'asset' },
    };
    expect(chunksOf(bundle, 'app/mount.tsx')).toEqual(['assets/mount.js', 'assets/queries.js', 'assets/client.js', 'assets/first.js', 'assets/maplibre.js']);
    // A module that shares its chunk with others (no facade of its own) is found among the chunk's modules.
    expect(chunksOf(bundle, 'app/countryFirst.ts')).toEqual(['assets/first.js', 'assets/maplibre.js', 'assets/client.js']);
  });

  it('stop the build when the module has no chunk', () => {
    expect(() => chunksOf({}, 'app/countryFirst.ts')).toThrow(/no chunk of app\/countryFirst.ts/);
  });
});

describe('index.html after the build', () => {
  it("names the first map's scripts as module preloads (not those it has already), and not the page's", () => {
    const bundle = {
      'assets/index-a.js': chunk('assets/index-a.js', '/repo/client/index.html', []),
      'assets/first-b.js': chunk('assets/first-b.js', '/repo/client/src/app/countryFirst.ts', ['assets/maplibre-c.js', 'assets/early-d.js']),
      'assets/maplibre-c.js': chunk('assets/maplibre-c.js', null, []),
      'assets/early-d.js': chunk('assets/early-d.js', null, []),
      'assets/mount-e.js': chunk('assets/mount-e.js', '/repo/client/src/app/mount.tsx', ['assets/first-b.js', 'assets/queries-f.js']),
      'assets/queries-f.js': chunk('assets/queries-f.js', null, []),
      'assets/maplibre-gl-worker-g.mjs': { type: 'asset' },
    };
    const html = '<script type="module" src="/assets/index-a.js"></script><link rel="modulepreload" href="/assets/early-d.js">';
    const hook = preloadFirstMap().transformIndexHtml as unknown as { handler: (html: string, ctx: { bundle: typeof bundle }) => { attrs: Record<string, unknown> }[] };
    expect(hook.handler(html, { bundle }).map((t) => t.attrs)).toEqual([
      { rel: 'modulepreload', crossorigin: true, href: '/assets/first-b.js' },
      { rel: 'modulepreload', crossorigin: true, href: '/assets/maplibre-c.js' },
    ]);
  });
});
