// Streaming: a file fed in chunks of any size parses exactly like the same bytes in one piece (CRLF,
// multi-byte UTF-8 and the Windows-1252 restart across chunk boundaries), files are read, hashed and
// parsed without holding them whole, and a 100 MB file imports with a V8 heap far smaller than it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { ImportError } from './errors.ts';
import { parseImportFile, parseImportPath, parseImportSource } from './detect.ts';
import { bytesSource, fileSource, hashingSource } from './source.ts';
import { LineSplitter, readText, type TextEncoding } from './text.ts';
import { OPTS, REPO_ROOT, fixture } from './testHelpers.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bvk-stream-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

type Outcome = { ok: unknown } | { issues: ImportError['issues']; message: string };
function outcome(fn: () => unknown): Outcome {
  try {
    return { ok: fn() };
  } catch (e) {
    if (e instanceof ImportError) return { issues: e.issues, message: e.message };
    throw e;
  }
}

/** Parses `bytes` whole and in chunks of every size 1..max; all must agree. Returns the whole-buffer outcome. */
function expectSameInEveryChunking(name: string, bytes: Buffer, max = bytes.length): Outcome {
  const whole = outcome(() => parseImportFile(name, bytes, OPTS));
  const expected = JSON.stringify(whole);
  for (let size = 1; size <= max; size++) {
    const got = JSON.stringify(outcome(() => parseImportSource(name, bytesSource(bytes, size), OPTS)));
    if (got !== expected) expect(got, `chunks of ${size} bytes`).toBe(expected);
  }
  return whole;
}

/** The decoded text and encoding of `bytes` read in chunks of `size`. */
function decodeInChunks(bytes: Buffer, size: number): { text: string; encoding: TextEncoding } {
  return readText(bytesSource(bytes, size), (encoding) => {
    const parts: string[] = [];
    return { done: false, text: (p) => void parts.push(p), finish: () => ({ text: parts.join(''), encoding }) };
  });
}

const POLICE_HEADER = 'registratienummer;datum;code;omschrijving;straat;huisnummer;postcode;x;y';

describe('LineSplitter', () => {
  const split = (pieces: string[]) => {
    const out: string[] = [];
    const s = new LineSplitter((l) => void out.push(l));
    for (const p of pieces) s.push(p);
    s.end();
    return out;
  };
  it('joins a CRLF split over two pieces, also with an empty piece in between', () => {
    expect(split(['a\r', '\nb\r', 'c', '\r\n'])).toEqual(['a', 'b', 'c']);
    expect(split(['a\r', '', '\nb'])).toEqual(['a', 'b']);
  });
  it('a CR at the end of a piece followed by text is a lone CR line end', () => {
    expect(split(['a\r', 'b\r', '\r', 'c'])).toEqual(['a', 'b', '', 'c']);
  });
  it('keeps empty lines, drops only the empty remainder after a final line end', () => {
    expect(split(['\n\n', 'x'])).toEqual(['', '', 'x']);
    expect(split(['x\r'])).toEqual(['x']);
    expect(split(['x\r\n', ''])).toEqual(['x']);
    expect(split([])).toEqual([]);
  });
  it('a line spread over many pieces', () => {
    expect(split([...'ab;cd\r\nef'])).toEqual(['ab;cd', 'ef']);
  });
});

