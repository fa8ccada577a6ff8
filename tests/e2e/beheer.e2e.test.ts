// Browser test of the beheerder's desk, in the browser only: a refused upload shows its bad lines, an accepted one
// appears in the history and can be undone there, then imported again; a weak password is refused with the rule; a new wijkagent can sign in at once; the audit
// trail shows both actions. Real server on a random port, Debian's chromium; waits on the DOM, never on timers.
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../server/src/index.ts';
import { ensureUsers, launchChromium, ROOT, SHOTS } from './support.ts';
import { maastrichtJanuary2026, startODataServer, type ODataServer } from '../support/odataServer.ts';

const DATA_DIR = path.join(ROOT, '.tmp/e2e-data-beheer');
const FIXTURES = path.join(ROOT, 'tests/fixtures/import');
const BEHEERDER = { username: 'beheer', password: 'correct horse battery', role: 'beheerder' as const, wijken: [] };
const AGENT = { username: 'agent-noord', password: 'fietsen langs de maas' };

let server: { url: string; close: () => Promise<void> };
/** The server's CBS: a local stand-in with January 2026 for Maastricht (the browser test never reaches the internet). */
let cbs: ODataServer;
let browser: Browser;
let page: Page;
const consoleErrors: string[] = [];

async function signIn(p: Page, user: { username: string; password: string }) {
  await p.getByRole('heading', { name: 'Aanmelden' }).waitFor();
  await p.getByLabel('Gebruikersnaam').fill(user.username);
  await p.getByLabel('Wachtwoord').fill(user.password);
  await p.getByRole('button', { name: 'Aanmelden' }).click();
}

beforeAll(async () => {
  ensureUsers(DATA_DIR, [BEHEERDER]);
  cbs = await startODataServer(maastrichtJanuary2026);
  server = await startServer({ PORT: '0', DATA_DIR, BASEMAP: 'none', CBS_POLICE_ODATA_URL: cbs.base, CBS_ODATA_URL: cbs.base, CBS_UPDATE_SCHEDULE: 'uit' }, () => {});
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'nl-NL' });
  page.on('console', (m) => {
    // A refused upload or account answers 400/409 on purpose; the page shows why.
    if (m.type() === 'error' && !/status of (400|401|409)/.test(m.text())) consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(e.message));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await cbs?.close();
});

