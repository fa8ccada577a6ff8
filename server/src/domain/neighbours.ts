// Queen contiguity for simplified CBS buurt/wijk boundaries: a snapping tolerance bridges the
// gaps and slivers that simplification leaves between areas that really share a border.

type Ring = Array<[number, number]>;

interface Segments {
  x1: Float64Array;
  y1: Float64Array;
  x2: Float64Array;
  y2: Float64Array;
  area: Int32Array;
  /** first segment index of each area; area a owns [start[a], start[a + 1]) */
  start: Int32Array;
}

function buildSegments(polygons: Ring[][]): Segments {
  let count = 0;
  for (const rings of polygons) {
    for (const ring of rings) {
      const m = ring.length;
      if (m === 0) continue;
      const closed = m > 1 && ring[0][0] === ring[m - 1][0] && ring[0][1] === ring[m - 1][1];
      count += m === 1 ? 1 : closed ? m - 1 : m;
    }
  }
  const x1 = new Float64Array(count);
  const y1 = new Float64Array(count);
  const x2 = new Float64Array(count);
  const y2 = new Float64Array(count);
  const area = new Int32Array(count);
  const start = new Int32Array(polygons.length + 1);
  let s = 0;
  polygons.forEach((rings, a) => {
    start[a] = s;
    for (const ring of rings) {
      const m = ring.length;
      if (m === 0) continue;
      for (const [x, y] of ring) {
        if (!Number.isFinite(x) || !Number.isFinite(y)) {
          throw new RangeError(`queenNeighbours: area ${a} has a non-finite coordinate (${x}, ${y})`);
        }
      }
      const closed = m > 1 && ring[0][0] === ring[m - 1][0] && ring[0][1] === ring[m - 1][1];
      // A lone point still has to be able to touch something, so it becomes a zero-length edge.
      const edges = m === 1 ? 1 : closed ? m - 1 : m;
      for (let k = 0; k < edges; k++) {
        const p = ring[k];
        const q = ring[m === 1 ? 0 : (k + 1) % m];
        x1[s] = p[0];
        y1[s] = p[1];
        x2[s] = q[0];
        y2[s] = q[1];
        area[s] = a;
        s++;
      }
    }
  });
  start[polygons.length] = s;
  return { x1, y1, x2, y2, area, start };
}

function pointSegDist2(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  let t = len2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / len2 : 0;
  if (t < 0) t = 0;
  else if (t > 1) t = 1;
  const ex = ax + t * dx - px;
  const ey = ay + t * dy - py;
  return ex * ex + ey * ey;
}

function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
}

/**
 * Squared distance between two segments. Vertex–edge distances cover touching and near
 * misses; the proper-crossing test adds overlapping (crossing) simplified edges, which are
 * the clearest sign of a shared border even when no vertex lies near the other outline.
 */
function segSegDist2(S: Segments, i: number, j: number): number {
  const ax = S.x1[i], ay = S.y1[i], bx = S.x2[i], by = S.y2[i];
  const cx = S.x1[j], cy = S.y1[j], dx = S.x2[j], dy = S.y2[j];
  const o1 = orient(ax, ay, bx, by, cx, cy);
  const o2 = orient(ax, ay, bx, by, dx, dy);
  const o3 = orient(cx, cy, dx, dy, ax, ay);
  const o4 = orient(cx, cy, dx, dy, bx, by);
  if (((o1 > 0 && o2 < 0) || (o1 < 0 && o2 > 0)) && ((o3 > 0 && o4 < 0) || (o3 < 0 && o4 > 0))) return 0;
  return Math.min(
    pointSegDist2(ax, ay, cx, cy, dx, dy),
    pointSegDist2(bx, by, cx, cy, dx, dy),
    pointSegDist2(cx, cy, ax, ay, bx, by),
    pointSegDist2(dx, dy, ax, ay, bx, by),
  );
}

/**
 * Queen neighbours with a snapping tolerance (same units as the coordinates, which must be
 * a projected metric CRS, e.g. RD New metres). Areas i and j are neighbours when any vertex
 * of one lies within `tolerance` of any vertex or edge of the other (or their edges cross).
 * Every area with at least one coordinate is then given its nearest area (minimum edge–edge
 * distance, lowest index on ties) if it has no neighbour yet, so that no area is an island
 * for the local statistics; the relation is symmetric. Areas without coordinates, and a
 * single area, get []. Returns ascending index lists without self.
 *
 * A uniform grid (cell ≈ mean edge length, at least the tolerance) limits the exact distance
 * tests to edges whose tolerance-padded boxes share a cell: 15,000 areas × 40 vertices takes
 * about a second.
 */