describe('decoding in chunks of every size', () => {
  const cases: [string, Buffer, string, TextEncoding][] = [
    ['UTF-8 with BOM, 2-, 3- and 4-byte characters', Buffer.from('\ufeffé€𝄞;x\r\nÅ', 'utf8'), 'é€𝄞;x\r\nÅ', 'utf-8'],
    ['only a BOM', Buffer.from([0xef, 0xbb, 0xbf]), '', 'utf-8'],
    // As the whole-file decode did: the BOM is skipped, then the decoder drops one more leading U+FEFF.
    ['two BOMs', Buffer.from('\ufeff\ufeffa', 'utf8'), 'a', 'utf-8'],
    ['a U+FEFF later is text', Buffer.from('a\ufeff', 'utf8'), 'a\ufeff', 'utf-8'],
    // "Ã©" is valid UTF-8 (é) until the lone 0xEB further on shows the file is Windows-1252.
    ['Windows-1252 that starts like UTF-8', iconv.encode('CafÃ©;x\nëzel', 'win1252'), 'CafÃ©;x\nëzel', 'windows-1252'],
    ['a UTF-8 lead byte as the last byte', Buffer.from([0x61, 0x3b, 0xc3]), 'a;Ã', 'windows-1252'],
    ['a BOM then Windows-1252', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), iconv.encode('Belvédère', 'win1252')]), 'Belvédère', 'windows-1252'],
    ['UTF-16LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a\tb\r\n€𝄞', 'utf16le')]), 'a\tb\r\n€𝄞', 'utf-16le'],
    ['UTF-16BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('a;é𝄞', 'utf16le').swap16()]), 'a;é𝄞', 'utf-16be'],
  ];
  it.each(cases)('%s', (_label, bytes, text, encoding) => {
    for (let size = 1; size <= bytes.length; size++) {
      expect(decodeInChunks(bytes, size), `chunks of ${size}`).toEqual({ text, encoding });
    }
  });
});

describe('parsing in chunks of every size gives the same result and the same errors', () => {
  const police =
    `\ufeff${POLICE_HEADER}\r\n` +
    'PL1;01-02-2024;1.1.1;Inbraak café;Rue de l’Église €;1;6211 AB;176000,5;317800\r\n' +
    '\r\n' +
    ';;;;;;;;\r\n' +
    'PL2;2024-02-03;E35;Overlast 𝄞 muziek;Markt;;;176100;317900\r\n';

  it('a UTF-8 police extract with BOM, CRLF, blank lines and multi-byte characters', () => {
    const r = expectSameInEveryChunking('p.csv', Buffer.from(police, 'utf8'));
    expect(r).toMatchObject({
      ok: {
        records: [
          { registratienummer: 'PL1', straat: 'Rue de l’Église €', omschrijving: 'Inbraak café', line: 2 },
          { registratienummer: 'PL2', code: 'E35', omschrijving: 'Overlast 𝄞 muziek', line: 5 },
        ],
      },
    });
  });

  it('the same with lone CR line ends and a final CR', () => {
    const r = expectSameInEveryChunking('p.csv', Buffer.from(police.replace(/\r\n/g, '\r'), 'utf8'));
    expect((r as { ok: { records: { line: number }[] } }).ok.records.map((x) => x.line)).toEqual([2, 5]);
  });

  it('Windows-1252 whose only non-ASCII byte is on the last line: the UTF-8 pass is dropped, lines stay put', () => {
    const rows = Array.from({ length: 8 }, (_, i) => `PL${i};01-02-2024;1.1.1;;Markt;1;;176000;317800`);
    const bytes = iconv.encode(`${POLICE_HEADER}\r\n${rows.join('\r\n')}\r\nPL99;02-02-2024;1.1.1;;Belvédère;2;;176000;317800\r\n`, 'win1252');
    const r = expectSameInEveryChunking('p.csv', bytes);
    expect(r).toMatchObject({ ok: { records: { length: 9, 8: { straat: 'Belvédère', line: 10 } } } });
  });

  it('a header error met in the UTF-8 pass comes from the Windows-1252 reading when a later byte is not UTF-8', () => {
    // "Café" is written in UTF-8 bytes (valid), but the 0xE9 on line 2 makes the file Windows-1252.
    const bytes = Buffer.concat([
      Buffer.from('"ID";"SoortMisdrijf";"WijkenEnBuurten";"Perioden";"GeregistreerdeMisdrijven_1";"Café"\r\n', 'utf8'),
      iconv.encode('"1";"1.1.1";"BU09350000";"2024MM01";"3";"é"\r\n', 'win1252'),
    ]);
    const r = expectSameInEveryChunking('c.csv', bytes);
    expect(r).toMatchObject({ issues: [{ line: 1, field: 'header' }] });
    expect((r as { message: string }).message).toContain('onbekende kolom: "CafÃ©"');
  });

  it('row errors on the right physical lines (CRLF, quotes, wrong widths, binary data)', () => {
    const bytes = Buffer.from(
      [
        'sep=;',
        '',
        POLICE_HEADER,
        'PL1;31-02-2024;1.1.1;;Markt;1;;176000;317800',
        '"PL2;01-02-2024;1.1.1;;Markt;1;;176000;317800',
        'PL3;01-02-2024;1.1.1;;Markt;1;;176000',
        'PL4;01-02-2024;9.9.9;;Markt;1;1234 AB;176000;317800',
        'PL5;01-02-2024;1.1.1;;Markt\u0000;1;;176000;317800',
        'PL1;01-02-2024;1.1.1;;Markt;1;;176000;317800',
        '',
      ].join('\r\n'),
      'utf8',
    );
    const r = expectSameInEveryChunking('bad.csv', bytes);
    expect((r as { issues: { line: number; field: string }[] }).issues.map((i) => `${i.line} ${i.field}`)).toEqual([
      '4 datum',
      '5 row',
      '6 row',
      '7 code',
      '8 row',
      '9 registratienummer',
    ]);
  });

  it('UTF-16LE and UTF-16BE fixtures, split inside code units and surrogate pairs', () => {
    const src = fixture('police-extract-valid.csv').toString('utf8').replace('Markt', 'Markt 𝄞');
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(src, 'utf16le')]);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(src, 'utf16le').swap16()]);
    const a = expectSameInEveryChunking('le.csv', le, 200);
    const b = expectSameInEveryChunking('be.csv', be, 200);
    expect(a).toEqual(b);
    expect(a).toEqual(outcome(() => parseImportFile('le.csv', Buffer.from(src, 'utf8'), OPTS)));
  });

  it('empty, BOM-only and "sep=" only files', () => {
    expect(expectSameInEveryChunking('e.csv', Buffer.alloc(0), 1)).toMatchObject({ issues: [{ line: 1, field: 'file' }] });
    expect(expectSameInEveryChunking('b.csv', Buffer.from([0xef, 0xbb, 0xbf]))).toMatchObject({ issues: [{ line: 1, field: 'file' }] });
    expect(expectSameInEveryChunking('s.csv', Buffer.from('\r\nsep=,\r\n\r\n', 'utf8'))).toMatchObject({ issues: [{ line: 3, field: 'file' }] });
  });

  it('every fixture, mutated, in random chunk sizes', () => {
    let seed = 12345;
    const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const tokens = [Buffer.from('\r'), Buffer.from('\r\n'), Buffer.from('é'), Buffer.from('€'), Buffer.from([0xe9]), Buffer.from([0xc3]), Buffer.from('"'), Buffer.from(';')];
    for (const name of fs.readdirSync(path.join(REPO_ROOT, 'tests/fixtures/import'))) {
      const src = fixture(name);
      for (let i = 0; i < 40; i++) {
        let b = src;
        for (let k = 0; k < 3; k++) {
          const p = Math.floor(rnd() * (b.length + 1));
          b = Buffer.concat([b.subarray(0, p), tokens[Math.floor(rnd() * tokens.length)], b.subarray(p)]);
        }
        const whole = JSON.stringify(outcome(() => parseImportFile(name, b, OPTS)));
        for (const size of [1 + Math.floor(rnd() * 4), 1 + Math.floor(rnd() * 64)]) {
          expect(JSON.stringify(outcome(() => parseImportSource(name, bytesSource(b, size), OPTS))), `${name} #${i} in ${size}s`).toBe(whole);
        }
      }
    }
  });
});

