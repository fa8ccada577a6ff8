// The answer of GET /api/survey: Veiligheidsmonitor scores of one indicator, one year, all areas of a
// level. Real and DEMO are never mixed in one answer: a level shows imported figures when there are
// any, otherwise demo figures generated around the REAL gemeente value; without a real gemeente value
// there is nothing to anchor a demo on, so the answer says "geen gegevens".
// compute/ holds the answers that routes and reports share: they read the Dataset and its stores (so
// they are not domain/) and never import hono, so a report calls them directly instead of over HTTP.
import type { Dataset } from '../store/dataset.ts';
import { levelOf, type SurveyRow, type SurveyStore } from '../store/survey.ts';
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

/**
 * The year a map opens on when none is asked for: the latest year that covers the level, i.e. one where
 * published results reach at least half of the areas, or where a gemeente value exists to base demo
 * figures on. Maastricht publishes 2017 and 2019 for one buurt only (Mariaberg); opening on 2019 would
 * show 43 grey buurten as if the survey had nothing to say. Falls back to the latest year of all.
 */
function defaultYear(all: readonly SurveyRow[], years: readonly number[], gemeente: string, level: Level, areaCount: number): number | null {
  for (const y of [...years].reverse()) {
    const ofYear = all.filter((r) => r.year === y);
    if (level === 'gemeente') return y;
    if (ofYear.some((r) => r.area === gemeente)) return y;
    const areasWithValue = new Set(ofYear.filter((r) => levelOf(r.area) === level).map((r) => r.area));
    if (areasWithValue.size * 2 >= areaCount) return y;
  }
  return years.at(-1) ?? null;
}

/** The answer of /survey for one indicator, gemeente, level and (optional) year; also used by the
 * workbench's survey criteria (routes/ranking.ts) and the quarterly report, so all agree. The gemeente
 * must be in the data (the route answers 404 before calling this). */
export function computeSurvey(ds: Dataset, store: SurveyStore, ind: SurveyIndicator, q: { gemeente: string; level: Level; year?: number }): SurveyResponse {
  const all = store.rows({ gemeente: q.gemeente, indicator: ind.code }).filter((r) => !r.demo);
  const years = [...new Set(all.map((r) => r.year))].sort((a, b) => a - b);
  const areas = ds.areas(q.gemeente, q.level);
  const year = q.year ?? defaultYear(all, years, q.gemeente, q.level, areas.length);
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
    const covered = rows.filter((r) => r.value !== null).length;
    if (q.level !== 'gemeente' && covered * 2 < areas.length) {
      notes.push(`Voor ${year} is een uitkomst gepubliceerd voor ${covered} van de ${areas.length} ${q.level === 'buurt' ? 'buurten' : 'wijken'}; de andere hebben geen waarde.`);
    }
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
