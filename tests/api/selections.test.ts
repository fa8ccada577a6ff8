// Saved selections of the workbench: create, list, read, delete, and validation.
import { beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp } from '../support/testApp.ts';
import { answerOf, errorOf } from '../support/answers.ts';

let t: ReturnType<typeof makeTestApp>;
beforeAll(() => {
  t = makeTestApp(':memory:', {}, 'analist');
});

/** A body as it is sent, valid or not (the bad ones are ones the typed client would not send). */
const postRaw = (body: unknown) =>
  t.app.request('/api/selections', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });

describe('/api/selections', () => {
  it('create, list per gemeente, read and delete', async () => {
    const res = await t.client.selections.$post({ json: { name: 'Centrum HIC 2024', note: 'Voor het overleg in juni', gemeente: 'gm0935', codes: ['BU09350000', 'bu09350006', 'BU09350000'], criteria: { weights: 'smoothedRate:2,hotspot:1', category: 'HIC' } } });
    expect(res.status).toBe(201);
    const created = { body: await answerOf(res) };
    expect(created.body).toMatchObject({ name: 'Centrum HIC 2024', note: 'Voor het overleg in juni', gemeente: 'GM0935', codes: ['BU09350000', 'BU09350006'], criteria: { category: 'HIC' } });
    expect(typeof created.body.id).toBe('number');
    expect(created.body.createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    const other = await answerOf(await t.client.selections.$post({ json: { name: 'Groningen', gemeente: 'GM0014', codes: ['BU00140000'] } }));
    expect(other).toMatchObject({ note: '', criteria: null });

    const list = await answerOf(await t.client.selections.$get({ query: { gemeente: 'GM0935' } }));
    expect(list.map((s) => s.id)).toContain(created.body.id);
    expect(list.every((s) => s.gemeente === 'GM0935')).toBe(true);
    expect((await answerOf(await t.client.selections.$get({ query: {} }))).length).toBeGreaterThanOrEqual(2);

    const id = String(created.body.id);
    expect(await answerOf(await t.client.selections[':id'].$get({ param: { id } }))).toEqual(created.body);

    const del = await t.app.request(`/api/selections/${created.body.id}`, { method: 'DELETE' });
    expect(del.status).toBe(200);
    await errorOf(await t.client.selections[':id'].$get({ param: { id } }), 404);
    expect((await t.app.request(`/api/selections/${created.body.id}`, { method: 'DELETE' })).status).toBe(404);
  });

  const bad: [string, unknown, string][] = [
    ['no name', { gemeente: 'GM0935', codes: ['BU09350000'] }, 'name'],
    ['empty name', { name: '  ', gemeente: 'GM0935', codes: ['BU09350000'] }, 'name'],
    ['bad gemeente', { name: 'x', gemeente: 'Maastricht', codes: ['BU09350000'] }, 'gemeente'],
    ['no codes', { name: 'x', gemeente: 'GM0935', codes: [] }, 'codes'],
    ['malformed code', { name: 'x', gemeente: 'GM0935', codes: ['BU09350000', 'hello'] }, 'codes.1'],
    ['code of another gemeente', { name: 'x', gemeente: 'GM0935', codes: ['BU00140000'] }, 'codes'],
    ['criteria not an object', { name: 'x', gemeente: 'GM0935', codes: ['BU09350000'], criteria: 'all' }, 'criteria'],
    ['not JSON', '{name:', 'body'],
  ];
  for (const [what, body, parameter] of bad) {
    it(`400 for ${what}`, async () => {
      const r = await errorOf(await postRaw(body), 400);
      expect(r.parameter).toBe(parameter);
      expect(r.error).not.toBe('');
    });
  }

  it('unknown gemeente 404; bad id 400', async () => {
    await errorOf(await t.client.selections.$post({ json: { name: 'x', gemeente: 'GM9999', codes: ['BU99990000'] } }), 404);
    expect((await errorOf(await t.client.selections[':id'].$get({ param: { id: 'abc' } }), 400)).parameter).toBe('id');
  });
});
