// POST /imports: the beheerder uploads an official file (the request body is the file) and it is
// imported like `npm run import`. The body is streamed to a temporary file, never held in memory
// whole, and refused with 413 as soon as it passes the size limit. GET /imports: every stored import
// (history); POST /imports/:id/undo: the most recent import undone. All for the beheerder only.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { Dataset } from '../store/dataset.ts';
import { ImportBusy, type ImportRunner } from '../store/importRunner.ts';
import { ImportAborted } from '../store/importProcess.ts';
import { ImportError, MAX_LISTED_ISSUES } from '../importers/errors.ts';
import type { AppEnv } from '../http/env.ts';
import { ApiError } from '../compute/errors.ts';
import { validate } from '../http/validate.ts';
import { gemeenteParam } from '../http/params.ts';
import { principalOf } from '../http/session.ts';
import { idParam } from '../http/body.ts';
import type { UserStore } from '../store/users.ts';
import type { KeptUploads } from '../store/keptUploads.ts';
import { importHistory, undoImport } from '../compute/imports.ts';
import { mayManageUsers, type Principal } from '../domain/roles.ts';

export interface UploadOptions {
  /** Largest body accepted, in bytes (MAX_UPLOAD_MB). */
  maxBytes: number;
  /** Where the temporary upload folders go (default: the OS temp folder). */
  dir?: string;
  /** Gemeente of a police extract when the request does not name one. */
  defaultGemeente: string;
  /** Where uploaded files are kept for a re-import after an undo (DATA_DIR/uploads); omitted: not kept. */
  kept?: KeptUploads;
}

const importQuery = z.object({
  // The original file name: shown in the report and in every error; never used as a path.
  name: z.string().trim().min(1, 'must not be empty').max(200, 'is too long').regex(/^[^/\\\0]+$/, 'must be a file name without a folder').default('upload.csv'),
  gemeente: gemeenteParam.optional(),
  /** A police extract may replace months it holds only part of (otherwise refused, see importPolice.ts). */
  allowPartialMonths: z.enum(['true', 'false', '1', '0'], { error: "expected 'true' or 'false'" }).optional().transform((v) => v === 'true' || v === '1'),
});

class TooLarge extends Error {}

const UPLOAD_PREFIX = 'bvk-upload-';

/**
 * Removes upload folders a killed server left behind (its `finally` never ran): those of a process
 * that no longer runs, and any older than a day. Called once at start; folders of another live
 * server sharing the folder are left alone.
 */
export function sweepStaleUploads(dir: string = os.tmpdir(), now = Date.now()): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = fs.readdirSync(dir).filter((n) => n.startsWith(UPLOAD_PREFIX));
  } catch {
    return removed;
  }
  for (const name of names) {
    const full = path.join(dir, name);
    const pid = Number(/^bvk-upload-(\d+)-/.exec(name)?.[1]);
    let stale = !Number.isInteger(pid) || pid === 0;
    if (!stale && pid !== process.pid) {
      try {
        process.kill(pid, 0);
      } catch (e) {
        stale = (e as NodeJS.ErrnoException).code === 'ESRCH';
      }
    }
    try {
      if (!stale && now - fs.statSync(full).mtimeMs > 24 * 3600_000) stale = true;
      if (stale && pid !== process.pid) {
        fs.rmSync(full, { recursive: true, force: true });
        removed.push(name);
      }
    } catch {
      // Gone already, or not ours to remove.
    }
  }
  return removed;
}

/** Another import is running: 409, naming it (imports are not queued; importRunner.ts says why). */
function refuseWhileBusy(e: unknown, parameter: string): unknown {
  return e instanceof ImportBusy ? new ApiError(409, e.message, parameter) : e;
}

/** The import process stopped without an answer: what the beheerder needs to know is whether anything was stored. */
function aborted(name: string, e: ImportAborted): string {
  return e.stored
    ? `${name}: het importproces stopte onverwacht na het opslaan; de import is wel opgeslagen (zie de importgeschiedenis)`
    : `${name}: het importproces stopte onverwacht, er is niets opgeslagen; probeer het opnieuw`;
}

