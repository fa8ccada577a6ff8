import { describe, expect, it, vi } from 'vitest';
import { startCbsSchedule, updateDue, UPDATE_EVERY_MS } from './schedule.ts';
import { ImportBusy } from '../store/importRunner.ts';
import type { CbsUpdateAnswer } from './updater.ts';

const NOW = new Date('2026-03-01T04:00:00Z');
const ago = (ms: number) => new Date(NOW.getTime() - ms);
const DAY = 24 * 3600_000;

describe('updateDue', () => {
  it('is due when there never was an update', () => {
    expect(updateDue(null, NOW)).toBe(true);
    expect(updateDue(new Date('not a date'), NOW)).toBe(true);
  });

  it('waits a month after the last successful update', () => {
    expect(updateDue(ago(DAY), NOW)).toBe(false);
    expect(updateDue(ago(29 * DAY), NOW)).toBe(false);
    expect(updateDue(ago(UPDATE_EVERY_MS - 1), NOW)).toBe(false);
    expect(updateDue(ago(UPDATE_EVERY_MS), NOW)).toBe(true);
    expect(updateDue(ago(90 * DAY), NOW)).toBe(true);
  });

  it('does not trust a last update in the future (a clock that was wrong)', () => {
    expect(updateDue(new Date(NOW.getTime() + DAY), NOW)).toBe(true);
  });
});

describe('startCbsSchedule', () => {
  const answer: CbsUpdateAnswer = { at: NOW.toISOString(), gemeenten: [], tables: [], summary: 'Geen nieuwe cijfers.' };
  const fake = (last: string | null, behaviour: 'ok' | 'busy' | 'fail' | 'idle-busy' = 'ok') => {
    const calls: string[] = [];
    return {
      calls,
      updater: {
        lastRun: () => (last ? { at: last, by: null } : null),
        busy: () => behaviour === 'idle-busy',
        run: async () => {
          calls.push('run');
          if (behaviour === 'busy') throw new ImportBusy('er loopt al een import');
          if (behaviour === 'fail') throw new Error('CBS niet bereikbaar');
          return answer;
        },
      },
    };
  };
  const schedule = (f: ReturnType<typeof fake>, log: string[]) => startCbsSchedule(f.updater, { log: (m) => log.push(m), now: () => NOW, firstCheckMs: 3_600_000, checkEveryMs: 3_600_000 });

  it('runs the update when due and logs its summary; not when the last one is recent', async () => {
    const log: string[] = [];
    const due = fake(ago(31 * DAY).toISOString());
    const s = schedule(due, log);
    await s.check();
    await s.stop();
    expect(due.calls).toEqual(['run']);
    expect(log.at(-1)).toBe('cbs-update: Geen nieuwe cijfers.');

    const recent = fake(ago(2 * DAY).toISOString());
    const r = schedule(recent, log);
    await r.check();
    await r.stop();
    expect(recent.calls).toEqual([]);
  });

  it('skips while an import runs and never throws when the update fails', async () => {
    const log: string[] = [];
    for (const behaviour of ['idle-busy', 'busy', 'fail'] as const) {
      const f = fake(null, behaviour);
      const s = schedule(f, log);
      await expect(s.check()).resolves.toBeUndefined();
      await s.stop();
    }
    expect(log.filter((m) => m.includes('an import is running'))).toHaveLength(2);
    expect(log.at(-1)).toMatch(/the monthly update failed, tried again tomorrow: CBS niet bereikbaar/);
  });

  it('checks by itself after the first delay; stop() waits for the update in progress', async () => {
    const f = fake(null);
    const s = startCbsSchedule(f.updater, { log: () => {}, now: () => NOW, firstCheckMs: 1, checkEveryMs: 3_600_000 });
    await vi.waitFor(() => expect(f.calls).toEqual(['run']));
    await expect(s.stop()).resolves.toBeUndefined();
  });
});
