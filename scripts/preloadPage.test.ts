import { describe, expect, it } from 'vitest';
import { chunksOf, preloadPage } from './preloadPage.ts';

const chunk = (fileName: string, facadeModuleId: string | null, imports: string[]) => ({ type: 'chunk', fileName, facadeModuleId, imports });

describe('the page preloaded by index.html', () => {
  it('is the page chunk and everything it imports, each once', () => {
    const bundle = {
      'assets/index.js': chunk('assets/index.js', '/repo/client/index.html', ['assets/maplibre.js', 'assets/client.js']),
      'assets/mount.js': chunk('assets/mount.js', '/repo/client/src/app/mount.tsx', ['assets/queries.js', 'assets/index.js']),
      'assets/queries.js': chunk('assets/queries.js', null, ['assets/client.js']),
      'assets/client.js': chunk('assets/client.js', null, []),
      'assets/maplibre.js': chunk('assets/maplibre.js', null, []),
      'assets/BeheerView.js': chunk('assets/BeheerView.js', '/repo/client/src/app/pages/BeheerView.tsx', ['assets/queries.js']),
      'assets/index.css': { type: 'asset' },
    };
    expect(chunksOf(bundle, 'app/mount.tsx')).toEqual(['assets/mount.js', 'assets/queries.js', 'assets/client.js', 'assets/index.js', 'assets/maplibre.js']);
  });

  it('stops the build when the page has no chunk of its own', () => {
    expect(() => chunksOf({}, 'app/mount.tsx')).toThrow(/no chunk of app\/mount.tsx/);
  });
});

describe('index.html after the build', () => {
  it("names the page's scripts as module preloads (not those it has already) and prefetches MapLibre's worker", () => {
    const bundle = {
      'assets/index-a.js': chunk('assets/index-a.js', '/repo/client/index.html', ['assets/maplibre-b.js']),
      'assets/maplibre-b.js': chunk('assets/maplibre-b.js', null, []),
      'assets/mount-c.js': chunk('assets/mount-c.js', '/repo/client/src/app/mount.tsx', ['assets/index-a.js', 'assets/queries-d.js']),
      'assets/queries-d.js': chunk('assets/queries-d.js', null, []),
      'assets/maplibre-gl-worker-e.mjs': { type: 'asset' },
    };
    const html = '<script type="module" src="/assets/index-a.js"></script><link rel="modulepreload" href="/assets/maplibre-b.js">';
    const hook = preloadPage().transformIndexHtml as unknown as { handler: (html: string, ctx: { bundle: typeof bundle }) => { attrs: Record<string, unknown> }[] };
    expect(hook.handler(html, { bundle }).map((t) => t.attrs)).toEqual([
      { rel: 'modulepreload', crossorigin: true, href: '/assets/mount-c.js' },
      { rel: 'modulepreload', crossorigin: true, href: '/assets/queries-d.js' },
      { rel: 'prefetch', href: '/assets/maplibre-gl-worker-e.mjs' },
    ]);
  });
});