describe('files', () => {
  const win1252File = path.join(tmp, 'police-1252.csv');
  const police1252 = iconv.encode(`${POLICE_HEADER}\r\nPL1;01-02-2024;1.1.1;Inbraak;Markt;1;;176000;317800\r\nPL2;01-02-2024;1.1.1;;Belvédère;2;;176000;317800\r\n`, 'win1252');
  fs.writeFileSync(win1252File, police1252);

  it('fileSource reads in chunks, again from the start on every pass', () => {
    const src = fileSource(win1252File, 7);
    for (let pass = 0; pass < 2; pass++) {
      const parts: Buffer[] = [];
      src((c) => void parts.push(Buffer.from(c)));
      expect(parts.every((p) => p.length <= 7)).toBe(true);
      expect(Buffer.concat(parts)).toEqual(police1252);
    }
  });

  it('hashes the bytes of the pass that read everything, also when the first pass was dropped', () => {
    const r = parseImportPath(win1252File, OPTS, 16);
    expect(r.sha256).toBe(createHash('sha256').update(police1252).digest('hex'));
    expect(r.bytes).toBe(police1252.length);
    expect(r.parsed).toEqual(parseImportFile(win1252File, police1252, OPTS));
    expect(r.parsed).toMatchObject({ format: 'police-extract', records: { 1: { straat: 'Belvédère', line: 3 } } });

    const h = hashingSource(bytesSource(police1252, 5));
    h.source(() => true);
    expect(h.digest()).toEqual({ sha256: r.sha256, bytes: police1252.length });
    h.source(() => false);
    expect(() => h.digest()).toThrow(/no pass read the whole file/);
  });

  it('an unreadable path is an ImportError on the file', () => {
    const missing = outcome(() => parseImportPath(path.join(tmp, 'nope.csv'), OPTS));
    expect(missing).toMatchObject({ issues: [{ line: 0, field: 'file', reason: 'kan niet worden gelezen: het bestand bestaat niet' }] });
    expect(outcome(() => parseImportPath(tmp, OPTS))).toMatchObject({ issues: [{ line: 0, field: 'file', reason: 'kan niet worden gelezen: dit is een map, geen bestand' }] });
  });
});

