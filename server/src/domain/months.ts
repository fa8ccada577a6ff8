// Calendar months as 'YYYY-MM' strings, the period unit of every API answer and report.

/** 'YYYY-MM' moved by `delta` months (negative = earlier): shiftMonth('2024-01', -1) = '2023-12'. */
export function shiftMonth(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number);
  const i = y * 12 + (m - 1) + delta;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}