describe('Beheer in the browser', () => {
  it('offers the Beheer page to a beheerder', async () => {
    await page.goto(server.url);
    await signIn(page, BEHEERDER);
    await page.getByRole('link', { name: 'Beheer' }).click();
    await page.getByRole('heading', { name: 'Accounts' }).waitFor();
    await expect(page.getByRole('table', { name: /^Accounts \(1\)/ }).getByRole('rowheader').allTextContents()).resolves.toEqual(['beheer']);
  });

  it('shows the bad lines of a refused file, stores nothing, then imports a good file into the history', async () => {
    const imports = page.getByRole('region', { name: 'Imports' });
    await imports.getByLabel('Bestand', { exact: true }).setInputFiles(path.join(FIXTURES, 'cbs-47022NED-bad-lines.csv'));
    await imports.getByRole('button', { name: 'Importeren' }).click();
    const errors = page.getByRole('table', { name: 'Fouten per regel' });
    await errors.waitFor();
    const rows = await errors.locator('tbody tr').allTextContents();
    expect(rows.some((r) => r.startsWith('4') && r.includes('Perioden'))).toBe(true);
    await expect(page.locator('.import-refusal').textContent()).resolves.toMatch(/er is niets opgeslagen/);
    await page.screenshot({ path: `${SHOTS}/bvk-beheer-import-refused.png`, fullPage: true });

    await imports.getByLabel('Bestand', { exact: true }).setInputFiles(path.join(FIXTURES, 'cbs-47022NED-valid.csv'));
    await imports.getByRole('button', { name: 'Importeren' }).click();
    await expect(page.locator('.import-report').textContent()).resolves.toMatch(/cbs-47022NED-valid\.csv is geïmporteerd als CBS-tabel 47022NED/);
    const history = page.getByRole('table', { name: /^Alle imports, nieuwste eerst/ });
    const newest = history.getByRole('row', { name: /cbs-47022NED-valid\.csv/ });
    await newest.waitFor();
    await expect(history.locator('tbody tr').first().textContent()).resolves.toMatch(/cbs-47022NED-valid\.csv.*beheer/);
    // The sources loaded at start are in the history too, and cannot be undone any more.
    await expect(history.getByRole('cell', { name: 'bij de start geladen' }).count()).resolves.toBeGreaterThan(0);
  });

  it('undoes the last import after an inline confirmation; it leaves the history', async () => {
    const history = page.getByRole('table', { name: /^Alle imports, nieuwste eerst/ });
    const before = await history.locator('tbody tr').count();
    await expect(history.getByRole('button', { name: 'Laatste import ongedaan maken' }).count()).resolves.toBe(1);
    await history.getByRole('row', { name: /cbs-47022NED-valid\.csv/ }).getByRole('button', { name: 'Laatste import ongedaan maken' }).click();
    const confirm = history.getByRole('group', { name: 'Ongedaan maken bevestigen' });
    // Focus moves to the safe choice, so Enter does not undo by accident.
    await expect(confirm.getByRole('button', { name: 'Nee' }).evaluate((b) => b === document.activeElement)).resolves.toBe(true);
    await page.screenshot({ path: `${SHOTS}/bvk-beheer-import-undo-confirm.png`, fullPage: true });
    await confirm.getByRole('button', { name: 'Ja, ongedaan maken' }).click();
    await expect(page.getByRole('region', { name: 'Imports' }).getByRole('status').filter({ hasText: /is ongedaan gemaakt/ }).textContent()).resolves.toMatch(/cbs-47022NED-valid\.csv is ongedaan gemaakt/);
    await history.getByRole('row', { name: /cbs-47022NED-valid\.csv/ }).waitFor({ state: 'detached' });
    await expect(history.locator('tbody tr').count()).resolves.toBe(before - 1);
    await page.screenshot({ path: `${SHOTS}/bvk-beheer-import-undone.png`, fullPage: true });
  });

  it('imports the undone upload again from its kept file', async () => {
    const undone = page.getByRole('list', { name: 'Ongedaan gemaakte uploads' });
    await undone.getByRole('listitem').filter({ hasText: 'cbs-47022NED-valid.csv' }).getByRole('button', { name: 'Opnieuw importeren' }).click();
    await expect(page.getByRole('region', { name: 'Imports' }).getByRole('status').filter({ hasText: /opnieuw geïmporteerd/ }).textContent()).resolves.toMatch(/cbs-47022NED-valid\.csv is opnieuw geïmporteerd/);
    const history = page.getByRole('table', { name: /^Alle imports, nieuwste eerst/ });
    await history.getByRole('row', { name: /cbs-47022NED-valid\.csv/ }).getByRole('button', { name: 'Laatste import ongedaan maken' }).waitFor();
    await undone.waitFor({ state: 'detached' });
  });

  it('fetches the newest figures from CBS with one button and shows per table what came in', async () => {
    const section = page.getByRole('region', { name: 'Nieuwe cijfers van CBS' });
    // Which tables, for which gemeenten, and that nothing changes without CBS: said before the button.
    await section.getByText(/^Haalt de nieuwste politiecijfers op bij CBS \(misdrijven per buurt, per maand, .*\) voor (.*en )?Maastricht\. .*verandert er niets\.$/).waitFor();
    await expect(section.locator('dd').allTextContents()).resolves.toEqual(['uit: alleen met de knop', 'nog nooit']);
    await section.getByRole('button', { name: 'Nu ophalen bij CBS' }).click();
    const table = section.getByRole('table', { name: /^Opgehaald bij CBS op/ });
    await table.waitFor();
    await expect(table.getByRole('row', { name: /Misdrijven per buurt, per maand/ }).textContent()).resolves.toMatch(/9januari 2026ja, \d+ rijen nieuw of gewijzigd/);
    await expect(table.getByRole('row', { name: /Overlast per buurt, per maand/ }).textContent()).resolves.toMatch(/0geennee$/);
    await expect(section.getByRole('status').textContent()).resolves.toMatch(/^Nieuwe cijfers van CBS geïmporteerd voor (.*en )?Maastricht: misdrijven per buurt, per maand \(januari 2026\) en inwoners per buurt, wijk en gemeente \(2024\)\.$/);
    await expect(section.getByRole('button', { name: 'Nu ophalen bij CBS' }).isEnabled()).resolves.toBe(true);
    // One import record, by this beheerder, in the history above; the last fetch is remembered.
    const history = page.getByRole('table', { name: /^Alle imports, nieuwste eerst/ });
    // Two records came in (police months and inhabitants); the police one is by this beheerder.
    await expect(history.locator('tbody tr').filter({ hasText: /cbs-47022NED-update-/ }).first().textContent()).resolves.toMatch(/cbs-47022NED-update-\d{4}-\d{2}-\d{2}\.csv.*beheer/);
    await section.locator('dd').filter({ hasText: /door beheer$/ }).waitFor();
    await section.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/bvk-beheer-cbs-update.png`, fullPage: true });
  });

  it('refuses a weak password with the rule, then adds a wijkagent', async () => {
    const form = page.getByRole('form', { name: 'Account toevoegen' });
    await form.getByLabel('Gebruikersnaam').fill(AGENT.username);
    await form.getByLabel('Eerste wachtwoord').fill('kort');
    await form.getByLabel('Rol').selectOption('wijkagent');
    await form.getByLabel('Wijken (CBS-wijkcodes)').fill('wk093504');
    await form.getByRole('button', { name: 'Toevoegen' }).click();
    await expect(form.getByRole('alert').textContent()).resolves.toMatch(/^Wachtwoord te kort/);
    await expect(form.getByLabel('Eerste wachtwoord').getAttribute('aria-invalid')).resolves.toBe('true');

    await form.getByLabel('Eerste wachtwoord').fill(AGENT.password);
    await form.getByRole('button', { name: 'Toevoegen' }).click();
    const accounts = page.getByRole('table', { name: /^Accounts \(2\)/ });
    await accounts.waitFor();
    await expect(accounts.getByRole('row', { name: /agent-noord/ }).textContent()).resolves.toMatch(/Wijkagent.*WK093504/);
  });

  it('shows the import and the new account in the audit trail, with a CSV export of the filter', async () => {
    const audit = page.getByRole('table', { name: /^Audittrail:/ });
    await audit.getByRole('cell', { name: 'Account toegevoegd' }).waitFor();
    await expect(audit.getByRole('cell', { name: 'Bestand geïmporteerd' }).count()).resolves.toBeGreaterThan(0);
    await expect(audit.getByRole('cell', { name: 'Import geweigerd' }).count()).resolves.toBeGreaterThan(0);
    await expect(audit.getByRole('cell', { name: 'Account agent-noord' }).count()).resolves.toBe(1);
    await page.getByLabel('Actie').selectOption('account-added');
    await page.getByRole('button', { name: 'Filteren' }).click();
    await page.getByRole('table', { name: /^Audittrail: 1 regel,/ }).waitFor();
    expect(await page.getByRole('link', { name: 'Exporteren (CSV)' }).getAttribute('href')).toMatch(/\/api\/audit\?.*action=account-added.*format=csv|format=csv.*action=account-added/);
    await page.screenshot({ path: `${SHOTS}/bvk-beheer.png`, fullPage: true });
    // Long details wrap or scroll inside their table; the page itself never gets wider than the window.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1440);
  });

  it('lets the new wijkagent sign in, onto their own wijk, without a Beheer page', async () => {
    await page.getByRole('button', { name: 'Afmelden' }).click();
    await signIn(page, AGENT);
    await page.getByText('agent-noord').first().waitFor();
    await page.waitForFunction(() => new URL(window.location.href).searchParams.get('mijnwijk') === 'WK093504');
    await expect(page.getByRole('link', { name: 'Beheer' }).count()).resolves.toBe(0);
    expect(consoleErrors).toEqual([]);
  });
});
