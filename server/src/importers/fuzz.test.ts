// Seeded mutation fuzzing: every parser must return a result or throw an ImportError — never another
// error type, never the internal safety net ('internal' issue), never hang.
import { describe, expect, it } from 'vitest';
import { ImportError } from './errors.ts';
import { parseImportFile } from './detect.ts';
import { parseCbsOpenData } from './cbsOpenData.ts';
import { parseYearlyTotals } from './yearlyTotals.ts';
import { parsePoliceExtract } from './policeExtract.ts';
import { parseSurvey } from './survey.ts';
import { OPTS, fixture } from './testHelpers.ts';

function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const INSERTS = ['"', ';', ',', '\t', '""', '\r', '\n', '\r\n', '1e308', '99999999999999999999', '-1', '.', 'NaN', '\u0000', '\ufeff', 'é', '2024MM13', '31-02-2024'];

function mutate(src: Buffer, rnd: () => number): Buffer {
  let b = Buffer.from(src);
  const n = 1 + Math.floor(rnd() * 3);
  const pos = () => Math.floor(rnd() * (b.length + 1));
  for (let k = 0; k < n; k++) {
    const op = Math.floor(rnd() * 9);
    switch (op) {
      case 0: // truncate
        b = b.subarray(0, pos());
        break;
      case 1: {
        // flip bytes
        for (let i = 0; i < 1 + rnd() * 4 && b.length; i++) b[Math.floor(rnd() * b.length)] ^= 1 << Math.floor(rnd() * 8);
        break;
      }
      case 2: {
        // insert a troublesome token
        const p = pos();
        b = Buffer.concat([b.subarray(0, p), Buffer.from(INSERTS[Math.floor(rnd() * INSERTS.length)]), b.subarray(p)]);
        break;
      }
      case 3: {
        // replace a run of digits with a huge number
        const s = b.toString('latin1');
        const m = [...s.matchAll(/\d+/g)];
        if (m.length) {
          const hit = m[Math.floor(rnd() * m.length)];
          const rep = rnd() < 0.5 ? '1e308' : '99999999999999999999';
          b = Buffer.from(s.slice(0, hit.index) + rep + s.slice(hit.index! + hit[0].length), 'latin1');
        }
        break;
      }
      case 4: {
        // binary noise
        const p = pos();
        const noise = Buffer.alloc(1 + Math.floor(rnd() * 64)).map(() => Math.floor(rnd() * 256));
        b = Buffer.concat([b.subarray(0, p), Buffer.from(noise), b.subarray(p)]);
        break;
      }
      case 5: {
        // delete or duplicate a line
        const ls = b.toString('latin1').split('\n');
        const i = Math.floor(rnd() * ls.length);
        if (rnd() < 0.5) ls.splice(i, 1);
        else ls.splice(i, 0, ls[i]);
        b = Buffer.from(ls.join('\n'), 'latin1');
        break;
      }
      case 6: {
        // truncate one line in the middle
        const ls = b.toString('latin1').split('\n');
        const i = Math.floor(rnd() * ls.length);
        ls[i] = ls[i].slice(0, Math.floor(rnd() * ls[i].length));
        b = Buffer.from(ls.join('\n'), 'latin1');
        break;
      }
      case 7: {
        // a long run of quotes or separators
        const p = pos();
        const ch = rnd() < 0.5 ? '"' : ';';
        b = Buffer.concat([b.subarray(0, p), Buffer.from(ch.repeat(1 + Math.floor(rnd() * 5000))), b.subarray(p)]);
        break;
      }
      default: {
        // delete a byte range
        const p = pos();
        b = Buffer.concat([b.subarray(0, p), b.subarray(p + Math.floor(rnd() * 20))]);
      }
    }
  }
  return b;
}

const targets: [string, (f: string, b: Buffer) => unknown][] = [
  ['cbs-47022NED-valid.csv', (f, b) => parseCbsOpenData(f, b, OPTS)],
  ['cbs-47018NED-valid.csv', (f, b) => parseCbsOpenData(f, b, OPTS)],
  ['cbs-47024NED-valid.csv', (f, b) => parseCbsOpenData(f, b, OPTS)],
  ['yearly-totals-valid.csv', (f, b) => parseYearlyTotals(f, b)],
  ['police-extract-valid.csv', (f, b) => parsePoliceExtract(f, b, OPTS)],
  ['survey-valid.csv', (f, b) => parseSurvey(f, b, OPTS)],
];

