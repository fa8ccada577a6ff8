import { describe, expect, it } from 'vitest';
import { isoWeekEnd, windowCounts, windowStart } from './windows.ts';

const cat = [{ code: 'alles', types: new Set(['1.1.1', '2.2.1']) }, { code: 'inbraak', types: new Set(['1.1.1']) }];
const regs = (date: string, n: number, code = '1.1.1') => Array.from({ length: n }, () => ({ date, code }));

describe('short windows', () => {
  it('counts the last 7 days, the same 7 days 52 weeks earlier, and the mean of the 12 weeks before', () => {
    const data = [
      ...regs('2025-12-31', 3),
      ...regs('2025-12-25', 2, '2.2.1'),
      ...regs('2025-12-24', 1), // day before the window
      ...regs('2025-01-01', 2), // 364 days before 2025-12-31
      ...regs('2024-12-31', 5), // 365 days before: outside the year-earlier window
      ...regs('2025-10-15', 12), // inside the 12 earlier weeks
    ];
    const w = windowCounts(data, cat, 7, 12, '2025-12-31');
    expect(w).toMatchObject({ from: '2025-12-25', to: '2025-12-31', lastYearFrom: '2024-12-26', lastYearTo: '2025-01-01', history: 12 });
    expect(w.rows[0]).toMatchObject({ code: 'alles', count: 5, lastYearCount: 7 });
    expect(w.rows[0].averageCount).toBeCloseTo(13 / 12, 1);
    expect(w.rows[1]).toMatchObject({ code: 'inbraak', count: 3 });
  });

  it('never calls 3 against 2 a change; 40 against 10 is one', () => {
    expect(windowCounts([...regs('2025-12-30', 3), ...regs('2025-01-01', 2)], cat, 7, 4, '2025-12-31').rows[1].changeSignificant).toBe(false);
    expect(windowCounts([...regs('2025-12-30', 40), ...regs('2025-01-01', 10)], cat, 7, 4, '2025-12-31').rows[1].changeSignificant).toBe(true);
  });

  it('says how far back the registrations must reach', () => {
    expect(windowStart('2025-12-31', 7, 12)).toBe('2024-12-26');
    expect(windowStart('2025-12-31', 28, 12)).toBe('2024-12-05');
  });
});

describe('a chosen ISO week', () => {
  it('ends on its Sunday, across year ends, and only exists when the year has it', () => {
    expect(isoWeekEnd('2025-W49')).toBe('2025-12-07');
    expect(isoWeekEnd('2025-W01')).toBe('2025-01-05');
    // 2020 had 53 weeks; its week 53 ends in 2021. 2025 has 52.
    expect(isoWeekEnd('2020-W53')).toBe('2021-01-03');
    expect(isoWeekEnd('2021-W01')).toBe('2021-01-10');
    expect(isoWeekEnd('2025-W53')).toBeNull();
    expect(isoWeekEnd('2025-W00')).toBeNull();
    expect(isoWeekEnd('2025-49')).toBeNull();
  });
});
