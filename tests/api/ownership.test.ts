// Saved presentations, selections, attention areas and evaluations have an owner: others may open them only
// when shared, only the owner or a beheerder changes or deletes them, ids are never reused, and every write is
// in the audit trail.
import { beforeAll, describe, expect, it } from 'vitest';
import { SqliteUserStore } from '../../server/src/store/sqliteUsers.ts';
import { makeTestApp } from '../support/testApp.ts';
import { sessions, TEST_PASSWORD as PW } from '../support/sessions.ts';

let t: ReturnType<typeof makeTestApp>;
const { login, send, cookies } = sessions(() => t.app);

const view = { title: 'Centrum', caption: '', focus: { level: 'wijk', codes: ['WK093500'] }, measure: 'count', category: '0.0.0', from: '2024-01', to: '2024-06', layers: ['choropleth'] };

beforeAll(async () => {
  t = makeTestApp(':memory:');
  const users = new SqliteUserStore(t.store.db);
  users.add('beheer', PW, 'beheerder', []);
  users.add('ana', PW, 'analist', []);
  users.add('agent', PW, 'wijkagent', ['WK093500']);
  users.add('scherm', PW, 'presentatie', []);
  for (const u of ['beheer', 'ana', 'agent', 'scherm']) expect(await login(u)).toBe(200);
});

describe('presentations have an owner', () => {
  it('a wijkagent cannot change or delete an analist\'s presentation; the owner and a beheerder can', async () => {
    const created = await send('ana', 'POST', '/api/presentations', { title: 'Overleg Centrum', views: [view] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ createdBy: 'ana', shared: true });
    const id = created.body.id;
    expect((await send('agent', 'PUT', `/api/presentations/${id}`, { title: 'Overschreven', views: [view] })).status).toBe(403);
    expect((await send('agent', 'DELETE', `/api/presentations/${id}`)).status).toBe(403);
    expect((await send('agent', 'GET', `/api/presentations/${id}`)).body.title).toBe('Overleg Centrum');
    expect((await send('ana', 'PUT', `/api/presentations/${id}`, { title: 'Overleg Centrum juni', views: [view] })).status).toBe(200);
    expect((await send('beheer', 'DELETE', `/api/presentations/${id}`)).status).toBe(200);
    // A new presentation does not take the deleted one's id (an old link must not open another one).
    const next = await send('ana', 'POST', '/api/presentations', { title: 'Volgende', views: [view] });
    expect(next.body.id).toBeGreaterThan(id);
  });

  it('a private presentation is seen only by its owner and a beheerder', async () => {
    const own = await send('ana', 'POST', '/api/presentations', { title: 'Concept', shared: false, views: [view] });
    const id = own.body.id;
    expect((await send('scherm', 'GET', `/api/presentations/${id}`)).status).toBe(404);
    expect((await send('agent', 'GET', '/api/presentations')).body.map((p: any) => p.id)).not.toContain(id);
    expect((await send('ana', 'GET', '/api/presentations')).body.map((p: any) => p.id)).toContain(id);
    expect((await send('beheer', 'GET', `/api/presentations/${id}`)).status).toBe(200);
  });

  it('the audit trail lists every create, change and delete', async () => {
    const log = (await send('beheer', 'GET', '/api/audit')).body.entries as { username: string; action: string }[];
    const actions = log.map((e) => `${e.username}:${e.action}`);
    expect(actions).toContain('ana:presentation-created');
    expect(actions).toContain('ana:presentation-changed');
    expect(actions).toContain('beheer:presentation-deleted');
  });
});

describe('selections and attention areas have an owner', () => {
  it("a private selection's note is read by its owner and a beheerder only; only they delete it", async () => {
    const own = await send('ana', 'POST', '/api/selections', { name: 'Shortlist', note: 'vertrouwelijk: melding buurtbewoner', gemeente: 'GM0935', codes: ['BU09350000'], shared: false });
    expect(own.status).toBe(201);
    expect(own.body).toMatchObject({ createdBy: 'ana', shared: false });
    const id = own.body.id;
    for (const who of ['scherm', 'agent']) {
      expect((await send(who, 'GET', `/api/selections/${id}`)).status, who).toBe(404);
      const list = await send(who, 'GET', '/api/selections?gemeente=GM0935');
      expect(JSON.stringify(list.body), who).not.toContain('vertrouwelijk');
    }
    expect((await send('agent', 'DELETE', `/api/selections/${id}`)).status).toBe(404);
    expect((await send('beheer', 'GET', `/api/selections/${id}`)).body.note).toMatch(/vertrouwelijk/);

    const shared = await send('ana', 'POST', '/api/selections', { name: 'Team', gemeente: 'GM0935', codes: ['BU09350000'] });
    expect(shared.body.shared).toBe(true);
    expect((await send('agent', 'GET', `/api/selections/${shared.body.id}`)).status).toBe(200);
    expect((await send('agent', 'DELETE', `/api/selections/${shared.body.id}`)).status).toBe(403);
    expect((await send('ana', 'DELETE', `/api/selections/${shared.body.id}`)).status).toBe(200);
    // The deleted id is not given out again.
    expect((await send('ana', 'POST', '/api/selections', { name: 'Nieuw', gemeente: 'GM0935', codes: ['BU09350000'] })).body.id).toBeGreaterThan(shared.body.id);
  });

  it('an attention area is shared by default; a private one is absent for others, also as a stats scope', async () => {
    const team = await send('ana', 'POST', '/api/attention-areas', { name: 'VBA Noord', gemeente: 'GM0935', kind: 'vba', codes: ['BU09350000'] });
    expect(team.body).toMatchObject({ createdBy: 'ana', shared: true });
    expect((await send('agent', 'DELETE', `/api/attention-areas/${team.body.id}`)).status).toBe(403);
    const own = await send('ana', 'POST', '/api/attention-areas', { name: 'Concept', gemeente: 'GM0935', kind: 'overig', codes: ['BU09350001'], shared: false });
    const id = own.body.id;
    expect((await send('agent', 'GET', '/api/attention-areas?gemeente=GM0935')).body.map((a: any) => a.id)).toEqual(expect.not.arrayContaining([id]));
    expect((await send('agent', 'GET', `/api/attention-areas/${id}`)).status).toBe(404);
    const scoped = await send('agent', 'GET', `/api/stats?gemeente=GM0935&area=${id}`);
    expect([scoped.status, scoped.body.parameter]).toEqual([404, 'area']);
    expect((await send('ana', 'GET', `/api/stats?gemeente=GM0935&area=${id}`)).status).toBe(200);
    expect((await send('beheer', 'DELETE', `/api/attention-areas/${id}`)).status).toBe(200);
  });

  it('the audit trail lists their creation and deletion', async () => {
    const actions = ((await send('beheer', 'GET', '/api/audit')).body.entries as { username: string; action: string }[]).map((e) => `${e.username}:${e.action}`);
    for (const a of ['ana:selection-created', 'ana:selection-deleted', 'ana:attention-area-created', 'beheer:attention-area-deleted']) expect(actions).toContain(a);
  });
});