describe('a 100 MB police extract', () => {
  // The child gets a V8 heap of 64 MB: reading the file whole (as the importers once did) needs more than
  // the file's size in heap and dies there, and so does keeping slices of the decoded chunks alive in the
  // records. Pass/fail does not depend on timing or on when the collector happens to run.
  it('is read, hashed and parsed with a 64 MB heap, keeping only its records', () => {
    const file = path.join(tmp, 'police-100mb.csv');
    const hash = createHash('sha256');
    const fd = fs.openSync(file, 'w');
    // A long column the parser ignores makes the file big and the records few; é makes chunk edges split characters.
    const pad = 'toelichting met café en één straat, '.repeat(220);
    let size = 0;
    let rows = 0;
    const write = (s: string) => {
      const b = Buffer.from(s, 'utf8');
      fs.writeSync(fd, b);
      hash.update(b);
      size += b.length;
    };
    write(`${POLICE_HEADER};toelichting\r\n`);
    while (size < 100e6) {
      write(`PL24-${String(rows).padStart(9, '0')};${1 + (rows % 28)}-${1 + (rows % 12)}-2024;1.1.1;Woninginbraak met braak;Wycker Brugstraat;${1 + (rows % 200)};6221 AB;176${String(rows % 1000).padStart(3, '0')},5;317800;${pad}\r\n`);
      rows++;
    }
    fs.closeSync(fd);

    const probe = path.join(tmp, 'probe.mjs');
    fs.writeFileSync(
      probe,
      `import { parseImportFile, parseImportPath } from ${JSON.stringify(pathToFileURL(path.join(REPO_ROOT, 'server/src/importers/detect.ts')).href)};
const opts = { knownCodes: new Set(['1.1.1']), knownNuisanceCodes: new Set(), knownIndicators: new Set() };
parseImportFile('warm-up.csv', Buffer.from(${JSON.stringify(`${POLICE_HEADER}\nPL1;1-1-2024;1.1.1;;Markt;1;;176000;317800\n`)}), opts);
globalThis.gc();
const before = process.memoryUsage().heapUsed;
const r = parseImportPath(process.argv[2], opts);
globalThis.gc();
const retained = process.memoryUsage().heapUsed - before;
console.log(JSON.stringify({ rows: r.parsed.summary.rows, sha256: r.sha256, bytes: r.bytes, retainedMB: retained / 1e6, straat: r.parsed.records.at(-1).straat }));
`,
    );
    const child = spawnSync(process.execPath, ['--max-old-space-size=64', '--expose-gc', '--import', 'tsx', probe, file], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    });
    expect(child.status, child.stderr.slice(-3000)).toBe(0);
    const out = JSON.parse(child.stdout.trim().split('\n').at(-1)!);
    expect(out).toMatchObject({ rows, sha256: hash.digest('hex'), bytes: size, straat: 'Wycker Brugstraat' });
    // What stays after the parse is the records (about 4 MB here), not the 100 MB file or its text.
    expect(out.retainedMB).toBeLessThan(25);
    fs.rmSync(file);
  });
});
