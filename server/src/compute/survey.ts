// The answer of GET /api/survey: Veiligheidsmonitor scores of one indicator, one year, all areas of a
// level. Real and DEMO are never mixed in one answer: a level shows imported figures when there are
// any, otherwise demo figures generated around the REAL gemeente value; without a real gemeente value
// there is nothing to anchor a demo on, so the answer says "geen gegevens".
// compute/ holds the answers that routes and reports share: they read the Dataset and its stores (so
// they are not domain/) and never import hono, so a report calls them directly instead of over HTTP.
import type { Dataset } from '../store/dataset.ts';
import type { SurveyStore } from '../store/survey.ts';
import { SMALL_SAMPLE, type SurveyIndicator } from '../domain/survey.ts';
import { demoBuurten, demoWijken, MIN_RESPONDENTS, type DemoArea, type DemoFigure } from '../domain/surveyDemo.ts';
import type { Level } from '../domain/model.ts';

export type SurveyFlag = 'smallSample' | 'noData' | 'suppressed' | 'demo';

export interface SurveyRowOut {
  code: string;
  naam: string;
  wijkcode?: string;
  value: number | null;
  lower: number | null;
  upper: number | null;
  respondents: number | null;
  demo: boolean;
  flags: SurveyFlag[];
}

export interface SurveyResponse {
  meta: {
    demo: boolean;
    bron: string;
    gemeente: string;
    level: Level;
    indicator: string;
    indicatorLabel: string;
    unit: SurveyIndicator['unit'];
    betterWhen: SurveyIndicator['betterWhen'];
    /** null when the gemeente has no survey data for this indicator at all. */
    year: number | null;
    /** Years with real (non-demo) figures for this gemeente and indicator, any level. */
    years: number[];
    /** The real gemeente value of that year (the anchor of demo figures), null if unknown. */
    gemeenteValue: number | null;
    smallSampleThreshold: number;
    notes: string[];
  };
  rows: SurveyRowOut[];
}

/** The answer of /survey for one indicator, gemeente, level and (optional) year; also used by the
 * workbench's survey criteria (routes/ranking.ts) and the quarterly report, so all agree. The gemeente
 * must be in the data (the route answers 404 before calling this). */
export function computeSurvey(ds: Dataset, store: SurveyStore, ind: SurveyIndicator, q: { gemeente: string; level: Level; year?: number }): SurveyResponse {
  const all = store.rows({ gemeente: q.gemeente, indicator: ind.code }).filter((r) => !r.demo);
  const years = [...new Set(all.map((r) => r.year))].sort((a, b) => a - b);
  const year = q.year ?? years.at(-1) ?? null;
  const areas = ds.areas(q.gemeente, q.level);
  const gmRow = year === null ? undefined : all.find((r) => r.area === q.gemeente && r.year === year);
  const notes: string[] = [];
  const empty = (a: { code: string; naam: string; wijkcode?: string }): SurveyRowOut => ({
    code: a.code, naam: a.naam, ...(a.wijkcode ? { wijkcode: a.wijkcode } : {}),
    value: null, lower: null, upper: null, respondents: null, demo: false, flags: ['noData'],
  });
  const flagsOf = (respondents: number | null, demo: boolean): SurveyFlag[] => {
    const f: SurveyFlag[] = [];
    if (respondents !== null && respondents < SMALL_SAMPLE) f.push('smallSample');
    if (demo) f.push('demo');
    return f;
  };

  let rows: SurveyRowOut[];
  let demo = false;
  let bron: string;
  const real = year === null ? [] : store.rows({ gemeente: q.gemeente, indicator: ind.code, level: q.level, year });
  if (real.length > 0) {
    const byArea = new Map(real.map((r) => [r.area, r]));
    rows = areas.map((a) => {
      const r = byArea.get(a.code);
      if (!r) return empty(a);
      return {
        code: a.code, naam: a.naam, ...(a.wijkcode ? { wijkcode: a.wijkcode } : {}),
        value: r.value, lower: r.lower, upper: r.upper, respondents: r.respondents, demo: r.demo, flags: flagsOf(r.respondents, r.demo),
      };
    });
    demo = real.some((r) => r.demo);
    bron = [...new Set(real.map((r) => r.source))].join('; ');
  } else if (q.level !== 'gemeente' && gmRow && year !== null) {
    const buurten: DemoArea[] = ds.areas(q.gemeente, 'buurt').map((a) => ({ code: a.code, naam: a.naam, inwoners: a.inwoners, wijkcode: a.wijkcode }));
    let figures: DemoFigure[] = demoBuurten(ind, year, gmRow.value, buurten);
    if (q.level === 'wijk') {
      const wijken: DemoArea[] = ds.areas(q.gemeente, 'wijk').map((a) => ({ code: a.code, naam: a.naam, inwoners: a.inwoners }));
      figures = demoWijken(ind, figures, buurten, wijken);
    }
    const byArea = new Map(figures.map((f) => [f.code, f]));
    rows = areas.map((a) => {
      const f = byArea.get(a.code);
      if (!f) return { ...empty(a), demo: true, flags: ['noData', 'demo'] };
      const flags = flagsOf(f.respondents, true);
      if (f.value === null) flags.unshift('suppressed');
      return { code: a.code, naam: a.naam, ...(a.wijkcode ? { wijkcode: a.wijkcode } : {}), value: f.value, lower: f.lower, upper: f.upper, respondents: f.respondents, demo: true, flags };
    });
    demo = true;
    bron = `DEMO: gegenereerd rond de echte gemeentewaarde ${String(gmRow.value).replace('.', ',')} (${year}; bron: ${gmRow.source})`;
    notes.push(
      `DEMO: er zijn geen open Veiligheidsmonitor-cijfers per ${q.level}. Deze waarden zijn gegenereerd (vast per gebied en jaar) rond de echte gemeentewaarde; ze zijn niet echt.`,
      `Minder dan ${MIN_RESPONDENTS} respondenten: geen waarde ('suppressed'); minder dan ${SMALL_SAMPLE}: kleine steekproef ('smallSample'), brede marge.`,
    );
  } else {
    rows = areas.map(empty);
    bron = 'geen gegevens';
    notes.push(
      year === null
        ? `Geen gegevens: voor deze gemeente zijn geen Veiligheidsmonitor-cijfers voor deze indicator beschikbaar.`
        : `Geen gegevens voor ${year} op ${q.level}niveau${q.level !== 'gemeente' ? ' en geen gemeentewaarde om demo-cijfers op te baseren' : ''}.`,
    );
  }
  if (!demo && rows.some((r) => r.flags.includes('smallSample'))) notes.push(`Minder dan ${SMALL_SAMPLE} respondenten: kleine steekproef, brede marge.`);
  return {
    meta: {
      demo, bron, gemeente: q.gemeente, level: q.level, indicator: ind.code, indicatorLabel: ind.label, unit: ind.unit, betterWhen: ind.betterWhen,
      year, years, gemeenteValue: gmRow?.value ?? null, smallSampleThreshold: SMALL_SAMPLE, notes,
    },
    rows,
  };
}
