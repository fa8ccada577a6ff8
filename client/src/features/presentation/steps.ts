// Pure logic of presentation mode: which key does what, how a saved view maps onto the map, how suppressed counts read.
import type { PresentationView } from '../../api/client.ts';
import { formatNumber } from '../../lib/format.ts';

export type StepAction = { type: 'go'; index: number } | { type: 'leave' } | null;

/** →/Space/PageDown next, ←/PageUp previous, Home/End first/last, Esc leaves; other keys do nothing. */
export function stepForKey(key: string, index: number, total: number): StepAction {
  const last = Math.max(0, total - 1);
  const go = (i: number): StepAction => ({ type: 'go', index: Math.min(last, Math.max(0, i)) });
  switch (key) {
    case 'ArrowRight':
    case ' ':
    case 'Spacebar':
    case 'PageDown':
      return go(index + 1);
    case 'ArrowLeft':
    case 'PageUp':
      return go(index - 1);
    case 'Home':
      return go(0);
    case 'End':
      return go(last);
    case 'Escape':
    case 'Esc':
      return { type: 'leave' };
    default:
      return null;
  }
}

/** "Stap 2 van 3". */
export function stepText(index: number, total: number): string {
  return `Stap ${index + 1} van ${total}`;
}

export interface StepScope {
  gemeente: string;
  /** Level of the areas coloured on the map: the buurten of a wijk or of buurten in focus; wijken for a gemeente. */
  level: 'buurt' | 'wijk';
  /** Codes whose extent the camera fits to. */
  focusCodes: string[];
  /** Whether a stats row belongs in the table beside the map. */
  inFocus: (row: { code: string; wijkcode?: string | null }) => boolean;
}

export function stepScope(view: PresentationView): StepScope {
  const { codes, gemeente } = view.focus;
  const set = new Set(codes);
  // A step shows the level it was built on; older saved steps did not say and keep how they were shown.
  const level = view.level ?? (view.focus.level === 'gemeente' ? 'wijk' : 'buurt');
  const inFocus =
    view.focus.level === 'gemeente' ? () => true : (r: { code: string; wijkcode?: string | null }) => set.has(r.code) || (!!r.wijkcode && set.has(r.wijkcode));
  return { gemeente, level, focusCodes: codes, inFocus };
}

/**
 * A count as the presentation shows it: suppressed small counts read "afgeschermd", never a number from 1 up to
 * the server's threshold. A count the server still sent that small (it should not) is hidden here too, as a second
 * line of defence.
 */
export function presentCount(count: number | null, suppressed: boolean | undefined, threshold: number): string {
  if (count === null) return suppressed ? 'afgeschermd' : '–';
  if (count >= 1 && count <= threshold) return 'afgeschermd';
  return formatNumber(count);
}

/** A measure value: null because its count was suppressed reads "afgeschermd" as well. */
export function presentValue(value: number | null, suppressed: boolean | undefined, decimals: number): string {
  if (value === null) return suppressed ? 'afgeschermd' : '–';
  return formatNumber(value, decimals);
}

export interface Padding {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/**
 * Where the camera fits a step's focus: clear of the legend in the map's lower left corner. The focus goes beside the
 * legend or above it, whichever leaves it the larger part of the map (a wide, low legend on a wide screen: above it;
 * a tall legend: beside it), so that it is neither hidden nor squeezed into a strip at the map's edge.
 */
export function paddingClearOf(canvas: { width: number; height: number }, legend: { width: number; height: number } | null, margin = 48): Padding {
  const all = { top: margin, right: margin, bottom: margin, left: margin };
  if (!legend || legend.width <= 0 || legend.height <= 0) return all;
  const beside = { ...all, left: legend.width + 32 };
  const above = { ...all, bottom: legend.height + 32 };
  const area = (p: Padding) => Math.max(0, canvas.width - p.left - p.right) * Math.max(0, canvas.height - p.top - p.bottom);
  const best = area(above) >= area(beside) ? above : beside;
  // A legend that covers most of a small map leaves no room beside or above it: then the focus fills the map.
  return area(best) > 0 ? best : all;
}
