// Accessibility scan (WCAG 2.1 A and AA rules of axe-core) of every page around the map, as a beheerder and as a
// wijkagent with "Mijn wijk" and the points layer open. The map canvas itself is covered by the table alternative.
import path from 'node:path';
import axe from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../server/src/index.ts';
import { ensureUsers, launchChromium, ROOT } from './support.ts';

const DATA_DIR = path.join(ROOT, '.tmp/e2e-data-a11y');
const BEHEERDER = { username: 'beheer', password: 'correct horse battery', role: 'beheerder' as const, wijken: [] };
const AGENT = { username: 'agent-west', password: 'fietsen langs de maas', role: 'wijkagent' as const, wijken: ['WK093502'] };

let server: { url: string; close: () => Promise<void> };
let browser: Browser;

type Violation = { id: string; impact: string | null; targets: string[] };

/** axe's WCAG 2.1 A/AA violations of the page as it is now. */
async function scan(p: Page): Promise<Violation[]> {
  await p.addScriptTag({ content: axe.source });
  return p.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] }> } }).axe;
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
  });
}

async function signedIn(user: { username: string; password: string }): Promise<Page> {
  // axe is injected as a script; the app's Content-Security-Policy would (rightly) refuse it otherwise.
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'nl-NL', bypassCSP: true });
  const p = await ctx.newPage();
  await p.goto(server.url);
  await p.getByRole('heading', { name: 'Aanmelden' }).waitFor();
  await p.getByLabel('Gebruikersnaam').fill(user.username);
  await p.getByLabel('Wachtwoord').fill(user.password);
  await p.getByRole('button', { name: 'Aanmelden' }).click();
  await p.waitForFunction(() => window.__bvk !== undefined);
  await p.evaluate(() => window.__bvk!.ready);
  return p;
}

beforeAll(async () => {
  ensureUsers(DATA_DIR, [BEHEERDER, AGENT]);
  server = await startServer({ PORT: '0', DATA_DIR, BASEMAP: 'none' }, () => {});
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('accessibility (axe, WCAG 2.1 AA)', () => {
  it('every page a beheerder sees passes', async () => {
    const p = await signedIn(BEHEERDER);
    const pages: [string, RegExp][] = [
      ['Kaart', /^Tabel: alle buurten/],
      ['Werkbank', /^Rangorde/],
      ['Doelen', /^Doelen veiligheidsplan/],
      // The trend's heading comes with the data, so the scan sees the charts and tables, not the loading text.
      ['Vergelijking', /^Ontwikkeling sinds \d{4}$/],
      ['Evaluatie', /^Effect van een aanpak/],
      ['Gegevens', /^Gegevens van/],
      ['Beheer', /^Accounts$/],
    ];
    const found: Record<string, Violation[]> = {};
    for (const [link, heading] of pages) {
      await p.getByRole('link', { name: link, exact: true }).click();
      await p.getByRole('heading', { name: heading }).first().waitFor({ timeout: 60_000 });
      found[link] = await scan(p);
    }
    // The account editor open, with its confirmation step.
    await p.getByRole('button', { name: 'beheer wijzigen' }).click();
    await p.getByRole('button', { name: 'Account verwijderen…' }).click();
    found['Beheer, account wijzigen'] = await scan(p);
    // The plan's indicator form, with its targets table.
    await p.getByRole('button', { name: 'Indicator toevoegen' }).click();
    await p.getByRole('group', { name: 'Doelen' }).waitFor();
    found['Beheer, indicator toevoegen'] = await scan(p);
    expect(found).toEqual(Object.fromEntries([...pages.map(([l]) => l), 'Beheer, account wijzigen', 'Beheer, indicator toevoegen'].map((l) => [l, []])));
  });

  it("the wijkagent's map with Mijn wijk and the points layer passes", async () => {
    const p = await signedIn(AGENT);
    await p.getByRole('region', { name: /^Mijn wijk: / }).getByRole('table', { name: 'Hotspotstatus per buurt' }).waitFor({ timeout: 60_000 });
    await p.getByLabel('Punten tonen').check();
    await p.getByRole('group', { name: 'Legenda registraties' }).waitFor({ timeout: 60_000 });
    expect(await scan(p)).toEqual([]);
    // And with an area's details open beside it.
    await p.getByRole('link', { name: 'tabel', exact: true }).click();
    await p.locator('#tabel tbody tr th button, #tabel tbody tr th a').first().click();
    await p.getByRole('button', { name: /^Sluiten: details van / }).waitFor();
    expect(await scan(p)).toEqual([]);
  });
});
