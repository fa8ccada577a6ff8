// Shared setup for the browser tests: paths, Debian's chromium and helpers that wait on the map's own events.
// The client itself is built once per run by globalSetup.ts.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
// The window.__bvk type (a global augmentation) comes with the hook's module.
import type {} from '../../client/src/app/testHook.ts';
import type { Role } from '../../server/src/domain/roles.ts';
import { SqliteStore } from '../../server/src/store/sqlite.ts';
import { SqliteUserStore } from '../../server/src/store/sqliteUsers.ts';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SHOTS = process.env.BVK_SCREENSHOT_DIR ?? '/tmp';
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launches Debian's chromium (or CHROMIUM_PATH), with a clear message when it is missing. */
export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`chromium not found at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH)`);
  return chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS] });
}

export type TestUser = { username: string; password: string; role: Role; wijken: string[] };

/**
 * Starts the test's store empty with just these accounts, before the server opens it: a rerun must not
 * see the last run's imports, accounts or plans (the derived boundaries and cubes in `dataDir` stay).
 */
export function ensureUsers(dataDir: string, users: TestUser[]): void {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(path.join(dataDir, `store.sqlite${suffix}`), { force: true });
  const store = new SqliteStore(path.join(dataDir, 'store.sqlite'));
  try {
    const accounts = new SqliteUserStore(store.db);
    for (const u of users) if (!accounts.get(u.username)) accounts.add(u.username, u.password, u.role, u.wijken);
  } finally {
    store.close();
  }
}

/**
 * Waits until a view is rendered. With key 'appliedKey' (default) the pattern matches
 * "gemeente|level|category|from|to|measure"; with 'appliedOverlay' it matches "bron|gemeente|level|indicator|year".
 */
export async function waitApplied(p: Page, pattern: string, key: 'appliedKey' | 'appliedOverlay' = 'appliedKey'): Promise<void> {
  await p.waitForFunction(([re, k]) => new RegExp(re).test(window.__bvk?.[k] ?? ''), [pattern, key] as const, { timeout: 30_000 });
}

/**
 * The page's URL once the last view change has its history entry: the app writes it after the frame that shows
 * the change (see client/src/app/historyWriter.ts), so a URL read straight after a click may still be the old one.
 */
export async function settledUrl(p: Page): Promise<URL> {
  await p.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
  return new URL(p.url());
}

/** The distinct non-empty fill colours (feature-state) of the rendered features of a layer. */
export async function distinctFills(p: Page, layer = 'buurten-fill'): Promise<string[]> {
  return p.evaluate((l) => {
    const map = window.__bvk!.map;
    const fills = map.queryRenderedFeatures({ layers: [l] }).map((f) => String(f.state?.fill ?? ''));
    return [...new Set(fills)].filter((f) => f !== '');
  }, layer);
}

/**
 * Collects what a page must never do in these tests: console errors, uncaught page errors and requests that leave
 * the test server (the tests run offline). `onRequest` sees every request URL (to count or assert on them).
 */
export function watchPage(p: Page, serverUrl: string, onRequest?: (url: URL) => void): string[] {
  const problems: string[] = [];
  p.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  p.on('pageerror', (e) => problems.push(e.message));
  p.on('request', (r) => {
    const u = new URL(r.url());
    if (u.origin !== new URL(serverUrl).origin) problems.push(`unexpected external request: ${r.url()}`);
    onRequest?.(u);
  });
  return problems;
}
