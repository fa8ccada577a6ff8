// Browser test of the plan's targets and the live settings, entered by the beheerder, in the browser only: a new indicator with its
// targets (a decimal comma, a refused year first) is saved, appears on the Doelen page with its targets, and the
// version and the audit trail record it; an earlier version is restored. Real server, Debian's chromium.
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../server/src/index.ts';
import { ensureUsers, launchChromium, ROOT, SHOTS } from './support.ts';

const DATA_DIR = path.join(ROOT, '.tmp/e2e-data-targets');
const BEHEERDER = { username: 'beheer', password: 'correct horse battery', role: 'beheerder' as const, wijken: [] };

let server: { url: string; close: () => Promise<void> };
let browser: Browser;
let page: Page;
const consoleErrors: string[] = [];

beforeAll(async () => {
  ensureUsers(DATA_DIR, [BEHEERDER]);
  server = await startServer({ PORT: '0', DATA_DIR, BASEMAP: 'none' }, () => {});
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'nl-NL' });
  page.on('console', (m) => {
    // A refused plan answers 400 on purpose; the form shows why.
    if (m.type() === 'error' && !/status of (400|401)/.test(m.text())) consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(e.message));
  await page.goto(server.url);
  await page.getByRole('heading', { name: 'Aanmelden' }).waitFor();
  await page.getByLabel('Gebruikersnaam').fill(BEHEERDER.username);
  await page.getByLabel('Wachtwoord').fill(BEHEERDER.password);
  await page.getByRole('button', { name: 'Aanmelden' }).click();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("the plan's targets in the browser", () => {
  it('adds a target to a new indicator and sees it on the Doelen page', async () => {
    await page.getByRole('link', { name: 'Beheer', exact: true }).click();
    const panel = page.getByRole('region', { name: /^Doelen van het plan \(Maastricht\)/ });
    await panel.getByRole('table', { name: /^Indicatoren en doelen \(9\)/ }).waitFor({ timeout: 60_000 });
    await panel.getByRole('button', { name: 'Indicator toevoegen' }).click();
    const form = page.getByRole('form', { name: 'Indicator toevoegen' });
    await form.getByLabel('Naam van de indicator').fill('% slachtoffer van fietsdiefstal');
    await form.getByLabel('Thema (niet verplicht)').fill('Vermogenscriminaliteit');
    await form.getByLabel('Vraag uit de Veiligheidsmonitor').selectOption('slachtoffer_fietsdiefstal_pct');
    await form.getByLabel('Uitgangssituatie: jaar').fill('2021');
    await form.getByLabel('waarde', { exact: true }).fill('6,1');
    await form.getByLabel('Doel 1: jaar').fill('27');
    await form.getByLabel('Doel 1: waarde').fill('5,5');
    await form.getByRole('button', { name: 'Opslaan in het plan' }).click();
    await expect(form.getByRole('alert').textContent()).resolves.toMatch(/jaartal/);
    await expect(form.getByLabel('Doel 1: jaar').getAttribute('aria-invalid')).resolves.toBe('true');
    await form.getByLabel('Doel 1: jaar').fill('2027');
    await form.getByRole('button', { name: 'Doel toevoegen' }).click();
    await form.getByLabel('Doel 2: jaar').fill('2027');
    await form.getByLabel('Doel 2: vergelijking').selectOption('<');
    await form.getByLabel('Doel 2: waarde').fill('5');
    await form.getByRole('button', { name: 'Opslaan in het plan' }).click();
    // Two targets for one year: the server refuses and names the second row's year.
    await expect(form.getByRole('alert').textContent()).resolves.toBe('Er is al een doel voor 2027');
    await expect(form.getByLabel('Doel 2: jaar').getAttribute('aria-invalid')).resolves.toBe('true');
    await page.screenshot({ path: `${SHOTS}/bvk-beheer-targets-refused.png`, fullPage: true });
    await form.getByLabel('Doel 1: jaar').fill('2025');
    await form.getByRole('button', { name: 'Opslaan in het plan' }).click();
    await panel.getByRole('table', { name: /^Indicatoren en doelen \(10\)/ }).waitFor();
    await expect(panel.getByRole('row', { name: /slachtoffer van fietsdiefstal/ }).textContent()).resolves.toContain('2025 ≤ 5,5 · 2027 < 5');
    await expect(panel.getByRole('table', { name: /^Versies van het plan/ }).locator('tbody tr').count()).resolves.toBe(1);
    await page.screenshot({ path: `${SHOTS}/bvk-beheer-targets.png`, fullPage: true });

    await page.getByRole('link', { name: 'Doelen', exact: true }).click();
    const card = page.getByRole('article', { name: '% slachtoffer van fietsdiefstal' });
    await card.waitFor({ timeout: 60_000 });
    await expect(card.textContent()).resolves.toMatch(/2027/);
    await page.screenshot({ path: `${SHOTS}/bvk-doelen-new-indicator.png`, fullPage: true });
  });

  it('records the change in the audit trail, and restores the shipped plan from the history', async () => {
    await page.getByRole('link', { name: 'Beheer', exact: true }).click();
    const audit = page.getByRole('region', { name: 'Audittrail' });
    await audit.getByRole('cell', { name: 'Doelen van het plan gewijzigd' }).first().waitFor({ timeout: 30_000 });
    const panel = page.getByRole('region', { name: /^Doelen van het plan/ });
    await panel.getByRole('button', { name: 'fietsdiefstal verwijderen', exact: false }).click();
    await panel.getByRole('button', { name: 'Ja, verwijderen' }).click();
    await panel.getByRole('table', { name: /^Indicatoren en doelen \(9\)/ }).waitFor();
    await panel.getByRole('button', { name: /terugzetten$/ }).first().click();
    await panel.getByRole('table', { name: /^Indicatoren en doelen \(10\)/ }).waitFor();
    await expect(panel.getByRole('table', { name: /^Versies van het plan/ }).locator('tbody tr').count()).resolves.toBe(3);
  });

  it('changes the low-population threshold without a restart, and shows the disclosure threshold as fixed', async () => {
    const panel = page.getByRole('region', { name: 'Instellingen' });
    await expect(panel.getByText('1 tot en met 4, afgerond').count()).resolves.toBe(1);
    await panel.getByLabel('Weinig inwoners: minder dan').fill('-5');
    await panel.getByRole('button', { name: 'Instellingen opslaan' }).click();
    await expect(panel.getByRole('alert').textContent()).resolves.toMatch(/heel aantal/);
    await panel.getByLabel('Weinig inwoners: minder dan').fill('1500');
    await panel.getByRole('button', { name: 'Instellingen opslaan' }).click();
    await panel.getByText(/Laatst gewijzigd op .* door beheer/).waitFor();
    const config = await page.evaluate(async () => (await fetch('/api/config')).json() as Promise<{ lowPopulationThreshold: number }>);
    expect(config.lowPopulationThreshold).toBe(1500);
    await page.getByRole('region', { name: 'Audittrail' }).getByRole('cell', { name: 'Instellingen gewijzigd' }).first().waitFor();
    await page.screenshot({ path: `${SHOTS}/bvk-beheer-settings.png`, fullPage: true });
    expect(consoleErrors).toEqual([]);
  });
});
