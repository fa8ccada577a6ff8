// Queen contiguity from the real (simplified) boundaries: every area has a neighbour, the
// relation is symmetric and only links areas of the same gemeente and level.
import { beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp } from '../support/testApp.ts';
import { answerOf, errorOf } from '../support/answers.ts';

let t: ReturnType<typeof makeTestApp>;
beforeAll(() => {
  t = makeTestApp();
});

describe('GET /api/neighbours', () => {
  // Maastricht; Groningen; Utrecht (buurt codes with letters); Terschelling (islands).
  for (const gm of ['GM0935', 'GM0014', 'GM0363', 'GM0093']) {
    for (const level of ['buurt', 'wijk'] as const) {
      it(`${gm} ${level}: every area has at least one neighbour, symmetric`, async () => {
        const r = { body: await answerOf(await t.client.neighbours.$get({ query: { gemeente: gm, level } })) };
        const expected = t.dataset.areas(gm, level).map((a) => a.code);
        const codes = Object.keys(r.body);
        // every area with geometry is in the answer
        expect(codes.length).toBeGreaterThanOrEqual(expected.length - 2);
        for (const c of codes) expect(expected).toContain(c);
        if (codes.length < 2) return;
        for (const [code, list] of Object.entries(r.body)) {
          expect(list.length, code).toBeGreaterThanOrEqual(1);
          expect(list).not.toContain(code);
          for (const other of list) expect(r.body[other], `${other} -> ${code}`).toContain(code);
        }
      });
    }
  }

  it('Maastricht: the Binnenstad borders the other centre buurten and not a far-away one', async () => {
    const r = { body: await answerOf(await t.client.neighbours.$get({ query: { gemeente: 'GM0935', level: 'buurt' } })) };
    expect(r.body.BU09350000).toEqual(expect.arrayContaining(['BU09350001', 'BU09350006'])); // Jekerkwartier, Wyck
    expect(r.body.BU09350000).not.toContain('BU09350602'); // Heer
    expect(Object.keys(r.body)).toHaveLength(44);
  });

  it('defaults to buurten and validates its parameters', async () => {
    const r = await answerOf(await t.client.neighbours.$get({ query: { gemeente: 'GM0935' } }));
    expect(Object.keys(r)[0]).toMatch(/^BU/);
    // A level the route does not serve and a missing gemeente: the typed client would not send them.
    expect((await errorOf(await t.app.request('/api/neighbours?gemeente=GM0935&level=gemeente'), 400)).parameter).toBe('level');
    await errorOf(await t.client.neighbours.$get({ query: { gemeente: 'GM9999' } }), 404);
    expect((await errorOf(await t.app.request('/api/neighbours'), 400)).parameter).toBe('gemeente');
  });
});
