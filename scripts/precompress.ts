// Build step of the client (vite.config.ts): a brotli and a gzip copy beside every compressible file of the bundle,
// which the server sends to browsers that accept them (serveStatic's `precompressed`). As built the scripts are
// 2.2 MB (MapLibre, its worker, React and the app) and as brotli 0.5 MB: on a municipal network that is seconds of a
// first visit, and compressing once here costs the server nothing per request.
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { Plugin } from 'vite';

const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|txt)$/;
/** Below this a compressed copy saves less than the extra header and lookup cost. */
const MIN_BYTES = 1024;

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(p) : e.isFile() ? [p] : [];
  });
}

/** Writes `file` whole or not at all: a build stopped halfway leaves no truncated copy the server would send. */
function writeWhole(file: string, bytes: Uint8Array): void {
  const tmp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, bytes);
  fs.renameSync(tmp, file);
}

/**
 * Writes `<file>.br` and `<file>.gz` for every compressible file of at least MIN_BYTES under `dir`, where the copy is
 * smaller than the file. Returns the files compressed. Brotli at its highest quality: done once per build, and the
 * bundle's 2.2 MB take a few seconds (in parallel on zlib's thread pool).
 */
export async function precompressDir(dir: string): Promise<string[]> {
  const files = filesUnder(dir).filter((f) => COMPRESSIBLE.test(f) && fs.statSync(f).size >= MIN_BYTES);
  await Promise.all(
    files.map(async (file) => {
      const bytes = fs.readFileSync(file);
      const [br, gz] = await Promise.all([
        brotli(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }),
        gzip(bytes, { level: zlib.constants.Z_BEST_COMPRESSION }),
      ]);
      if (br.length < bytes.length) writeWhole(`${file}.br`, br);
      if (gz.length < bytes.length) writeWhole(`${file}.gz`, gz);
    }),
  );
  return files;
}

/** The Vite plugin: compresses the written bundle once the build has closed it. */
export function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'bvk-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      await precompressDir(outDir);
    },
  };
}
