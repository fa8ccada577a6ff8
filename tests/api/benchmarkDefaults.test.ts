// No Maastricht defaults elsewhere: another gemeente's comparison opens on a group it belongs to, its
// texts name that gemeente, and Maastricht's plan group is not offered to it.
import { beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp } from '../support/testApp.ts';

let t: ReturnType<typeof makeTestApp>;
beforeAll(() => {
  t = makeTestApp();
});
type Body = { meta: { group: string; groupLabel: string; groups: { id: string; label: string }[]; notes: string[] }; rows: { code: string; isSelf: boolean; inGroup: boolean }[] };

describe('/api/benchmark default group', () => {
  it('Maastricht opens on the reference gemeenten of its own plan', async () => {
    const r = await t.getJson<Body>('/api/benchmark?gemeente=GM0935');
    expect(r.status).toBe(200);
    expect(r.body.meta.group).toBe('reference');
  });

  it("Groningen opens on the G40 (its membership), never on Maastricht's reference group", async () => {
    const r = await t.getJson<Body>('/api/benchmark?gemeente=GM0014');
    expect(r.status).toBe(200);
    expect(r.body.meta.group).toBe('G40');
    expect(r.body.meta.groups.map((g) => g.id)).not.toContain('reference');
    expect(r.body.meta.notes.join(' ')).not.toMatch(/Maastricht/);
    expect(r.body.meta.notes.join(' ')).toMatch(/Groningen is groepslid/);
    expect((await t.getJson('/api/benchmark?gemeente=GM0014&group=reference')).status).toBe(400);
  });

  it('a gemeente in no group opens on gemeenten of similar size, itself included', async () => {
    const r = await t.getJson<Body>('/api/benchmark?gemeente=GM1680');
    expect(r.status).toBe(200);
    expect(r.body.meta.group).toBe('grootte');
    expect(r.body.rows.length).toBe(21);
    expect(r.body.rows.find((x) => x.isSelf)!.inGroup).toBe(true);
  });

  it('the HIC group is not called the plan\'s outside Maastricht', async () => {
    const cats = (await t.getJson<{ code: string; naam: string }[]>('/api/categories')).body;
    expect(cats.find((c) => c.code === 'HIC')!.naam).not.toMatch(/uitvoeringsplan/i);
  });
});