export function queenNeighbours(polygons: Array<Array<Array<[number, number]>>>, tolerance: number): number[][] {
  if (!Number.isFinite(tolerance) || tolerance < 0) {
    throw new RangeError(`queenNeighbours: tolerance must be a finite number >= 0, got ${tolerance}`);
  }
  const n = polygons.length;
  const adj: Array<Set<number>> = Array.from({ length: n }, () => new Set<number>());
  const S = buildSegments(polygons);
  const m = S.area.length;
  if (n < 2 || m === 0) return adj.map(() => []);

  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity, totalLen = 0;
  for (let s = 0; s < m; s++) {
    minX = Math.min(minX, S.x1[s], S.x2[s]);
    minY = Math.min(minY, S.y1[s], S.y2[s]);
    maxX = Math.max(maxX, S.x1[s], S.x2[s]);
    maxY = Math.max(maxY, S.y1[s], S.y2[s]);
    totalLen += Math.hypot(S.x2[s] - S.x1[s], S.y2[s] - S.y1[s]);
  }
  const extent = Math.max(maxX - minX, maxY - minY);
  // Capping the grid at ~2^20 cells per axis keeps numeric cell keys exact.
  const cell = Math.max(totalLen / m, tolerance, extent / 1_000_000, 1e-9);
  const ny = Math.floor((maxY - minY + tolerance) / cell) + 2;
  const half = tolerance / 2;
  const tol2 = tolerance * tolerance;

  // Two points within `tolerance` have boxes padded by tolerance/2 that overlap, so the
  // segments share at least one grid cell.
  const grid = new Map<number, number[]>();
  for (let s = 0; s < m; s++) {
    const cx0 = Math.floor((Math.min(S.x1[s], S.x2[s]) - half - minX) / cell);
    const cx1 = Math.floor((Math.max(S.x1[s], S.x2[s]) + half - minX) / cell);
    const cy0 = Math.floor((Math.min(S.y1[s], S.y2[s]) - half - minY) / cell);
    const cy1 = Math.floor((Math.max(S.y1[s], S.y2[s]) + half - minY) / cell);
    for (let cx = cx0; cx <= cx1; cx++) {
      for (let cy = cy0; cy <= cy1; cy++) {
        const key = (cx + 1) * ny + (cy + 1);
        const list = grid.get(key);
        if (list) list.push(s);
        else grid.set(key, [s]);
      }
    }
  }

  for (const list of grid.values()) {
    const len = list.length;
    for (let u = 0; u < len; u++) {
      const su = list[u];
      const au = S.area[su];
      for (let v = u + 1; v < len; v++) {
        const sv = list[v];
        const av = S.area[sv];
        if (av === au || adj[au].has(av)) continue;
        if (segSegDist2(S, su, sv) <= tol2) {
          adj[au].add(av);
          adj[av].add(au);
        }
      }
    }
  }

  // Islands: attach to the nearest area. Bounding-box distance is a lower bound on the
  // edge–edge distance, so candidates are visited nearest-box first and the scan stops early.
  const boxes = new Float64Array(4 * n);
  for (let a = 0; a < n; a++) {
    let bx0 = Infinity, by0 = Infinity, bx1 = -Infinity, by1 = -Infinity;
    for (let s = S.start[a]; s < S.start[a + 1]; s++) {
      bx0 = Math.min(bx0, S.x1[s], S.x2[s]);
      by0 = Math.min(by0, S.y1[s], S.y2[s]);
      bx1 = Math.max(bx1, S.x1[s], S.x2[s]);
      by1 = Math.max(by1, S.y1[s], S.y2[s]);
    }
    boxes.set([bx0, by0, bx1, by1], 4 * a);
  }
  const boxDist2 = (a: number, b: number): number => {
    const dx = Math.max(0, boxes[4 * b] - boxes[4 * a + 2], boxes[4 * a] - boxes[4 * b + 2]);
    const dy = Math.max(0, boxes[4 * b + 1] - boxes[4 * a + 3], boxes[4 * a + 1] - boxes[4 * b + 3]);
    return dx * dx + dy * dy;
  };
  const hasGeometry = (a: number): boolean => S.start[a + 1] > S.start[a];
  const islands: number[] = [];
  for (let a = 0; a < n; a++) if (adj[a].size === 0 && hasGeometry(a)) islands.push(a);
  for (const a of islands) {
    const candidates: Array<[number, number]> = [];
    for (let b = 0; b < n; b++) if (b !== a && hasGeometry(b)) candidates.push([boxDist2(a, b), b]);
    candidates.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
    let best = Infinity;
    let bestB = -1;
    for (const [lower, b] of candidates) {
      if (lower > best) break;
      let d = Infinity;
      for (let s = S.start[a]; s < S.start[a + 1] && d > 0; s++) {
        for (let t = S.start[b]; t < S.start[b + 1]; t++) {
          const dd = segSegDist2(S, s, t);
          if (dd < d) d = dd;
        }
      }
      if (d < best || (d === best && b < bestB)) {
        best = d;
        bestB = b;
      }
    }
    if (bestB >= 0) {
      adj[a].add(bestB);
      adj[bestB].add(a);
    }
  }
  return adj.map((set) => [...set].sort((p, q) => p - q));
}
