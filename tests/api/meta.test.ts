// GET /api/config: what the client reads before its first data request (typed client: a renamed
// field breaks the typecheck of this test).
import { beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp } from '../support/testApp.ts';
import { DEFAULT_SUPPRESSION_THRESHOLD } from '../../server/src/domain/privacy.ts';

let t: ReturnType<typeof makeTestApp>;

beforeAll(() => {
  t = makeTestApp(':memory:', { defaultGemeente: 'GM0268', suppressionThreshold: 6, lowPopulationThreshold: 150 });
});

describe('GET /api/config', () => {
  it('names the default gemeente, the thresholds and the months with data', async () => {
    const res = await t.client.config.$get();
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.defaultGemeente).toBe('GM0268');
    expect(body.basemapStyleUrl).toBe('');
    expect(body.suppressionThreshold).toBe(6);
    expect(body.lowPopulationThreshold).toBe(150);
    // The open data: registered crime 2021 to 2025, whole years.
    expect(body.months).toEqual({ first: '2021-01', last: '2025-12' });
  });

  it('spans the same months as a gemeente\'s figures', async () => {
    const months = t.dataset.months('GM0935');
    const body = await (await t.client.config.$get()).json();
    expect(body.months).toEqual({ first: months[0], last: months.at(-1) });
  });

  it('without settings: the default suppression threshold the presentations use', async () => {
    const d = makeTestApp();
    const body = await (await d.client.config.$get()).json();
    expect(body.suppressionThreshold).toBe(DEFAULT_SUPPRESSION_THRESHOLD);
    expect(body.lowPopulationThreshold).toBe(200);
  });
});

describe('GET /api/health, /api/gemeenten, /api/categories (typed)', () => {
  it('health reports ok and the store revision', async () => {
    const body = await (await t.client.health.$get()).json();
    expect(body.status).toBe('ok');
    expect(body.gemeenten).toBe(342);
    expect(typeof body.storeRevision).toBe('number');
  });

  it('gemeenten and categories are lists with code and naam', async () => {
    const gemeenten = await (await t.client.gemeenten.$get()).json();
    expect(gemeenten.find((g) => g.code === 'GM0268')?.naam).toBe('Nijmegen');
    const categories = await (await t.client.categories.$get()).json();
    expect(categories.some((c) => c.code === '0.0.0')).toBe(true);
  });
});
