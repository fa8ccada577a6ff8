import { describe, it, expect } from 'vitest';
import { queenNeighbours } from './neighbours.ts';

type Pt = [number, number];

function rect(x0: number, y0: number, x1: number, y1: number, perSide = 1): Pt[] {
  // closed ring, optionally with extra vertices along each side (like real boundaries)
  const pts: Pt[] = [];
  const corners: Pt[] = [
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1],
  ];
  for (let c = 0; c < 4; c++) {
    const [ax, ay] = corners[c];
    const [bx, by] = corners[(c + 1) % 4];
    for (let k = 0; k < perSide; k++) pts.push([ax + ((bx - ax) * k) / perSide, ay + ((by - ay) * k) / perSide]);
  }
  pts.push([x0, y0]);
  return pts;
}

function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 4294967296;
  };
}

// ---- deliberately naive reference: all pairs, literal definition ----

function edgesOf(rings: Pt[][]): Array<[Pt, Pt]> {
  const out: Array<[Pt, Pt]> = [];
  for (const r of rings) {
    if (r.length === 1) out.push([r[0], r[0]]);
    for (let i = 0; i + 1 < r.length; i++) out.push([r[i], r[i + 1]]);
    if (r.length > 1 && (r[0][0] !== r[r.length - 1][0] || r[0][1] !== r[r.length - 1][1])) {
      out.push([r[r.length - 1], r[0]]);
    }
  }
  return out;
}

function distPointEdge(p: Pt, [a, b]: [Pt, Pt]): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const l2 = dx * dx + dy * dy;
  const t = l2 === 0 ? 0 : Math.min(1, Math.max(0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / l2));
  return Math.hypot(a[0] + t * dx - p[0], a[1] + t * dy - p[1]);
}

function properlyCross([a, b]: [Pt, Pt], [c, d]: [Pt, Pt]): boolean {
  const o = (p: Pt, q: Pt, r: Pt): number => Math.sign((q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]));
  return o(a, b, c) * o(a, b, d) < 0 && o(c, d, a) * o(c, d, b) < 0;
}

/** min over vertex-of-one to edge-of-other (both ways), 0 if edges cross */
function areaDistance(A: Pt[][], B: Pt[][]): number {
  const eA = edgesOf(A);
  const eB = edgesOf(B);
  let d = Infinity;
  for (const r of A) for (const p of r) for (const e of eB) d = Math.min(d, distPointEdge(p, e));
  for (const r of B) for (const p of r) for (const e of eA) d = Math.min(d, distPointEdge(p, e));
  for (const e of eA) for (const f of eB) if (properlyCross(e, f)) return 0;
  return d;
}

function naiveQueen(polys: Pt[][][], tol: number): number[][] {
  const n = polys.length;
  const D = polys.map((A, i) => polys.map((B, j) => (i === j ? Infinity : areaDistance(A, B))));
  const adj = D.map((row) => row.flatMap((d, j) => (d <= tol ? [j] : [])).map((j) => j));
  const sets = adj.map((l) => new Set(l));
  for (let i = 0; i < n; i++) {
    if (adj[i].length === 0 && polys[i].some((r) => r.length > 0)) {
      let best = -1;
      for (let j = 0; j < n; j++) if (j !== i && (best < 0 || D[i][j] < D[i][best])) best = j;
      if (best >= 0) {
        sets[i].add(best);
        sets[best].add(i);
      }
    }
  }
  return sets.map((s) => [...s].sort((a, b) => a - b));
}

