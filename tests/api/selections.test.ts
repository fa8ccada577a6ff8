// Saved selections of the workbench: create, list, read, delete, and validation.
import { beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp } from '../support/testApp.ts';

let t: ReturnType<typeof makeTestApp>;
beforeAll(() => {
  t = makeTestApp(':memory:', {}, 'analist');
});

const post = async (body: unknown) => {
  const res = await t.app.request('/api/selections', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as any };
};

describe('/api/selections', () => {
  it('create, list per gemeente, read and delete', async () => {
    const created = await post({ name: 'Centrum HIC 2024', note: 'Voor het overleg in juni', gemeente: 'gm0935', codes: ['BU09350000', 'bu09350006', 'BU09350000'], criteria: { weights: 'smoothedRate:2,hotspot:1', category: 'HIC' } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Centrum HIC 2024', note: 'Voor het overleg in juni', gemeente: 'GM0935', codes: ['BU09350000', 'BU09350006'], criteria: { category: 'HIC' } });
    expect(typeof created.body.id).toBe('number');
    expect(created.body.createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    const other = await post({ name: 'Groningen', gemeente: 'GM0014', codes: ['BU00140000'] });
    expect(other.body).toMatchObject({ note: '', criteria: null });

    const list = await t.getJson<any[]>('/api/selections?gemeente=GM0935');
    expect(list.status).toBe(200);
    expect(list.body.map((s) => s.id)).toContain(created.body.id);
    expect(list.body.every((s) => s.gemeente === 'GM0935')).toBe(true);
    expect((await t.getJson<any[]>('/api/selections')).body.length).toBeGreaterThanOrEqual(2);

    const one = await t.getJson(`/api/selections/${created.body.id}`);
    expect(one.body).toEqual(created.body);

    const del = await t.app.request(`/api/selections/${created.body.id}`, { method: 'DELETE' });
    expect(del.status).toBe(200);
    expect((await t.getJson(`/api/selections/${created.body.id}`)).status).toBe(404);
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
      const r = await post(body);
      expect(r.status).toBe(400);
      expect(r.body.parameter).toBe(parameter);
      expect(typeof r.body.error).toBe('string');
    });
  }

  it('unknown gemeente 404; bad id 400', async () => {
    expect((await post({ name: 'x', gemeente: 'GM9999', codes: ['BU99990000'] })).status).toBe(404);
    const r = await t.getJson('/api/selections/abc');
    expect(r.status).toBe(400);
    expect(r.body.parameter).toBe('id');
  });
});
