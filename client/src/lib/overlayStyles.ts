// Line and pattern styles of the map overlays (hotspots, attention areas), shared by the map and the
// legends so that a swatch always looks like what is drawn. Readable in greyscale: line style and
// fill pattern carry the meaning, colour only helps.

import { hotspotClassLabel } from '../../../server/src/domain/hotspotWords.ts';
import type { HotspotClass } from '../../../server/src/domain/spatial.ts';

export type HotspotClassKey = HotspotClass;

export interface HotspotStyle {
  key: HotspotClassKey;
  /** Legend text in Dutch. */
  label: string;
  line: 'solid' | 'dashed' | 'dotted' | 'none';
  /** Line width in CSS pixels (0 = no line). */
  width: number;
  pattern: 'hatch' | 'dots' | 'none';
  colour: string;
}

export const HOT_LINE = '#000000';
export const COLD_LINE = '#08306b';

/** Strongest first; 'none' last. */
export const HOTSPOT_STYLES: HotspotStyle[] = [
  { key: 'hot99', label: hotspotClassLabel('hot99'), line: 'solid', width: 4, pattern: 'hatch', colour: HOT_LINE },
  { key: 'hot95', label: hotspotClassLabel('hot95'), line: 'dashed', width: 3.5, pattern: 'hatch', colour: HOT_LINE },
  { key: 'hot90', label: hotspotClassLabel('hot90'), line: 'dashed', width: 1.8, pattern: 'none', colour: HOT_LINE },
  { key: 'cold90', label: hotspotClassLabel('cold90'), line: 'dotted', width: 2.2, pattern: 'none', colour: COLD_LINE },
  { key: 'cold95', label: hotspotClassLabel('cold95'), line: 'dashed', width: 3.5, pattern: 'dots', colour: COLD_LINE },
  { key: 'cold99', label: hotspotClassLabel('cold99'), line: 'solid', width: 4, pattern: 'dots', colour: COLD_LINE },
  { key: 'none', label: hotspotClassLabel('none'), line: 'none', width: 0, pattern: 'none', colour: '#4a4a4a' },
];

/** MapLibre dash arrays (in line widths). */
export const DASH = { dashed: [3, 1.5], dotted: [0.1, 2] } as const;

/** Attention areas: a number badge is the key; colour and dash make neighbouring outlines distinct. */
export const ATTENTION_COLOURS = ['#6a3d9a', '#006d2c', '#8c2d04', '#01665e', '#7a0177', '#252525'];
export const ATTENTION_DASHES: number[][] = [[1, 0], [4, 1.5], [1.5, 1.5], [5, 1.5, 1, 1.5]];

export function attentionStyle(index: number): { colour: string; dash: number[] } {
  return { colour: ATTENTION_COLOURS[index % ATTENTION_COLOURS.length], dash: ATTENTION_DASHES[Math.floor(index / ATTENTION_COLOURS.length + index) % ATTENTION_DASHES.length] };
}

/** SVG stroke-dasharray (in px) for a MapLibre dash array and width. */
export function svgDash(dash: readonly number[], width: number): string | undefined {
  if (dash.length === 2 && dash[1] === 0) return undefined;
  return dash.map((d) => Math.max(1, d * width)).join(' ');
}
