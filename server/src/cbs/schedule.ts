// The optional monthly update from CBS (CBS_UPDATE_SCHEDULE=maandelijks): once a day the server asks
// whether the last successful update is a month old, and if so runs one in the background. A failure is
// logged and tried again at the next daily check; it never reaches a request or stops the server.
import { ImportBusy } from '../store/importRunner.ts';
import type { CbsUpdater } from './updater.ts';

/** CBS publishes the police figures monthly; an update a month after the last one finds the next month. */
export const UPDATE_EVERY_MS = 30 * 24 * 3600_000;
const CHECK_EVERY_MS = 24 * 3600_000;
/** The first check: soon after the start, not during it (the cubes are being warmed then). */
const FIRST_CHECK_MS = 5 * 60_000;

/** Whether an update is due: never updated, or the last successful one is ~a month old (or in the future: a clock that jumped). */
export function updateDue(lastRun: Date | null, now: Date): boolean {
  if (lastRun === null || Number.isNaN(lastRun.getTime())) return true;
  const age = now.getTime() - lastRun.getTime();
  return age >= UPDATE_EVERY_MS || age < 0;
}

export interface ScheduleOptions {
  log: (m: string) => void;
  now?: () => Date;
  firstCheckMs?: number;
  checkEveryMs?: number;
}

/**
 * Starts the daily check. stop() ends it and resolves once an update in progress has ended, so the server
 * closes its store after it, not under it. The timers never keep the process alive.
 */
export function startCbsSchedule(updater: Pick<CbsUpdater, 'lastRun' | 'busy' | 'run'>, opts: ScheduleOptions): { stop: () => Promise<void>; check: () => Promise<void> } {
  const now = opts.now ?? (() => new Date());
  let running: Promise<void> | null = null;
  const check = async (): Promise<void> => {
    try {
      const last = updater.lastRun();
      if (!updateDue(last ? new Date(last.at) : null, now())) return;
      if (updater.busy()) {
        opts.log('cbs-update: an import is running; the monthly update waits for the next check');
        return;
      }
      opts.log('cbs-update: monthly update from CBS started');
      const answer = await updater.run(null);
      opts.log(`cbs-update: ${answer.summary}`);
    } catch (e) {
      if (e instanceof ImportBusy) opts.log('cbs-update: an import is running; the monthly update waits for the next check');
      else opts.log(`cbs-update: the monthly update failed, tried again tomorrow: ${(e as Error).message}`);
    }
  };
  const tick = () => {
    // One check at a time: a slow CBS never stacks a second update on the first.
    if (!running) running = check().finally(() => (running = null));
  };
  const first = setTimeout(tick, opts.firstCheckMs ?? FIRST_CHECK_MS);
  const daily = setInterval(tick, opts.checkEveryMs ?? CHECK_EVERY_MS);
  first.unref();
  daily.unref();
  return {
    stop: () => {
      clearTimeout(first);
      clearInterval(daily);
      return running ?? Promise.resolve();
    },
    check,
  };
}
