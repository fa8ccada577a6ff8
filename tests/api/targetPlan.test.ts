// The plan's targets entered in the browser: the beheerder reads the plan that applies (shipped with the
// application until one is saved), saves a new version validated like the shipped file (Dutch messages
// naming the field; nothing stored on an error), and the Doelen answer and the reports use it at once;
// every version is kept and audited, and restoring an old one is saving it again.
import { beforeAll, describe, expect, it } from 'vitest';
import { SqliteUserStore } from '../../server/src/store/sqliteUsers.ts';
import { makeTestApp } from '../support/testApp.ts';
import { sessions, TEST_PASSWORD as PW } from '../support/sessions.ts';

let t: ReturnType<typeof makeTestApp>;
const { login, send } = sessions(() => t.app);

type PlanBody = { bron: string; indicators: Record<string, unknown>[] };

const newIndicator = {
  id: 'fietsdiefstal-slachtoffers', label: '% slachtoffer van fietsdiefstal', theme: 'Vermogenscriminaliteit',
  source: 'Veiligheidsmonitor', unit: 'percentage', betterWhen: 'lower',
  baseline: { year: 2021, value: 6.1 },
  targets: [{ year: 2025, operator: '<=', value: 5.5 }, { year: 2027, operator: '<=', value: 5 }],
  compute: { kind: 'survey', indicator: 'slachtoffer_fietsdiefstal_pct' },
};

beforeAll(async () => {
  t = makeTestApp(':memory:');
  const users = new SqliteUserStore(t.store.db);
  users.add('beheer', PW, 'beheerder', []);
  users.add('ana', PW, 'analist', []);
  for (const u of ['beheer', 'ana']) expect(await login(u)).toBe(200);
});

describe('the plan of a gemeente, entered in the browser', () => {
  it('only a beheerder reads or saves the plan; an analist reads the Doelen answer as before', async () => {
    expect((await send('ana', 'GET', '/api/targets/plan?gemeente=GM0935')).status).toBe(403);
    const refused = await send('ana', 'PUT', '/api/targets/plan?gemeente=GM0935', { bron: 'x', indicators: [newIndicator] });
    expect(refused.status).toBe(403);
    expect((await send('ana', 'GET', '/api/targets?gemeente=GM0935')).status).toBe(200);
  });

  it('until one is saved, the plan shipped with the application applies, without history', async () => {
    const r = await send('beheer', 'GET', '/api/targets/plan?gemeente=GM0935');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ gemeente: 'GM0935', origin: 'file', history: [] });
    expect(r.body.plan.indicators).toHaveLength(9);
    const none = await send('beheer', 'GET', '/api/targets/plan?gemeente=GM0344');
    expect(none.body).toEqual({ gemeente: 'GM0344', plan: null, origin: null, history: [] });
    expect((await send('beheer', 'GET', '/api/targets/plan?gemeente=GM9999')).status).toBe(404);
  });

  it('a new indicator with its targets is on the Doelen answer at once, audited, with the version in the history', async () => {
    const before = (await send('beheer', 'GET', '/api/targets/plan?gemeente=GM0935')).body.plan as PlanBody;
    const plan = { ...before, indicators: [...before.indicators, newIndicator] };
    const saved = await send('beheer', 'PUT', '/api/targets/plan?gemeente=GM0935', plan);
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ origin: 'browser', saved: { savedBy: 'beheer' } });
    expect(saved.body.history).toHaveLength(1);
    const items = (await send('ana', 'GET', '/api/targets?gemeente=GM0935')).body as { id: string; targets: { year: number; value: number }[]; status: string }[];
    expect(items).toHaveLength(10);
    const added = items.find((i) => i.id === 'fietsdiefstal-slachtoffers')!;
    expect(added.targets.map((x) => [x.year, x.value])).toEqual([[2025, 5.5], [2027, 5]]);
    const audit = (await send('beheer', 'GET', '/api/audit?action=targets-changed')).body.entries as { username: string; detail: { gemeente: string; indicators: string[] } }[];
    expect(audit[0]).toMatchObject({ username: 'beheer', detail: { gemeente: 'GM0935' } });
    expect(audit[0].detail.indicators).toContain('fietsdiefstal-slachtoffers');
  });

  it('refuses what the shipped file would refuse, naming the field in Dutch, and stores nothing', async () => {
    const current = (await send('beheer', 'GET', '/api/targets/plan?gemeente=GM0935')).body;
    const base = current.plan as PlanBody;
    const withLast = (change: Record<string, unknown>) => ({ ...base, indicators: [...base.indicators.slice(0, -1), { ...newIndicator, ...change }] });
    const last = base.indicators.length - 1;
    const cases: [unknown, string, RegExp][] = [
      [withLast({ compute: { kind: 'survey', indicator: 'bestaat_niet' } }), `indicators.${last}.compute.indicator`, /geen bekende Veiligheidsmonitor-indicator/],
      [withLast({ compute: { kind: 'crime', category: '9.9.9' } }), `indicators.${last}.compute.category`, /geen bekende soort/],
      [withLast({ targets: [{ year: 2025, operator: '<=', value: 5 }, { year: 2025, operator: '<', value: 4 }] }), `indicators.${last}.targets.1.year`, /al een doel voor 2025/],
      [withLast({ id: base.indicators[0].id }), `indicators.${last}.id`, /twee keer/],
      [withLast({ targets: [{ year: 2025, operator: '!=', value: 5 }] }), `indicators.${last}.targets.0.operator`, /Ongeldig/],
      [withLast({ targets: [] }), `indicators.${last}.targets`, /minstens één doel/],
      [{ ...base, bron: ' ' }, 'bron', /vul de bron/],
      ['{"bron": ', 'body', /JSON/],
    ];
    for (const [body, parameter, message] of cases) {
      const r = await send('beheer', 'PUT', '/api/targets/plan?gemeente=GM0935', body);
      expect(r.status, parameter).toBe(400);
      expect(r.body.parameter).toBe(parameter);
      if (parameter !== 'body') expect(r.body.error).toMatch(message);
    }
    const after = (await send('beheer', 'GET', '/api/targets/plan?gemeente=GM0935')).body;
    expect(after.history).toHaveLength(current.history.length);
  });

  it('a gemeente without a plan gets one; restoring an earlier version is saving it again', async () => {
    const first = { bron: 'Integraal Veiligheidsplan 2025-2028', indicators: [newIndicator] };
    expect((await send('beheer', 'PUT', '/api/targets/plan?gemeente=GM0344', first)).status).toBe(200);
    expect((await send('ana', 'GET', '/api/targets?gemeente=GM0344')).body).toHaveLength(1);
    const second = { ...first, indicators: [{ ...newIndicator, targets: [{ year: 2026, operator: '<', value: 4 }] }] };
    expect((await send('beheer', 'PUT', '/api/targets/plan?gemeente=GM0344', second)).status).toBe(200);
    const history = (await send('beheer', 'GET', '/api/targets/plan?gemeente=GM0344')).body.history as { id: number; plan: PlanBody }[];
    expect(history.map((v) => v.plan.indicators[0].targets)).toEqual([second.indicators[0].targets, newIndicator.targets]);
    const restored = await send('beheer', 'PUT', '/api/targets/plan?gemeente=GM0344', history[1].plan);
    expect(restored.body.history).toHaveLength(3);
    const items = (await send('ana', 'GET', '/api/targets?gemeente=GM0344')).body as { targets: { year: number }[] }[];
    expect(items[0].targets.map((x) => x.year)).toEqual([2025, 2027]);
  });
});
