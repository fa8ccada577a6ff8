// Dutch wording shared by the signals and the evaluations (API sentences, panel, reports).

const MONTHS_NL = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

/** 'maart 2025', or 'januari t/m maart 2025' for a window. */
export function periodLabel(from: string, to: string): string {
  const name = (m: string) => MONTHS_NL[Number(m.slice(5, 7)) - 1];
  if (from === to) return `${name(from)} ${from.slice(0, 4)}`;
  return from.slice(0, 4) === to.slice(0, 4) ? `${name(from)} t/m ${name(to)} ${to.slice(0, 4)}` : `${name(from)} ${from.slice(0, 4)} t/m ${name(to)} ${to.slice(0, 4)}`;
}

/** 'registraties van diefstal/inbraak woning'; the total is just 'misdrijven'. */
export function registrationsOf(naam: string, code: string): string {
  if (code === '0.0.0') return 'misdrijven';
  if (code === 'OVERLAST') return 'overlastmeldingen';
  return `registraties van ${naam.charAt(0).toLowerCase()}${naam.slice(1)}`;
}
