import { describe, expect, it } from 'vitest';
import { anchorAtZero, binLabel, classify, computeBreaks } from './classes.ts';
import { divergingPalette, sequentialPalette } from './palette.ts';

const seq = (b: number[]) => sequentialPalette(b.length + 1);
const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

describe('computeBreaks', () => {
  it('quantile: equal numbers of areas per class', () => {
    const breaks = computeBreaks(values, 'quantile', 5);
    expect(breaks).toHaveLength(4);
    const c = classify(values, breaks, seq);
    expect(c.bins.map((b) => b.count)).toEqual([2, 2, 2, 2, 2]);
  });

  it('equal interval: equal widths between min and max', () => {
    expect(computeBreaks([0, 10, 20, 100], 'equal', 4)).toEqual([25, 50, 75]);
    expect(computeBreaks([0, 100], 'equal', 5)).toEqual([50]); // two distinct values: at most two classes
    expect(computeBreaks([7, 7], 'equal', 5)).toEqual([]);
    expect(computeBreaks([0, 50, 100], 'equal', 2)).toEqual([50]);
  });

  it('natural breaks: splits at the gaps, an outlier gets its own class', () => {
    const data = [1, 2, 3, 20, 21, 22, 4467];
    const breaks = computeBreaks(data, 'jenks', 3);
    expect(breaks).toEqual([20, 4467]);
    const c = classify(data, breaks, seq);
    expect(c.bins.map((b) => b.count)).toEqual([3, 3, 1]);
  });

  it('ignores missing values and copes with too few distinct values', () => {
    expect(computeBreaks([null, undefined, Number.NaN], 'quantile', 5)).toEqual([]);
    expect(computeBreaks([3, 3, 3], 'quantile', 5)).toEqual([]);
    expect(computeBreaks([0, 0, 0, 0, 1, 2], 'quantile', 5).every((b) => b > 0)).toBe(true);
  });
});

describe('classify', () => {
  it('counts areas per class and no data separately, with the colours of the scale', () => {
    const c = classify([5, 10, 12.5, 15, 20, 25, 40, null, null], [12.5, 20], seq);
    expect(c.bins.map((b) => b.count)).toEqual([2, 2, 3]);
    expect(c.noDataCount).toBe(2);
    expect(c.colourFor(12.5)).toBe(c.bins[1].colour); // lower bound belongs to the class
    expect(c.colourFor(19.99)).toBe(c.bins[1].colour);
    expect(c.colourFor(null)).toBeNull();
    expect(c.classOf(1000)).toBe(2);
  });

  it('fixed bounds are kept as given when the data changes', () => {
    const breaks = computeBreaks(values, 'quantile', 4);
    const later = classify([50, 60, 70], breaks, seq);
    expect(later.breaks).toEqual(breaks);
    expect(later.bins.map((b) => b.count)).toEqual([0, 0, 0, 3]);
    // Empty open-ended class says "< x" rather than inventing a lower bound.
    expect(binLabel(later.bins[0], 1)).toMatch(/^< /);
  });

  it('labels bounds in nl-NL', () => {
    const c = classify([5, 10, 12.5, 15, 20, 25, 40], [12.5, 20], seq);
    expect(c.bins.map((b) => binLabel(b, 1))).toEqual(['5,0 – 12,5', '12,5 – 20,0', '20,0 – 40,0']);
  });
});

describe('diverging classes', () => {
  it('anchors a class boundary at zero and colours by sign', () => {
    const data = [-40, -20, -5, 3, 10, 30, 60];
    const breaks = anchorAtZero([-10, 5, 20], data);
    expect(breaks).toEqual([-10, 0, 20]);
    const colours = divergingPalette(breaks);
    expect(colours).toHaveLength(4);
    expect(new Set(colours).size).toBe(4);
    // Straddling class gets the neutral colour.
    expect(divergingPalette([-10, 10])[1]).toBe('#f7f7f7');
  });

  it('leaves one-signed data alone', () => {
    expect(anchorAtZero([5, 10], [1, 7, 20])).toEqual([5, 10]);
  });

  it('colours a rise as a rise when every area rose: no neutral class for +13 %', () => {
    const data = [13, 18, 25, 31, 50];
    const c = classify(data, anchorAtZero([20, 40], data), divergingPalette);
    expect(c.colourFor(13)).not.toBe('#f7f7f7');
    expect(new Set(c.bins.map((b) => b.colour)).size).toBe(3);
    // Every class red, lightest first; and all blue when every area fell.
    const falls = classify([-50, -30, -13], [-40, -20], divergingPalette);
    expect(falls.bins.map((b) => b.colour)).not.toContain('#f7f7f7');
  });
});