describe('evaluations have an owner', () => {
  const definition = { codes: ['BU09350000', 'BU09350001'], start: '2024-03', categories: ['1.1.1'], preMonths: 24, postMonths: 12 };

  it("a private evaluation is seen by its owner and a beheerder only; only they delete it", async () => {
    const own = await send('ana', 'POST', '/api/evaluations', { name: 'Concept aanpak', shared: false, ...definition });
    expect(own.status).toBe(201);
    expect(own.body).toMatchObject({ createdBy: 'ana', shared: false });
    const id = own.body.id;
    for (const who of ['scherm', 'agent']) {
      expect((await send(who, 'GET', `/api/evaluations/${id}`)).status, who).toBe(404);
      const list = await send(who, 'GET', '/api/evaluations?gemeente=GM0935');
      expect(JSON.stringify(list.body), who).not.toContain('Concept aanpak');
    }
    expect((await send('agent', 'DELETE', `/api/evaluations/${id}`)).status).toBe(404);
    expect((await send('ana', 'GET', '/api/evaluations?gemeente=GM0935')).body.map((e: any) => e.id)).toContain(id);
    const seen = await send('beheer', 'GET', `/api/evaluations/${id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.meta).toMatchObject({ name: 'Concept aanpak', createdBy: 'ana', shared: false });
    expect((await send('beheer', 'DELETE', `/api/evaluations/${id}`)).status).toBe(200);
  });

  it('is shared by default: others read it, only the owner or a beheerder deletes it; ids are never reused', async () => {
    const team = await send('ana', 'POST', '/api/evaluations', { name: 'Aanpak Wyck', ...definition });
    expect(team.body).toMatchObject({ createdBy: 'ana', shared: true });
    const id = team.body.id;
    expect((await send('agent', 'GET', `/api/evaluations/${id}`)).body.meta).toMatchObject({ createdBy: 'ana', shared: true });
    expect((await send('agent', 'GET', '/api/evaluations?gemeente=GM0935')).body).toEqual(expect.arrayContaining([expect.objectContaining({ id, createdBy: 'ana', shared: true })]));
    const refused = await send('agent', 'DELETE', `/api/evaluations/${id}`);
    expect([refused.status, refused.body.parameter]).toEqual([403, 'id']);
    expect((await send('ana', 'DELETE', `/api/evaluations/${id}`)).status).toBe(200);
    expect((await send('ana', 'GET', `/api/evaluations/${id}`)).status).toBe(404);
    expect((await send('ana', 'POST', '/api/evaluations', { name: 'Volgende', ...definition })).body.id).toBeGreaterThan(id);
  });

  it("someone else's private attention area cannot be evaluated (it answers as absent)", async () => {
    const area = await send('ana', 'POST', '/api/attention-areas', { name: 'Geheim gebied', gemeente: 'GM0935', kind: 'overig', codes: ['BU09350002'], shared: false });
    const { codes: _codes, ...rest } = definition;
    const refused = await send('agent', 'POST', '/api/evaluations', { name: 'Via gebied', attentionAreaId: area.body.id, ...rest });
    expect([refused.status, refused.body.parameter]).toEqual([404, 'attentionAreaId']);
    expect((await send('ana', 'POST', '/api/evaluations', { name: 'Via gebied', attentionAreaId: area.body.id, ...rest })).status).toBe(201);
  });

  it("the quarterly report holds only the evaluations its reader may see", async () => {
    await send('ana', 'POST', '/api/evaluations', { name: 'Rapport privé', shared: false, ...definition });
    const report = async (who: string) => (await t.app.request('/api/reports/quarterly?gemeente=GM0935&quarter=2025-Q1&format=html', { headers: { Cookie: cookies[who] } })).text();
    expect(await report('ana')).toContain('Rapport privé');
    expect(await report('agent')).not.toContain('Rapport privé');
  });

  it('the audit trail lists their creation and deletion', async () => {
    const actions = ((await send('beheer', 'GET', '/api/audit')).body.entries as { username: string; action: string }[]).map((e) => `${e.username}:${e.action}`);
    for (const a of ['ana:evaluation-created', 'ana:evaluation-deleted', 'beheer:evaluation-deleted']) expect(actions).toContain(a);
  });
});