/** `runner` runs the imports off the event loop, one at a time (store/importRunner.ts). */
export function importsRoutes(ds: Dataset, users: UserStore, runner: ImportRunner, opts: UploadOptions) {
  const tooLarge = () => new ApiError(413, `upload is larger than the limit of ${formatMb(opts.maxBytes)} (MAX_UPLOAD_MB)`, 'body');
  const beheerder = (c: Context<AppEnv>): Principal => {
    const who = principalOf(c);
    if (!mayManageUsers(who)) throw new ApiError(403, 'alleen een beheerder ziet en beheert de imports');
    return who;
  };
  return new Hono<AppEnv>()
    .get('/imports', (c) => {
      beheerder(c);
      return c.json(importHistory(ds.store, users, opts.kept), 200);
    })
    .post('/imports/:id/undo', (c) => {
      const who = beheerder(c);
      try {
        runner.assertIdle();
      } catch (e) {
        throw refuseWhileBusy(e, 'id');
      }
      return c.json(undoImport(ds.store, users, who, idParam(c.req.param('id')), opts.kept), 200);
    })
    .post('/imports/:id/reimport', async (c) => {
      const who = beheerder(c);
      const id = idParam(c.req.param('id'));
      const kept = opts.kept?.undone().find((k) => k.undoneId === id);
      if (!kept) throw new ApiError(404, `van import ${id} is geen bewaard bestand dat ongedaan is gemaakt`, 'id');
      if (ds.store.listImports().some((i) => i.sha256 === kept.sha256)) throw new ApiError(409, `${kept.name} is al weer geïmporteerd`, 'id');
      const { sha256: _sha, ...report } = await runner.run(kept.file, { gemeente: kept.gemeente, name: kept.name, importedBy: who.username }).catch((e: unknown) => {
        if (e instanceof ImportAborted) {
          console.error(`imports: ${kept.name}: ${e.message}`);
          throw new ApiError(500, aborted(kept.name, e), 'id');
        }
        throw refuseWhileBusy(e, 'id');
      });
      opts.kept?.keep(kept.file, kept.sha256, { name: kept.name, gemeente: kept.gemeente });
      const bytes = fs.statSync(kept.file).size;
      users.audit({ username: who.username, role: who.role, action: 'import', resource: '/api/imports', detail: { file: kept.name, bytes, format: report.format, changedRows: report.changedRows, alreadyImported: report.alreadyImported, summary: report.summary, reimportOf: id } });
      return c.json({ ...report, file: kept.name, bytes }, 200);
    })
    .post('/imports', validate('query', importQuery), async (c) => {
      const who = principalOf(c);
      if (who.role !== 'beheerder') throw new ApiError(403, 'only a beheerder may import files');
      // Who imported what, and what it changed (or why it was refused): the import history of the beheerder's desk.
      const audit = (action: string, detail: Record<string, unknown>) => users.audit({ username: who.username, role: who.role, action, resource: '/api/imports', detail });
      const q = c.req.valid('query');
      // Refuse early when the client says how big it is; the stream check below catches the rest
      // (chunked bodies, or a Content-Length that lies).
      const declared = c.req.header('content-length');
      if (declared !== undefined && Number(declared) > opts.maxBytes) throw tooLarge();
      // Before the body is read: a second upload while one is imported is refused at once.
      try {
        runner.assertIdle();
      } catch (e) {
        throw refuseWhileBusy(e, 'body');
      }
      const body = c.req.raw.body;
      if (!body) throw new ApiError(400, 'body: expected the file as the request body', 'body');

      // mkdtemp makes the folder owner-only (0700); the pid lets sweepStaleUploads tell a dead server's folder.
      const dir = fs.mkdtempSync(path.join(opts.dir ?? os.tmpdir(), `${UPLOAD_PREFIX}${process.pid}-`));
      const file = path.join(dir, q.name.replace(/[^\w.\- ]/g, '_') || 'upload.csv');
      try {
        let size = 0;
        const limit = new Transform({
          transform(chunk: Buffer, _enc, done) {
            size += chunk.length;
            done(size > opts.maxBytes ? new TooLarge() : null, chunk);
          },
        });
        try {
          await pipeline(Readable.fromWeb(body as WebReadableStream<Uint8Array>), limit, fs.createWriteStream(file, { flags: 'wx', mode: 0o600 }));
        } catch (e) {
          if (e instanceof TooLarge) throw tooLarge();
          throw new ApiError(400, 'body: the upload was interrupted', 'body');
        }
        if (size === 0) throw new ApiError(400, 'body: the uploaded file is empty', 'body');
        try {
          const gemeente = q.gemeente ?? opts.defaultGemeente;
          const { sha256, ...report } = await runner.run(file, { gemeente, name: q.name, importedBy: who.username, allowPartialMonths: q.allowPartialMonths });
          try {
            opts.kept?.keep(file, sha256, { name: q.name, gemeente });
          } catch (e) {
            // The import stands; only a re-import after an undo will not be offered.
            console.error(`imports: could not keep ${q.name} for a re-import: ${(e as Error).message}`);
          }
          audit('import', { file: q.name, bytes: size, format: report.format, changedRows: report.changedRows, alreadyImported: report.alreadyImported, summary: report.summary });
          return c.json({ ...report, file: q.name, bytes: size }, 200);
        } catch (e) {
          if (e instanceof ImportAborted) {
            console.error(`imports: ${q.name}: ${e.message}`);
            audit('import-aborted', { file: q.name, bytes: size, stored: e.stored });
            throw new ApiError(500, aborted(q.name, e), 'body');
          }
          if (!(e instanceof ImportError)) throw refuseWhileBusy(e, 'body');
          const issues = e.issues.slice(0, MAX_LISTED_ISSUES).map((i) => ({ line: i.line, field: i.field, reason: i.reason.split(file).join(q.name) }));
          audit('import-rejected', { file: q.name, bytes: size, issueCount: e.issues.length, firstIssue: issues[0] ?? null });
          return c.json({
            error: `${q.name}: geweigerd, er is niets opgeslagen (${e.issues.length === 1 ? '1 fout' : `${e.issues.length.toLocaleString('nl-NL')} fouten`})`,
            file: q.name,
            issueCount: e.issues.length,
            issues,
            more: Math.max(0, e.issues.length - MAX_LISTED_ISSUES),
          }, 400);
        }
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
}

function formatMb(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${Number.isInteger(mb) ? mb : mb.toFixed(2)} MB`;
}
