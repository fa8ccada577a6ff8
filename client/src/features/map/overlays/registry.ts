// Every overlay the map draws, in the order their layers are stacked (an overlay that needs another position
// says so with a `before` layer). Adding an overlay is one module and one line here.
import { AttentionOverlay } from './attention.ts';
import { DensityOverlay } from './density.ts';
import { HighlightOverlay } from './highlight.ts';
import { HotspotOverlay } from './hotspots.ts';
import { PlaceOverlay } from './place.ts';
import type { OverlayLifecycle } from './types.ts';

export function createOverlays() {
  return {
    highlight: new HighlightOverlay(),
    hotspots: new HotspotOverlay(),
    attention: new AttentionOverlay(),
    place: new PlaceOverlay(),
    density: new DensityOverlay(),
  };
}

export type Overlays = ReturnType<typeof createOverlays>;

/** The overlays as one list, in stacking order. */
export function overlayList(overlays: Overlays): OverlayLifecycle[] {
  return [overlays.highlight, overlays.hotspots, overlays.attention, overlays.place, overlays.density];
}
