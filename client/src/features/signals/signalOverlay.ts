// Outlines of the areas with a signal on the map: two line layers on the base area sources, driven by
// feature-state 'signal' ('higher' solid, 'lower' dashed, so the line style carries the meaning too).
import type { Map as MapLibreMap } from 'maplibre-gl';

type Level = 'buurt' | 'wijk';
export type SignalKind = 'higher' | 'lower';

const SOURCE: Record<Level, string> = { buurt: 'buurten', wijk: 'wijken' };
const STYLES: { kind: SignalKind; colour: string; dash: number[] }[] = [
  { kind: 'higher', colour: '#6a00a8', dash: [1, 0] },
  { kind: 'lower', colour: '#0b4f9c', dash: [2, 1] },
];
const layerId = (level: Level, kind: SignalKind) => `signal-${SOURCE[level]}-${kind}`;

export class SignalOverlay {
  private map: MapLibreMap | null = null;
  /** Codes whose feature-state this overlay set, per source (cleared on the next update). */
  private marked: { source: string; codes: string[] } | null = null;
  /** What should be on the map: re-applied after the base sources got new areas (which clears feature-state). */
  private wanted: { level: Level; signals: Map<string, SignalKind> } | null = null;
  private readonly reapply = () => {
    const w = this.wanted;
    const map = this.map;
    if (!w || !map || w.signals.size === 0 || !map.getSource(SOURCE[w.level])) return;
    const [code, kind] = w.signals.entries().next().value as [string, SignalKind];
    if (map.getFeatureState({ source: SOURCE[w.level], id: code }).signal !== kind) this.update(w.level, w.signals);
  };

  add(map: MapLibreMap): void {
    this.map = map;
    map.on('idle', this.reapply);
    const build = () => {
      for (const level of ['buurt', 'wijk'] as const) {
        if (!map.getSource(SOURCE[level])) continue;
        for (const s of STYLES) {
          const id = layerId(level, s.kind);
          if (map.getLayer(id)) continue;
          map.addLayer({
            id,
            type: 'line',
            source: SOURCE[level],
            layout: { 'line-join': 'round' },
            paint: {
              'line-color': s.colour,
              'line-width': 4,
              'line-dasharray': s.dash,
              'line-opacity': ['case', ['==', ['feature-state', 'signal'], s.kind], 1, 0],
            },
          });
        }
      }
    };
    // While sources load the style reports not loaded; 'idle' comes once they are (and 'load' may be long past).
    if (map.isStyleLoaded()) build();
    else map.once('idle', build);
  }

  /** Marks the areas with a signal; null or an empty map clears them. */
  update(level: Level, signals: Map<string, SignalKind> | null): void {
    const map = this.map;
    if (!map) return;
    this.wanted = signals ? { level, signals } : null;
    const apply = () => {
      if (this.marked && map.getSource(this.marked.source)) {
        for (const code of this.marked.codes) map.setFeatureState({ source: this.marked.source, id: code }, { signal: null });
      }
      this.marked = null;
      if (!signals || signals.size === 0 || !map.getSource(SOURCE[level])) return;
      for (const [code, kind] of signals) map.setFeatureState({ source: SOURCE[level], id: code }, { signal: kind });
      this.marked = { source: SOURCE[level], codes: [...signals.keys()] };
    };
    // Feature-state only needs the source; before it exists, wait until the map has settled.
    if (map.getSource(SOURCE[level])) apply();
    else map.once('idle', apply);
  }

  remove(): void {
    const map = this.map;
    if (!map) return;
    this.update('buurt', null);
    map.off('idle', this.reapply);
    for (const level of ['buurt', 'wijk'] as const) for (const s of STYLES) if (map.getLayer(layerId(level, s.kind))) map.removeLayer(layerId(level, s.kind));
    this.map = null;
  }
}
