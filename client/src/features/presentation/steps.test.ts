import { describe, expect, it } from 'vitest';
import type { PresentationView } from '../../api/client.ts';
import { paddingClearOf, presentCount, presentValue, stepForKey, stepScope, stepText } from './steps.ts';

describe('stepForKey', () => {
  it('steps forward with ArrowRight, Space and PageDown, and stops at the last step', () => {
    expect(stepForKey('ArrowRight', 0, 3)).toEqual({ type: 'go', index: 1 });
    expect(stepForKey(' ', 1, 3)).toEqual({ type: 'go', index: 2 });
    expect(stepForKey('PageDown', 2, 3)).toEqual({ type: 'go', index: 2 });
  });
  it('steps back with ArrowLeft and PageUp, and stops at the first', () => {
    expect(stepForKey('ArrowLeft', 2, 3)).toEqual({ type: 'go', index: 1 });
    expect(stepForKey('PageUp', 0, 3)).toEqual({ type: 'go', index: 0 });
  });
  it('jumps with Home and End, leaves with Escape, ignores other keys', () => {
    expect(stepForKey('Home', 2, 3)).toEqual({ type: 'go', index: 0 });
    expect(stepForKey('End', 0, 3)).toEqual({ type: 'go', index: 2 });
    expect(stepForKey('Escape', 1, 3)).toEqual({ type: 'leave' });
    expect(stepForKey('a', 1, 3)).toBeNull();
    expect(stepForKey('Tab', 1, 3)).toBeNull();
  });
});

describe('stepText', () => {
  it('counts from one', () => {
    expect(stepText(1, 3)).toBe('Stap 2 van 3');
  });
});

describe('suppressed display', () => {
  it('never shows a count from 1 to 4', () => {
    for (const n of [1, 2, 3, 4]) expect(presentCount(n, false, 4)).toBe('afgeschermd');
    expect(presentCount(6, false, 6)).toBe('afgeschermd');
    expect(presentCount(7, false, 6)).toBe('7');
    expect(presentCount(null, true, 4)).toBe('afgeschermd');
    expect(presentCount(0, true, 4)).toBe('0');
    expect(presentCount(5, false, 4)).toBe('5');
    expect(presentCount(1234, false, 4)).toBe('1.234');
    expect(presentCount(null, false, 4)).toBe('–');
  });
  it('shows a rate hidden with its count as afgeschermd', () => {
    expect(presentValue(null, true, 1)).toBe('afgeschermd');
    expect(presentValue(12.34, false, 1)).toBe('12,3');
  });
});

describe('stepScope', () => {
  const view = (level: 'buurt' | 'wijk' | 'gemeente', codes: string[]): PresentationView =>
    ({ title: 't', caption: '', focus: { level, codes, gemeente: 'GM0935' }, measure: 'count', category: '0.0.0', from: '2024-01', to: '2024-12', layers: ['choropleth'] }) as PresentationView;
  it('shows the buurten of a wijk in focus', () => {
    const s = stepScope(view('wijk', ['WK093504']));
    expect(s.level).toBe('buurt');
    expect(s.inFocus({ code: 'BU09350400', wijkcode: 'WK093504' })).toBe(true);
    expect(s.inFocus({ code: 'BU09350000', wijkcode: 'WK093500' })).toBe(false);
  });
  it('shows the level a step was built on: a whole city built on buurten stays buurten', () => {
    expect(stepScope({ ...view('gemeente', ['GM0935']), level: 'buurt' }).level).toBe('buurt');
    expect(stepScope({ ...view('gemeente', ['GM0935']), level: 'wijk' }).level).toBe('wijk');
    const wijk = stepScope({ ...view('wijk', ['WK093504']), level: 'wijk' });
    expect(wijk.level).toBe('wijk');
    expect(wijk.inFocus({ code: 'WK093504' })).toBe(true);
    expect(wijk.inFocus({ code: 'WK093505' })).toBe(false);
  });
  it('keeps how steps saved without a level were shown: wijken for a gemeente, the chosen buurten for buurten', () => {
    expect(stepScope(view('gemeente', ['GM0935'])).level).toBe('wijk');
    const s = stepScope(view('buurt', ['BU09350000']));
    expect(s.inFocus({ code: 'BU09350000' })).toBe(true);
    expect(s.inFocus({ code: 'BU09350001' })).toBe(false);
  });
});

describe('paddingClearOf', () => {
  it('puts the focus above a low, wide legend on a wide map (it was squeezed into a strip beside it)', () => {
    // The big screen's map at 1440 × 1000: 905 × 845 px, its legend 440 × 300 in the lower left corner.
    expect(paddingClearOf({ width: 905, height: 845 }, { width: 440, height: 300 })).toEqual({ top: 48, right: 48, bottom: 332, left: 48 });
  });

  it('puts the focus beside a tall, narrow legend', () => {
    expect(paddingClearOf({ width: 1600, height: 700 }, { width: 300, height: 560 })).toEqual({ top: 48, right: 48, bottom: 48, left: 332 });
  });

  it('keeps an even margin without a legend, or when the legend leaves no room either way', () => {
    expect(paddingClearOf({ width: 905, height: 845 }, null)).toEqual({ top: 48, right: 48, bottom: 48, left: 48 });
    expect(paddingClearOf({ width: 400, height: 300 }, { width: 380, height: 290 })).toEqual({ top: 48, right: 48, bottom: 48, left: 48 });
  });
});
