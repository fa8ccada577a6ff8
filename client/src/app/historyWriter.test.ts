import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HistoryWriter } from './historyWriter.ts';

/** A browser's location and history, and frames that run when the test says so. */
function fakeBrowser() {
  const location = { pathname: '/', search: '' };
  const entries: string[] = [];
  const frames: (() => void)[] = [];
  vi.stubGlobal('window', {
    location,
    history: {
      pushState: (_s: unknown, _t: string, url: string) => {
        const q = url.indexOf('?');
        location.search = q < 0 ? '' : url.slice(q);
        entries.push(location.search);
      },
    },
  });
  vi.stubGlobal('requestAnimationFrame', (f: () => void) => frames.push(f));
  return {
    location,
    entries,
    queuedFrames: () => frames.length,
    /** The next frame is drawn and the tasks queued after it run. */
    frame: () => {
      for (const f of frames.splice(0)) f();
      vi.runAllTimers();
    },
  };
}

describe('HistoryWriter', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('writes the entry after the frame that shows the change, not during it', () => {
    const b = fakeBrowser();
    const w = new HistoryWriter();
    w.push('?measure=count');
    expect(b.entries).toEqual([]);
    b.frame();
    expect(b.entries).toEqual(['?measure=count']);
    expect(b.location.search).toBe('?measure=count');
  });

  it('keeps one entry per change when changes come faster than frames, in order', () => {
    const b = fakeBrowser();
    const w = new HistoryWriter();
    w.push('?a=1');
    w.push('?a=2');
    w.push('?a=3');
    expect(b.queuedFrames()).toBe(1);
    b.frame();
    expect(b.entries).toEqual(['?a=1', '?a=2', '?a=3']);
  });

  it('writes nothing when the address already says it, and nothing after back/forward dropped it', () => {
    const b = fakeBrowser();
    const w = new HistoryWriter();
    w.push('');
    b.frame();
    expect(b.entries).toEqual([]);
    w.push('?a=1');
    w.drop();
    b.frame();
    expect(b.entries).toEqual([]);
  });

  it('leaving the page writes a pending entry at once', () => {
    const b = fakeBrowser();
    const w = new HistoryWriter();
    w.push('?level=buurt');
    w.flush();
    expect(b.entries).toEqual(['?level=buurt']);
    b.frame();
    expect(b.entries).toEqual(['?level=buurt']);
  });
});