function check(fn: () => unknown, ctx: string): 'ok' | 'error' {
  try {
    fn();
    return 'ok';
  } catch (err) {
    if (!(err instanceof ImportError)) throw new Error(`${ctx}: non-ImportError ${String(err)}`);
    const internal = err.issues.find((i) => i.field === 'internal');
    if (internal) throw new Error(`${ctx}: safety net hit: ${internal.reason}`);
    expect(err.issues.length).toBeGreaterThan(0);
    for (const i of err.issues) {
      expect(Number.isInteger(i.line) && i.line >= 1, ctx).toBe(true);
    }
    return 'error';
  }
}

describe('fuzz: 500 seeded mutations per valid fixture', () => {
  it.each(targets)('%s', (name, parser) => {
    const src = fixture(name);
    const rnd = mulberry32(name.length * 7919 + src.length);
    const t0 = performance.now();
    const tally = { ok: 0, error: 0 };
    for (let i = 0; i < 500; i++) {
      const bytes = mutate(src, rnd);
      tally[check(() => parser(name, bytes), `${name} #${i}`)]++;
      check(() => parseImportFile(name, bytes, OPTS), `${name} #${i} via detect`);
    }
    expect(tally.ok + tally.error).toBe(500);
    if (process.env.FUZZ_VERBOSE) console.log(name, tally);
    expect(tally.error).toBeGreaterThan(0);
    expect(tally.ok).toBeGreaterThan(0); // the success path is exercised too
    expect(performance.now() - t0).toBeLessThan(10_000);
  });

  it('pure random bytes', () => {
    const rnd = mulberry32(42);
    for (let i = 0; i < 300; i++) {
      const bytes = Buffer.alloc(Math.floor(rnd() * 2000)).map(() => Math.floor(rnd() * 256));
      check(() => parseImportFile('random.bin', Buffer.from(bytes), OPTS), `random #${i}`);
    }
  });
});

describe('fuzz: wrong encodings (whole file re-encoded), also after mutation', () => {
  const swap16 = (b: Buffer) => {
    const out = Buffer.from(b.length % 2 ? Buffer.concat([b, Buffer.alloc(1)]) : b);
    return out.swap16();
  };
  const encodings: [string, (src: Buffer) => Buffer][] = [
    ['UTF-16LE with BOM', (b) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(b.toString('utf8'), 'utf16le')])],
    ['UTF-16LE without BOM', (b) => Buffer.from(b.toString('utf8'), 'utf16le')],
    ['UTF-16BE with BOM', (b) => Buffer.concat([Buffer.from([0xfe, 0xff]), swap16(Buffer.from(b.toString('utf8'), 'utf16le'))])],
    ['UTF-8 encoded twice', (b) => Buffer.from(b.toString('latin1'), 'utf8')],
    ['UTF-32LE', (b) => Buffer.concat([...b.toString('utf8')].map((ch) => { const x = Buffer.alloc(4); x.writeUInt32LE(ch.codePointAt(0)!); return x; }))],
    ['EBCDIC-like (every byte + 0x80)', (b) => Buffer.from(b.map((x) => (x + 0x80) & 0xff))],
  ];
  it.each(targets)('%s', (name, parser) => {
    const src = fixture(name);
    const rnd = mulberry32(name.length * 104729);
    for (const [label, encode] of encodings) {
      check(() => parser(name, encode(src)), `${name} as ${label}`);
      check(() => parseImportFile(name, encode(src), OPTS), `${name} as ${label} via detect`);
      for (let i = 0; i < 40; i++) {
        const bytes = encode(mutate(src, rnd));
        check(() => parser(name, bytes), `${name} mutated #${i} as ${label}`);
        check(() => parseImportFile(name, bytes, OPTS), `${name} mutated #${i} as ${label} via detect`);
      }
    }
  });
});
