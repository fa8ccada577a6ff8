// Generated reports: GET /reports/monthly?gemeente=&month=YYYY-MM (the mayor's briefing) and
// GET /reports/quarterly?gemeente=&quarter=YYYY-Qn (the council report). PDF by default (printed by
// headless Chromium, see reports/pdf.ts); &format=html gives the same report as a web page.
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { Dataset } from '../store/dataset.ts';
import type { AppEnv } from '../http/env.ts';
import { principalOf } from '../http/session.ts';
import type { Principal } from '../domain/roles.ts';
import { ApiError } from '../compute/errors.ts';
import { validate } from '../http/validate.ts';
import { gemeenteParam, monthParam } from '../http/params.ts';
import { requireGemeente } from '../compute/scope.ts';
import { ReportFigures } from '../reports/figures.ts';
import { ReportSources } from '../reports/sources.ts';
import { monthlyReport, type BuiltReport } from '../reports/monthly.ts';
import { quarterlyReport } from '../reports/quarterly.ts';
import type { EvaluationAnswer } from '../compute/evaluations.ts';
import { pageTemplates, reportTitle } from '../reports/layout.ts';
import { PdfUnavailableError, type PdfRenderer } from '../reports/pdf.ts';

const format = z.enum(['pdf', 'html'], { error: "expected 'pdf' or 'html'" }).default('pdf');
const monthlyQuery = z.object({ gemeente: gemeenteParam, month: z.string({ error: 'is required (YYYY-MM, e.g. 2024-06)' }).pipe(monthParam), format });
const quarterlyQuery = z.object({
  gemeente: gemeenteParam,
  quarter: z
    .string({ error: 'is required (YYYY-Qn, e.g. 2024-Q2)' })
    .trim()
    .toUpperCase()
    .regex(/^\d{4}-Q[1-4]$/, 'expected a quarter as YYYY-Qn, e.g. 2024-Q2'),
  format,
});

export interface ReportDeps {
  /** Read per report: the beheerder may change it without a restart. */
  lowPopulation: () => number;
  suppressionThreshold: number;
  pdf: PdfRenderer;
  /** The saved evaluations of a gemeente that `reader` may see, with their results (for the quarterly report). */
  evaluationsOf?: (gemeente: string, reader: Principal) => EvaluationAnswer[];
  /** The generation time printed on the report (tests pin it). */
  now?: () => Date;
}

export function reportsRoutes(ds: Dataset, deps: ReportDeps) {
  const sources = new ReportSources(ds);
  const now = deps.now ?? (() => new Date());
  const figuresFor = (gm: string) => new ReportFigures(ds, gm, deps.lowPopulation(), deps.suppressionThreshold);

  /** Months must lie in the data; the error names the parameter and the range. */
  const requireMonths = (gm: string, parameter: string, value: string, from: string, to: string) => {
    const months = ds.cube(gm).months;
    const first = months[0];
    const last = months[months.length - 1];
    if (from < first || to > last) throw new ApiError(400, `${parameter}: ${value} is outside the data (${first} … ${last})`, parameter);
  };

  const send = async (c: Context<AppEnv>, report: BuiltReport, fmt: 'pdf' | 'html', filename: string) => {
    c.header('Cache-Control', 'no-store');
    if (fmt === 'html') return c.html(report.html, 200);
    let pdf: Buffer;
    try {
      pdf = await deps.pdf.render(report.html, { ...pageTemplates(report.meta), title: reportTitle(report.meta) });
    } catch (err) {
      if (err instanceof PdfUnavailableError) throw new ApiError(503, err.message);
      throw err;
    }
    c.header('Content-Type', 'application/pdf');
    c.header('Content-Disposition', `inline; filename="${filename}.pdf"`);
    return c.body(new Uint8Array(pdf), 200);
  };

  return new Hono<AppEnv>()
    .get('/reports/monthly', validate('query', monthlyQuery), async (c) => {
      const q = c.req.valid('query');
      requireGemeente(ds, q.gemeente);
      requireMonths(q.gemeente, 'month', q.month, q.month, q.month);
      const report = await monthlyReport(ds, figuresFor(q.gemeente), sources, q.gemeente, q.month, now());
      return send(c, report, q.format, `maandbriefing-veiligheid_${q.gemeente}_${q.month}`);
    })
    .get('/reports/quarterly', validate('query', quarterlyQuery), async (c) => {
      const q = c.req.valid('query');
      requireGemeente(ds, q.gemeente);
      const year = Number(q.quarter.slice(0, 4));
      const quarter = Number(q.quarter.slice(6));
      const from = `${year}-${String(quarter * 3 - 2).padStart(2, '0')}`;
      const to = `${year}-${String(quarter * 3).padStart(2, '0')}`;
      requireMonths(q.gemeente, 'quarter', q.quarter, from, to);
      const report = await quarterlyReport(ds, figuresFor(q.gemeente), sources, q.gemeente, year, quarter, now(), deps.evaluationsOf?.(q.gemeente, principalOf(c)) ?? []);
      return send(c, report, q.format, `kwartaalrapportage-veiligheid_${q.gemeente}_${year}-Q${quarter}`);
    });
}
