// No Maastricht defaults elsewhere: another gemeente's comparison opens on a group it belongs to, its
// texts name that gemeente, and Maastricht's plan group is not offered to it.
import { beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp } from '../support/testApp.ts';
import { answerOf, errorOf } from '../support/answers.ts';

let t: ReturnType<typeof makeTestApp>;
beforeAll(() => {
  t = makeTestApp();
});

describe('/api/benchmark default group', () => {
  it('Maastricht opens on the reference gemeenten of its own plan', async () => {
    const r = { body: await answerOf(await t.client.benchmark.$get({ query: { gemeente: 'GM0935' } })) };
    expect(r.body.meta.group).toBe('reference');
  });

  it("Groningen opens on the G40 (its membership), never on Maastricht's reference group", async () => {
    const r = { body: await answerOf(await t.client.benchmark.$get({ query: { gemeente: 'GM0014' } })) };
    expect(r.body.meta.group).toBe('G40');
    expect(r.body.meta.groups.map((g) => g.id)).not.toContain('reference');
    expect(r.body.meta.notes.join(' ')).not.toMatch(/Maastricht/);
    expect(r.body.meta.notes.join(' ')).toMatch(/Groningen is groepslid/);
    await errorOf(await t.client.benchmark.$get({ query: { gemeente: 'GM0014', group: 'reference' } }), 400);
  });

  it('a gemeente in no group opens on gemeenten of similar size, itself included', async () => {
    const r = { body: await answerOf(await t.client.benchmark.$get({ query: { gemeente: 'GM1680' } })) };
    expect(r.body.meta.group).toBe('grootte');
    expect(r.body.rows.length).toBe(21);
    expect(r.body.rows.find((x) => x.isSelf)?.inGroup).toBe(true);
  });

  it('the HIC group is not called the plan\'s outside Maastricht', async () => {
    const cats = await answerOf(await t.client.categories.$get());
    expect(cats.find((c) => c.code === 'HIC')?.naam).not.toMatch(/uitvoeringsplan/i);
  });
});
