// The browser history entry of each view change, written once the change is on screen.

/**
 * Writes a view's history entry after the frame that shows it. In Chromium `history.pushState` waits on the
 * browser process, which may be busy putting the map's last frame on screen: 2 ms usually, 50-100 ms at times
 * while recolouring the country, all of it in front of the map's next frame. One entry per change is kept: a
 * change made before the last one was written writes that one first; going back or forward drops it (the
 * browser has moved elsewhere); leaving the page writes it.
 */
export class HistoryWriter {
  private pending: string | null = null;
  /** A write is queued after the next frame: changes until then join it instead of queueing their own. */
  private queued = false;

  push(search: string): void {
    this.flush();
    this.pending = search;
    if (this.queued) return;
    this.queued = true;
    requestAnimationFrame(() =>
      setTimeout(() => {
        this.queued = false;
        this.flush();
      }, 0),
    );
  }

  flush(): void {
    const search = this.pending;
    this.pending = null;
    if (search !== null && search !== window.location.search) window.history.pushState(null, '', `${window.location.pathname}${search}`);
  }

  drop(): void {
    this.pending = null;
  }
}
