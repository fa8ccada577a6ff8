// Imports into a PostgreSQL store in a child process (importChild.ts), so that parsing, locating and writing
// a 300,000-row police extract never holds up the event loop that answers the users. A thread cannot do it:
// pg-native's libpq add-on is not context-aware ("Module did not self-register" in a worker), a process can.
// The child opens its own connection and does the whole import in one transaction: a child that is killed or
// crashes never commits, and PostgreSQL rolls its transaction back when the connection drops.
import { fork, type ChildProcess } from 'node:child_process';
import { z } from 'zod';
import type { ImportOptions, ImportReport } from './importFile.ts';
import { OutcomeWatch } from './importOutcome.ts';

/** What the child is given, as its first IPC message (not argv: the URL may hold a password, and argv is public). */
export const childInputSchema = z.object({
  url: z.string().min(1),
  schema: z.string().optional(),
  geodataDir: z.string(),
  sourceDir: z.string(),
  groupsFile: z.string(),
  cacheDir: z.string().optional(),
  file: z.string(),
  options: z.object({
    gemeente: z.string(),
    name: z.string().optional(),
    importedBy: z.string().nullable().optional(),
    allowPartialMonths: z.boolean().optional(),
  }) satisfies z.ZodType<ImportOptions>,
});
export type ChildInput = z.infer<typeof childInputSchema>;

const reportSchema: z.ZodType<ImportReport> = z.object({
  alreadyImported: z.boolean(),
  changedRows: z.number(),
  file: z.string(),
  sha256: z.string(),
  format: z.enum(['cbs-47022NED', 'cbs-47018NED', 'cbs-47024NED', 'yearly-totals', 'police-extract', 'survey']),
  summary: z.record(z.string(), z.unknown()),
  warnings: z.array(z.string()),
});

/** What the child says: its transaction has begun (with its PostgreSQL backend's pid), and how the import ended. */
const childMessageSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('began'), backendPid: z.number().int() }),
  z.object({ kind: z.literal('done'), report: reportSchema }),
  z.object({ kind: z.literal('rejected'), file: z.string(), issues: z.array(z.object({ line: z.number(), field: z.string(), reason: z.string() })) }),
  z.object({ kind: z.literal('failed'), message: z.string(), stack: z.string().optional() }),
]);
export type ChildMessage = z.infer<typeof childMessageSchema>;

/**
 * The import process ended without an answer (killed, out of memory, crashed). `stored`: it had committed
 * all the same (stopped between its commit and its answer); otherwise its transaction never committed.
 */
export class ImportAborted extends Error {
  override readonly name = 'ImportAborted';
  constructor(message: string, readonly stored = false) {
    super(message);
  }
}

/** A running import process: `began` resolves with its backend pid once its transaction is open. */
export interface ImportProcess {
  child: ChildProcess;
  began: Promise<number>;
  result: Promise<ImportReport>;
}

/** Forks importChild.ts with tsx as its loader, as `npm start` runs the server (package.json). */
export function startImportProcess(input: ChildInput): ImportProcess {
  const entry = new URL('./importChild.ts', import.meta.url);
  const child = fork(entry, [], {
    execArgv: ['--import', import.meta.resolve('tsx')],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  // A server that exits (SIGTERM, a crash) takes its import with it: the child would otherwise go on and commit
  // an import nobody is told about.
  const killChild = () => child.kill('SIGKILL');
  process.once('exit', killChild);
  let began!: { resolve: (pid: number) => void; reject: (e: Error) => void };
  const beganPromise = new Promise<number>((resolve, reject) => (began = { resolve, reject }));
  beganPromise.catch(() => undefined); // only a test waits for it
  const result = new Promise<ImportReport>((resolve, reject) => {
    const watch = new OutcomeWatch();
    child.on('message', (raw) => {
      const parsed = childMessageSchema.safeParse(raw);
      if (!parsed.success) {
        watch.fail(new Error(`import process: unexpected message: ${parsed.error.message}`));
        return;
      }
      const m = parsed.data;
      if (m.kind === 'began') began.resolve(m.backendPid);
      else watch.end(m);
    });
    child.on('error', (e) => watch.fail(new ImportAborted(`import process: ${e.message}`)));
    child.on('exit', (code, signal) => {
      process.removeListener('exit', killChild);
      const aborted = new ImportAborted(`import process stopped (${signal ? `signal ${signal}` : `exit code ${code}`}) without an answer`);
      began.reject(aborted);
      watch.settle(resolve, reject, () => aborted);
    });
  });
  child.send(input);
  return { child, began: beganPromise, result };
}
