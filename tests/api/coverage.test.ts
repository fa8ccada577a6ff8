// GET /api/coverage: per level, kind of figure and year, what is real, what is a DEMO split and what
// is missing, which import it comes from, and the newest month.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../server/src/store/importFile.ts';
import { ROOT } from '../../server/src/compose.ts';
import type { CoverageResponse } from '../../server/src/compute/coverage.ts';
import { makeTestApp } from '../support/testApp.ts';
import { answerOf, errorOf } from '../support/answers.ts';

const cellOf = (c: CoverageResponse, level: string, measure: string, year: number) => c.rows.find((r) => r.level === level && r.measure === measure)!.years.find((y) => y.year === year)!;

describe('GET /api/coverage', () => {
  it('says for Maastricht which figures are real and which are DEMO', async () => {
    const t = makeTestApp();
    const body = await answerOf(await t.client.coverage.$get({ query: { gemeente: 'GM0935' } }));
    expect(body.meta.years[0]).toBe(2012);
    // Yearly totals per buurt are real (only the months are spread); the type split is DEMO.
    expect(cellOf(body, 'buurt', 'totaal', 2023)).toMatchObject({ status: 'monthsDemo', realAreas: 44 });
    expect(cellOf(body, 'buurt', 'soort', 2023)).toMatchObject({ status: 'demo' });
    expect(cellOf(body, 'wijk', 'soort', 2023)).toMatchObject({ status: 'demo' });
    // Per type at the gemeente level: the real 47018NED figures, back to 2012.
    expect(cellOf(body, 'gemeente', 'soort', 2018)).toMatchObject({ status: 'monthsDemo', realAreas: 1 });
    expect(cellOf(body, 'buurt', 'totaal', 2018)).toMatchObject({ status: 'missing' });
    expect(cellOf(body, 'buurt', 'overlast', 2023)).toMatchObject({ status: 'missing' });
    const seed = body.imports.find((i) => i.id === cellOf(body, 'gemeente', 'soort', 2018).importId)!;
    expect(seed.source).toMatch(/47018NED/);
    expect(body.meta.newestMonth).toBe('2025-12');
    expect(body.meta.newestMonthReal).toBe(false);
    expect(JSON.stringify(body)).not.toMatch(/\.csv|\/work|GEODATA/);
    // Every import in words, none by its format code (the veiligheidsplan's values once showed as 'survey-plan').
    expect(body.imports.map((i) => i.format)).toEqual(expect.arrayContaining(['source-seed', 'survey', 'survey-plan']));
    for (const i of body.imports) expect(i.source).toMatch(/ /);
  });

  it('after a monthly import: real figures for those months, the newest month, and the import in the history', async () => {
    const t = makeTestApp();
    const r = importFile(t.dataset, path.join(ROOT, 'tests/fixtures/import/cbs-47022NED-valid.csv'));
    const body = await answerOf(await t.client.coverage.$get({ query: { gemeente: 'GM0935' } }));
    const c = cellOf(body, 'buurt', 'totaal', 2024);
    expect(c.status).toBe('real');
    expect(body.imports.map((i) => i.format)).toContain(r.format);
    expect(body.meta.newestMonth).toBe('2024-02');
    expect(body.meta.newestMonthReal).toBe(true);
  });

  it("says where a gemeente's buurt boundaries come from: Breda's own files, elsewhere the shipped approximation", async () => {
    const t = makeTestApp();
    const of = async (gemeente: string) => (await answerOf(await t.client.coverage.$get({ query: { gemeente } }))).meta.boundaries;
    expect(await of('GM0935')).toBe('benadering');
    expect(await of('GM0758')).toBe('eigen');
  });

  it('refuses a bad or unknown gemeente', async () => {
    const t = makeTestApp();
    expect((await errorOf(await t.client.coverage.$get({ query: { gemeente: 'XX' } }), 400)).parameter).toBe('gemeente');
    await errorOf(await t.client.coverage.$get({ query: { gemeente: 'GM9999' } }), 404);
  });
});
