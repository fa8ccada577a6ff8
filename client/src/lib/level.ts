// The area levels a map shows: the server's MapLevel (buurt, wijk), under one name in the client.
import type { MapLevel } from '../../../server/src/api/types.ts';

export type AreaLevel = MapLevel;

export function isAreaLevel(value: unknown): value is AreaLevel {
  return value === 'buurt' || value === 'wijk';
}

/** "buurten" / "wijken", for legends, captions and status messages. */
export function levelPlural(level: AreaLevel): string {
  return level === 'buurt' ? 'buurten' : 'wijken';
}