describe('queenNeighbours', () => {
  it('3x3 grid of touching squares: queen (corner) contiguity', () => {
    const polys: Pt[][][] = [];
    for (let y = 0; y < 3; y++) for (let x = 0; x < 3; x++) polys.push([rect(x * 100, y * 100, x * 100 + 100, y * 100 + 100)]);
    const nb = queenNeighbours(polys, 0);
    expect(nb[4]).toEqual([0, 1, 2, 3, 5, 6, 7, 8]);
    expect(nb[0]).toEqual([1, 3, 4]);
    expect(nb[2]).toEqual([1, 4, 5]);
    expect(nb[8]).toEqual([4, 5, 7]);
    expect(nb[1]).toEqual([0, 2, 3, 4, 5]);
  });

  it('bridges simplification gaps within the tolerance only', () => {
    // three squares in a row, gaps of 20 m and 60 m
    const polys = [[rect(0, 0, 100, 100)], [rect(120, 0, 220, 100)], [rect(280, 0, 380, 100)]];
    expect(queenNeighbours(polys, 30)).toEqual([[1], [0, 2], [1]]);
    // with 10 m tolerance nothing touches → everyone gets its nearest: 0↔1 (20 m), 2→1 (60 m)
    expect(queenNeighbours(polys, 10)).toEqual([[1], [0, 2], [1]]);
    const far = [[rect(0, 0, 100, 100)], [rect(120, 0, 220, 100)], [rect(1000, 0, 1100, 100)], [rect(1150, 0, 1250, 100)]];
    // tol 25: 0-1 (20 m) touch; 2 and 3 (50 m apart) are islands and become each other's nearest
    expect(queenNeighbours(far, 25)).toEqual([[1], [0], [3], [2]]);
  });

  it('vertex near the middle of a long edge counts (vertex–edge, not only vertex–vertex)', () => {
    const big = [rect(0, 0, 1000, 1000)];
    const small = [[
      [1005, 400],
      [1100, 400],
      [1100, 600],
      [1005, 600],
      [1005, 400],
    ] as Pt[]];
    const polys = [big, small, [rect(5000, 5000, 5100, 5100)]];
    const nb = queenNeighbours(polys, 10);
    expect(nb[0]).toContain(1);
    expect(nb[1]).toContain(0);
  });

  it('crossing (overlapping) simplified edges are neighbours even with tolerance 0', () => {
    const a = [rect(0, 0, 100, 100)];
    const b = [[
      [50, 50],
      [150, 40],
      [150, 60],
      [50, 50],
    ] as Pt[]];
    expect(queenNeighbours([a, b], 0)).toEqual([[1], [0]]);
  });

  it('handles holes and multi-part areas', () => {
    // area 0: square with a hole; area 1 fills the hole; area 2: two parts, second touches area 3
    const outer = rect(0, 0, 300, 300);
    const hole = rect(100, 100, 200, 200).reverse();
    const polys: Pt[][][] = [
      [outer, hole],
      [rect(100, 100, 200, 200)],
      [rect(1000, 0, 1100, 100), rect(2000, 0, 2100, 100)],
      [rect(2100, 0, 2200, 100)],
    ];
    const nb = queenNeighbours(polys, 1);
    expect(nb[0]).toEqual([1]);
    expect(nb[1]).toEqual([0]);
    expect(nb[2]).toEqual([3]);
    expect(nb[3]).toEqual([2]);
  });

  it('is symmetric, self-free, sorted and guarantees a neighbour', () => {
    const r = rng(1);
    const polys: Pt[][][] = [];
    for (let i = 0; i < 60; i++) {
      const x = r() * 3000;
      const y = r() * 3000;
      const w = 50 + r() * 200;
      polys.push([rect(x, y, x + w, y + w, 1 + Math.floor(r() * 4))]);
    }
    const nb = queenNeighbours(polys, 15);
    nb.forEach((l, i) => {
      expect(l.length).toBeGreaterThan(0);
      expect(l).not.toContain(i);
      expect([...l].sort((a, b) => a - b)).toEqual(l);
      expect(new Set(l).size).toBe(l.length);
      for (const j of l) expect(nb[j]).toContain(i);
    });
  });

  it('agrees with the naive all-pairs definition on seeded random jittered tessellations', () => {
    for (let seed = 1; seed <= 12; seed++) {
      const r = rng(seed * 7919);
      const side = 4 + (seed % 4);
      const size = 100;
      // jitter vertices of a shared lattice, then shrink each cell toward its centre by a random
      // gap so neighbours are separated by slivers of 0–40 m
      const lattice: Pt[][] = [];
      for (let y = 0; y <= side; y++) {
        const row: Pt[] = [];
        for (let x = 0; x <= side; x++) row.push([x * size + (r() - 0.5) * 30, y * size + (r() - 0.5) * 30]);
        lattice.push(row);
      }
      const polys: Pt[][][] = [];
      for (let y = 0; y < side; y++) {
        for (let x = 0; x < side; x++) {
          const corners = [lattice[y][x], lattice[y][x + 1], lattice[y + 1][x + 1], lattice[y + 1][x]];
          const cx = corners.reduce((a, p) => a + p[0], 0) / 4;
          const cy = corners.reduce((a, p) => a + p[1], 0) / 4;
          const shrink = r() < 0.15 ? 0.6 : 1 - r() * 0.3;
          const ring: Pt[] = [];
          for (let c = 0; c < 4; c++) {
            const [ax, ay] = corners[c];
            const [bx, by] = corners[(c + 1) % 4];
            const steps = 1 + Math.floor(r() * 3);
            for (let k = 0; k < steps; k++) {
              const px = ax + ((bx - ax) * k) / steps;
              const py = ay + ((by - ay) * k) / steps;
              ring.push([cx + (px - cx) * shrink, cy + (py - cy) * shrink]);
            }
          }
          ring.push(ring[0]);
          polys.push([ring]);
        }
      }
      for (const tol of [0, 5, 20, 45]) {
        expect(queenNeighbours(polys, tol)).toEqual(naiveQueen(polys, tol));
      }
    }
  });

  it('handles degenerate input', () => {
    expect(queenNeighbours([], 10)).toEqual([]);
    expect(queenNeighbours([[rect(0, 0, 1, 1)]], 10)).toEqual([[]]);
    // an area without coordinates cannot be placed: it stays without neighbours
    expect(queenNeighbours([[rect(0, 0, 1, 1)], [], [rect(5, 0, 6, 1)]], 0.5)).toEqual([[2], [], [0]]);
    // a single-point ring still touches
    expect(queenNeighbours([[rect(0, 0, 10, 10)], [[[10, 5]]]], 0)).toEqual([[1], [0]]);
    expect(() => queenNeighbours([], -1)).toThrow(RangeError);
    expect(() => queenNeighbours([[[[0, Number.NaN]]]], 1)).toThrow(RangeError);
  });

  it('is fast for 15,000 areas with 10–40 vertices each', () => {
    const r = rng(42);
    const side = 123; // 15,129 areas
    const size = 250;
    const polys: Pt[][][] = [];
    for (let y = 0; y < side; y++) {
      for (let x = 0; x < side; x++) {
        const per = 3 + Math.floor(r() * 8); // 12–40 vertices
        const gap = r() * 10; // diagonal corner gap <= sqrt(2)*20 < 40
        polys.push([rect(x * size + gap, y * size + gap, (x + 1) * size - gap, (y + 1) * size - gap, per)]);
      }
    }
    const t0 = performance.now();
    const nb = queenNeighbours(polys, 40);
    const ms = performance.now() - t0;
    expect(ms).toBeLessThan(8000);
    expect(nb[side + 1]).toEqual([0, 1, 2, side, side + 2, 2 * side, 2 * side + 1, 2 * side + 2]);
    expect(nb.every((l) => l.length >= 3)).toBe(true);
  });
});
