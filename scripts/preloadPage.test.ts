import { describe, expect, it } from 'vitest';
import { chunksOf } from './preloadPage.ts';

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
