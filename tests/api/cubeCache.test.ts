// Persisted cubes (DATA_DIR/cubes): a restart reads them instead of rebuilding, they equal a fresh
// build, and a change in one gemeente's data rebuilds that gemeente only.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Dataset } from '../../server/src/store/dataset.ts';
import { SqliteStore } from '../../server/src/store/sqlite.ts';
import { seedFromSource } from '../../server/src/store/seed.ts';
import { GROUPS_FILE } from '../../server/src/compose.ts';
import { outputDir } from '../../geodata/build.ts';
import { ensureGeodata } from '../support/testApp.ts';

const config = ensureGeodata();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bvk-cubes-'));
const storeFile = path.join(dir, 'store.sqlite');
const cacheDir = path.join(dir, 'cubes');
const open = (cache: string | undefined = cacheDir) => {
  const store = new SqliteStore(storeFile);
  const ds = new Dataset(store, outputDir(config.dataDir), config.geodataDir, GROUPS_FILE, cache);
  seedFromSource(store, config.geodataDir, ds.index);
  return ds;
};
const files = (gm: string) => fs.readdirSync(cacheDir).filter((f) => f.startsWith(`${gm}-`));
const equal = (a: ReturnType<Dataset['cube']>, b: ReturnType<Dataset['cube']>) => {
  expect(b.counts.constructor).toBe(a.counts.constructor);
  expect(Buffer.from(b.counts.buffer, b.counts.byteOffset, b.counts.byteLength).equals(Buffer.from(a.counts.buffer, a.counts.byteOffset, a.counts.byteLength))).toBe(true);
  expect([...b.demo]).toEqual([...a.demo]);
  expect([...b.known]).toEqual([...a.known]);
  expect([...b.withheld]).toEqual([...a.withheld]);
  expect(b.areas).toEqual(a.areas);
  expect(b.months).toEqual(a.months);
};

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('persisted cubes', () => {
  it('writes a cube per gemeente and reads it back identical to a fresh build', () => {
    const first = open();
    const built = first.cube('GM0935');
    expect(files('GM0935')).toHaveLength(1);
    first.store.close();

    const second = open();
    const spy = fs.readFileSync;
    let reads = 0;
    const loaded = (() => {
      (fs as { readFileSync: typeof fs.readFileSync }).readFileSync = ((...a: Parameters<typeof fs.readFileSync>) => {
        if (String(a[0]).startsWith(cacheDir)) reads++;
        return spy(...a);
      }) as typeof fs.readFileSync;
      try {
        return second.cube('GM0935');
      } finally {
        (fs as { readFileSync: typeof fs.readFileSync }).readFileSync = spy;
      }
    })();
    expect(reads).toBe(1);
    equal(built, loaded);
    const fresh = open(undefined).cube('GM0935'); // memory only: always built
    equal(fresh, loaded);
    second.store.close();
  });

  it('rebuilds only the gemeente whose data changed (new key, old file removed)', () => {
    const ds = open();
    const maastricht = ds.cube('GM0935');
    const amsterdam = ds.cube('GM0363');
    const before = { gm0935: files('GM0935'), gm0363: files('GM0363') };
    const revision = ds.store.revision();
    ds.store.applyImport(
      { file: 'test.csv', sha256: 'cube-cache-test', format: 'cbs-47022NED', summary: {} },
      { cells: [{ area: 'BU09350000', type: '1.1.1', period: '2024-05', count: 9 }] },
    );
    expect(ds.store.revision()).toBeGreaterThan(revision);
    const after = ds.cube('GM0935');
    expect(after).not.toBe(maastricht);
    expect(after.sum(after.areaIndex.get('BU09350000')!, after.monthIndex('2024-05'), after.monthIndex('2024-05'), [after.typeIndex.get('1.1.1')!], 'misdrijf').count).toBe(9);
    expect(files('GM0935')).toHaveLength(1);
    expect(files('GM0935')).not.toEqual(before.gm0935);
    // Amsterdam's rows did not change: the same cube object, the same file.
    expect(ds.cube('GM0363')).toBe(amsterdam);
    expect(files('GM0363')).toEqual(before.gm0363);
    ds.store.close();

    // A restart reads the new Maastricht cube back.
    const again = open();
    equal(after, again.cube('GM0935'));
    again.store.close();
  });

  it('ignores a damaged cube file and builds it again', () => {
    const [f] = files('GM0935');
    fs.writeFileSync(path.join(cacheDir, f), 'damaged');
    const ds = open();
    const c = ds.cube('GM0935');
    expect(c.A).toBeGreaterThan(40);
    expect(fs.statSync(path.join(cacheDir, f)).size).toBeGreaterThan(1000);
    ds.store.close();
  });
});
