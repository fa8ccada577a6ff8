// Where the importers' bytes come from: one file (or one buffer), fed chunk by chunk from the start, so
// a 200 MB file is never held in memory whole.
import fs from 'node:fs';
import { createHash } from 'node:crypto';
import { ImportError } from './errors.ts';

/**
 * Feeds the bytes from the start, in order, until the end or until `onChunk` returns false. A source can
 * be read more than once: the text reader starts a second pass when a file turns out not to be UTF-8.
 * A chunk is only valid during the call (the file source reuses one buffer).
 */
export type ByteSource = (onChunk: (chunk: Uint8Array) => boolean | void) => void;

/**
 * Big enough that per-chunk overhead is negligible. Under 1 MB because Node makes a decoded string of
 * more than ~1M characters (iconv-lite's Windows-1252 and UTF-16 output) an external string, outside the
 * V8 heap and its collector's accounting, so discarded chunks would pile up before a GC noticed them.
 */
export const DEFAULT_CHUNK_BYTES = 512 * 1024;

/** Bytes already in memory, as one chunk or in chunks of `chunkBytes` (the chunk-boundary tests use every size). */
export function bytesSource(bytes: Uint8Array, chunkBytes = Math.max(1, bytes.length)): ByteSource {
  if (!(chunkBytes >= 1)) throw new RangeError(`chunkBytes must be at least 1, got ${chunkBytes}`);
  return (onChunk) => {
    for (let i = 0; i < bytes.length; i += chunkBytes) {
      if (onChunk(bytes.subarray(i, i + chunkBytes)) === false) return;
    }
  };
}

/**
 * A file read with fs.readSync into one fixed buffer: synchronous, because the CLI, the upload route,
 * the bench and the tests all call the import synchronously. Read errors are ImportErrors on the file.
 */
export function fileSource(file: string, chunkBytes = DEFAULT_CHUNK_BYTES): ByteSource {
  const unreadable = (e: unknown) => new ImportError(file, [{ line: 0, field: 'file', reason: `kan niet worden gelezen: ${readFailure(e)}` }]);
  let buf: Buffer | null = null;
  return (onChunk) => {
    let fd: number;
    try {
      fd = fs.openSync(file, 'r');
    } catch (e) {
      throw unreadable(e);
    }
    try {
      buf ??= Buffer.allocUnsafeSlow(chunkBytes);
      for (;;) {
        let n: number;
        try {
          n = fs.readSync(fd, buf, 0, buf.length, null);
        } catch (e) {
          throw unreadable(e); // e.g. EISDIR: opening a folder succeeds, reading it does not
        }
        if (n === 0 || onChunk(buf.subarray(0, n)) === false) return;
      }
    } finally {
      fs.closeSync(fd);
    }
  };
}

/** Why a file cannot be read, in the beheerder's words; the system's code for anything unusual. */
function readFailure(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'het bestand bestaat niet';
    case 'EISDIR':
      return 'dit is een map, geen bestand';
    case 'EACCES':
    case 'EPERM':
      return 'geen toestemming om het bestand te lezen';
    case 'EMFILE':
    case 'ENFILE':
      return `er zijn te veel bestanden tegelijk open; probeer het later opnieuw (${code})`;
    default:
      return code ? `foutcode ${code} van het systeem` : `melding van het systeem: ${(e as Error).message}`;
  }
}

export interface HashedSource {
  source: ByteSource;
  /** sha256 (hex) and size of the last pass that read every byte; throws when none did. */
  digest(): { sha256: string; bytes: number };
}

/**
 * Hashes the bytes while they are parsed, so the file is read once (twice when it is not UTF-8). Each
 * pass starts a fresh hash: the text reader abandons a pass only to start another one or after an error,
 * so on success the last pass has seen every byte.
 */
export function hashingSource(inner: ByteSource): HashedSource {
  let last: { sha256: string; bytes: number } | null = null;
  return {
    source(onChunk) {
      last = null;
      const hash = createHash('sha256');
      let bytes = 0;
      let complete = true;
      inner((chunk) => {
        hash.update(chunk);
        bytes += chunk.length;
        if (onChunk(chunk) !== false) return true;
        complete = false;
        return false;
      });
      if (complete) last = { sha256: hash.digest('hex'), bytes };
    },
    digest() {
      if (!last) throw new Error('hashingSource: no pass read the whole file');
      return last;
    },
  };
}
