import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { precompressDir } from './precompress.ts';

let dir = '';
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('precompressDir', () => {
  it('writes a brotli and a gzip copy of each compressible file that decode to the same bytes, and nothing else', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bvk-precompress-'));
    fs.mkdirSync(path.join(dir, 'assets'));
    const script = Buffer.from('export const x = 1;\n'.repeat(500));
    fs.writeFileSync(path.join(dir, 'assets', 'index-abc.js'), script);
    fs.writeFileSync(path.join(dir, 'assets', 'worker-abc.mjs'), script);
    fs.writeFileSync(path.join(dir, 'assets', 'tiny-abc.js'), 'export {};');
    fs.writeFileSync(path.join(dir, 'assets', 'image.png'), Buffer.alloc(4096, 7));

    const done = await precompressDir(dir);

    expect(done.map((f) => path.basename(f)).sort()).toEqual(['index-abc.js', 'worker-abc.mjs']);
    for (const name of ['index-abc.js', 'worker-abc.mjs']) {
      const file = path.join(dir, 'assets', name);
      expect(zlib.brotliDecompressSync(fs.readFileSync(`${file}.br`)).equals(script)).toBe(true);
      expect(zlib.gunzipSync(fs.readFileSync(`${file}.gz`)).equals(script)).toBe(true);
    }
    // Too small to gain anything, or not compressible; and no temporary files left behind.
    expect(fs.readdirSync(path.join(dir, 'assets')).sort()).toEqual(
      ['image.png', 'index-abc.js', 'index-abc.js.br', 'index-abc.js.gz', 'tiny-abc.js', 'worker-abc.mjs', 'worker-abc.mjs.br', 'worker-abc.mjs.gz'],
    );
  });
});
