// The area levels a map shows: buurten and wijken of a gemeente (the server's MapLevel), and at the whole
// country also the gemeenten themselves, under one name in the client.
import type { MapLevel } from '../../../server/src/api/types.ts';

export type AreaLevel = MapLevel | 'gemeente';

export function isAreaLevel(value: unknown): value is AreaLevel {
  return value === 'buurt' || value === 'wijk' || value === 'gemeente';
}

/** "buurten" / "wijken" / "gemeenten", for legends, captions and status messages. */
export function levelPlural(level: AreaLevel): string {
  return level === 'buurt' ? 'buurten' : level === 'wijk' ? 'wijken' : 'gemeenten';
}

/**
 * The level for the analyses that exist per gemeente only (hotspots, signals, the Werkbank, a draaiboek):
 * buurten or wijken. The gemeente level is the country view's, where those analyses are off; should one
 * be asked there anyway, it gets buurten.
 */
export function analysisLevel(level: AreaLevel): MapLevel {
  return level === 'gemeente' ? 'buurt' : level;
}
