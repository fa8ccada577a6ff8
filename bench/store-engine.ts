// Measures the embedded engine choice (README, "Store"): aggregating one category over 12 months
// per buurt from SQLite rows versus from the in-memory cube. Run: npx tsx bench/store-engine.ts
import Database from 'better-sqlite3';
import { performance } from 'node:perf_hooks';
import { makeTestApp } from '../tests/support/testApp.ts';

const GEMEENTEN = ['GM0935', 'GM0034', 'GM0758', 'GM0796', 'GM0014', 'GM0546', 'GM0268', 'GM0363', 'GM0599', 'GM0344'];
const { dataset } = makeTestApp();
const db = new Database(':memory:');
db.exec('CREATE TABLE f (area TEXT, gemeente TEXT, m INTEGER, type INTEGER, count INTEGER); ');
const ins = db.prepare('INSERT INTO f VALUES (?, ?, ?, ?, ?)');
let rows = 0;
const t0 = performance.now();
db.transaction(() => {
  for (const gm of GEMEENTEN) {
    const cube = dataset.cube(gm);
    for (const [area, a] of cube.areaIndex) for (let m = 0; m < cube.M; m++) for (let t = 0; t < cube.T; t++) {
      const v = cube.counts[(a * cube.M + m) * cube.T + t];
      if (v) { ins.run(area, gm, m, t, v); rows++; }
    }
  }
})();
db.exec('CREATE INDEX f_gm ON f (gemeente, m)');
console.log(`loaded ${rows} non-zero fact rows for ${GEMEENTEN.length} gemeenten in ${(performance.now() - t0).toFixed(0)} ms`);

const types = (dataset.categories.typesOf('HIC') ?? []).map((c) => dataset.cube('GM0935').typeIndex.get(c)!);
const q = db.prepare(`SELECT area, SUM(count) FROM f WHERE gemeente = ? AND m BETWEEN 36 AND 47 AND type IN (${types.join(',')}) GROUP BY area`);
const time = (fn: () => void, n = 200) => {
  for (let i = 0; i < 10; i++) fn();
  const s = performance.now();
  for (let i = 0; i < n; i++) fn();
  return ((performance.now() - s) / n) * 1000;
};
for (const gm of ['GM0935', 'GM0363']) {
  const cube = dataset.cube(gm);
  const sqlite = time(() => q.all(gm));
  const mem = time(() => { for (const a of cube.areaIndex.values()) cube.sum(a, 36, 47, types, 'misdrijf'); });
  console.log(`${gm} (${cube.A} areas): SQLite ${sqlite.toFixed(0)} µs, cube ${mem.toFixed(0)} µs, ratio ${(sqlite / mem).toFixed(1)}x`);
}
