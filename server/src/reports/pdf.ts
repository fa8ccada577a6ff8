// Prints report HTML to PDF with headless Chromium (playwright-core, the system's chromium). One
// browser per renderer, started on first use and reused; the app owns the renderer and closes it
// on shutdown. Pages run without JavaScript and without network: a report is self-contained.
import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Chromium is not installed or would not start: the route answers 503 with this message. */
export class PdfUnavailableError extends Error {}

export interface PdfOptions {
  /** Chromium header/footer templates (their own tiny documents; classes pageNumber, totalPages). */
  headerTemplate: string;
  footerTemplate: string;
  title?: string;
}

export class PdfRenderer {
  readonly executablePath: string;
  private browser: Promise<Browser> | null = null;
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(opts: { executablePath?: string; maxConcurrent?: number; timeoutMs?: number } = {}) {
    this.executablePath = opts.executablePath ?? process.env.CHROMIUM_PATH ?? DEFAULT_CHROMIUM_PATH;
    this.maxConcurrent = opts.maxConcurrent ?? 2;
    this.timeoutMs = opts.timeoutMs ?? 60_000;
  }

  private readonly maxConcurrent: number;
  private readonly timeoutMs: number;

  /** Whether a Chromium executable is where we expect it (cheap; says nothing about starting it). */
  available(): boolean {
    return fs.existsSync(this.executablePath);
  }

  private launch(): Promise<Browser> {
    if (!this.browser) {
      if (!this.available()) {
        throw new PdfUnavailableError(`PDF cannot be made: Chromium not found at ${this.executablePath} (install it with 'apt-get install chromium' or set CHROMIUM_PATH); format=html gives the report as a web page`);
      }
      const started = chromium.launch({
        executablePath: this.executablePath, args: ARGS, timeout: this.timeoutMs,
        // The server's own signal handlers stop it and close this browser; playwright's would keep
        // the process alive after closing the browser on the first SIGTERM.
        handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false,
      });
      this.browser = started.then((b) => {
        // A crashed browser is started again on the next request.
        b.on('disconnected', () => { if (this.browser === started) this.browser = null; });
        return b;
      }, (err: Error) => {
        this.browser = null;
        throw new PdfUnavailableError(`PDF cannot be made: Chromium at ${this.executablePath} did not start (${err.message.split('\n')[0]})`);
      });
    }
    return this.browser;
  }

  /** At most maxConcurrent pages at once: each is a renderer process with its own memory. */
  private async slot<T>(fn: () => Promise<T>): Promise<T> {
    if (this.active >= this.maxConcurrent) await new Promise<void>((r) => this.waiting.push(r));
    this.active++;
    try {
      return await fn();
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }

  async render(html: string, opts: PdfOptions): Promise<Buffer> {
    const browser = await this.launch();
    return this.slot(async () => {
      const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
      try {
        await context.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
        const page = await context.newPage();
        await page.setContent(html, { waitUntil: 'load', timeout: this.timeoutMs });
        await page.emulateMedia({ media: 'print' });
        return await page.pdf({
          format: 'A4',
          printBackground: true,
          displayHeaderFooter: true,
          headerTemplate: opts.headerTemplate,
          footerTemplate: opts.footerTemplate,
          margin: { top: '18mm', bottom: '16mm', left: '15mm', right: '15mm' },
          tagged: true,
          outline: true,
        });
      } finally {
        await context.close().catch(() => {});
      }
    });
  }

  async close(): Promise<void> {
    const b = this.browser;
    this.browser = null;
    if (b) await b.then((x) => x.close(), () => {});
  }
}
