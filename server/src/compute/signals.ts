// Signals per buurt or wijk for a month (or window of months): the answer of GET /api/signals, the
// map's Signalen panel and the "Wat valt op" items of the monthly briefing.
import type { Dataset } from '../store/dataset.ts';
import { computeSignals, SIGNAL_DEFAULTS, type SignalArea, type SignalRow } from '../domain/signals.ts';
import { isSmall } from '../domain/privacy.ts';
import { monthlyCounts } from './monthlyCounts.ts';
import { periodLabel, registrationsOf } from './wording.ts';

export const SIGNAL_METHOD_TEXT =
  'Per gebied is uit de eigen maandcijfers van de voorgaande jaren (tot vijf jaar, minstens twee) een verwachting berekend, ' +
  'met het seizoen (effect per kalendermaand) en de trend (quasi-Poisson-model). De marge geeft aan wat in 95 van de 100 gewone ' +
  'maanden voorkomt, inclusief de onzekerheid van de verwachting zelf. Een gebied krijgt alleen een signaal als de afwijking ' +
  'ook na correctie voor het aantal getoetste gebieden (Benjamini-Hochberg, 5% valse ontdekkingen) overeind blijft.';

export interface SignalAnswerRow extends SignalRow {
  /** One Dutch sentence for a signal (null without one). */
  sentence: string | null;
  suppressed?: boolean;
}

export interface SignalsAnswer {
  meta: {
    gemeente: string;
    level: 'buurt' | 'wijk';
    category: string;
    categoryNaam: string;
    month: string | null;
    from: string;
    to: string;
    method: 'quasiPoissonSeasonTrend';
    methodText: string;
    alpha: number;
    correction: 'benjamini-hochberg';
    intervalLevel: number;
    historyMonths: number;
    demo: boolean;
    tested: number;
    signals: number;
    notes: string[];
  };
  rows: SignalAnswerRow[];
}

export interface SignalsQuery {
  gemeente: string;
  level: 'buurt' | 'wijk';
  category: string;
  from: string;
  to: string;
}

const nl = (n: number) => n.toLocaleString('nl-NL', { maximumFractionDigits: 0 });

function sentence(r: SignalRow, what: string, period: string, hideCount: boolean): string | null {
  if (!r.signal || r.lower === null || r.upper === null) return null;
  const range = `verwacht ${nl(r.lower)} tot ${nl(r.upper)}`;
  if (hideCount) return `${r.naam}: ${r.signal === 'higher' ? 'meer' : 'minder'} ${what} dan gewoonlijk in ${period} (${range}).`;
  return `${r.naam}: ${nl(r.observed!)} ${what} in ${period}, ${range}.`;
}

/**
 * Signals for every area of the level. `suppressThreshold`: counts from 1 up to it are hidden together
 * with what would give them away (p and q are a function of the count given the forecast).
 */
export function signalsAnswer(ds: Dataset, q: SignalsQuery, suppressThreshold: number | null = null): SignalsAnswer {
  const data = monthlyCounts(ds, q.gemeente, q.level, [q.category]);
  const m0 = data.months.indexOf(q.from);
  const m1 = data.months.indexOf(q.to);
  const h0 = Math.max(0, m0 - SIGNAL_DEFAULTS.historyMonths);
  const toMonth = (m: number) => Number(data.months[m].slice(5, 7));
  const areas: SignalArea[] = data.areas.map((a) => ({
    code: a.code,
    naam: a.naam,
    history: a.counts.slice(h0, m0).map((count, i) => ({ month: toMonth(h0 + i), count })),
    window: a.counts.slice(m0, m1 + 1).map((count, i) => ({ month: toMonth(m0 + i), count })),
  }));
  const computed = computeSignals(areas);
  const what = registrationsOf(ds.categories.naam(q.category), q.category);
  const period = periodLabel(q.from, q.to);
  const rows: SignalAnswerRow[] = computed.map((r, i) => {
    // Under disclosure control the counts are rounded; a window with a hidden month shows no count.
    const hidden = data.areas[i].hidden;
    const hide = hidden ? hidden.slice(m0, m1 + 1).some(Boolean) : suppressThreshold !== null && isSmall(r.observed, suppressThreshold);
    const row: SignalAnswerRow = { ...r, sentence: sentence(r, what, period, hide) };
    if (hide) Object.assign(row, { observed: null, p: null, q: null, suppressed: true });
    return row;
  });
  const demo = data.areas.some((a) => a.demo.slice(h0, m1 + 1).some(Boolean));
  const tested = computed.filter((r) => r.p !== null).length;
  const notes: string[] = [];
  if (demo) notes.push('DEMO: (een deel van) deze maandcijfers is gegenereerd uit jaartotalen; de signalen zeggen dan niets over de werkelijkheid.');
  const tooShort = computed.filter((r) => r.reason === 'tooFewMonths').length;
  if (tooShort) notes.push(`${tooShort} gebied(en) zonder toets: minder dan ${SIGNAL_DEFAULTS.minHistoryMonths} maanden met cijfers vóór deze periode.`);
  const tooFew = computed.filter((r) => r.reason === 'tooFewCounts').length;
  if (tooFew) notes.push(`${tooFew} gebied(en) zonder toets: te weinig registraties in de voorgaande jaren om een verwachting op te baseren.`);
  const unknown = computed.filter((r) => r.reason === 'windowUnknown').length;
  if (unknown) notes.push(`${unknown} gebied(en) zonder toets: voor (een deel van) deze periode zijn geen cijfers bekend.`);
  return {
    meta: {
      gemeente: q.gemeente,
      level: q.level,
      category: q.category,
      categoryNaam: ds.categories.naam(q.category),
      month: q.from === q.to ? q.from : null,
      from: q.from,
      to: q.to,
      method: 'quasiPoissonSeasonTrend',
      methodText: SIGNAL_METHOD_TEXT,
      alpha: SIGNAL_DEFAULTS.alpha,
      correction: 'benjamini-hochberg',
      intervalLevel: SIGNAL_DEFAULTS.intervalLevel,
      historyMonths: SIGNAL_DEFAULTS.historyMonths,
      demo,
      tested,
      signals: computed.filter((r) => r.signal).length,
      notes,
    },
    rows,
  };
}
