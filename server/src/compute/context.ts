// CBS kerncijfers per gemeente, wijk and buurt (context for the safety figures): the /context answer.
// Read at start from GEODATA_SOURCE_DIR, never copied into the repository: CBS 85984NED for every
// gemeente and wijk (population/kwb_2024_...json), and where available the per-gemeente files of
// raw/woonikveilig (the same table, with age groups, households, housing and income per wijk and buurt).
import fs from 'node:fs';
import path from 'node:path';
import type { Dataset } from '../store/dataset.ts';
import type { Level } from '../domain/model.ts';
import { locate, readJson } from '../../../geodata/sources.ts';
import { ApiError } from './errors.ts';

export const CONTEXT_INDICATORS = [
  { key: 'inwoners', label: 'Inwoners', unit: 'aantal' },
  { key: 'bevolkingsdichtheid', label: 'Inwoners per km² land', unit: 'per km²' },
  { key: 'pct0tot15', label: '% inwoners 0 tot 15 jaar', unit: 'percentage' },
  { key: 'pct65plus', label: '% inwoners 65 jaar en ouder', unit: 'percentage' },
  { key: 'huishoudens', label: 'Huishoudens', unit: 'aantal' },
  { key: 'huishoudensgrootte', label: 'Gemiddelde huishoudensgrootte', unit: 'personen' },
  { key: 'woningvoorraad', label: 'Woningvoorraad', unit: 'aantal' },
  { key: 'koopwoningenPct', label: '% koopwoningen', unit: 'percentage' },
  { key: 'wozWaarde', label: 'Gemiddelde WOZ-waarde (× € 1.000)', unit: '× € 1.000' },
  { key: 'inkomenPerInwoner', label: 'Gemiddeld inkomen per inwoner (× € 1.000)', unit: '× € 1.000' },
] as const;
export type ContextKey = (typeof CONTEXT_INDICATORS)[number]['key'];
export type ContextValues = Record<ContextKey, number | null>;

export interface ContextResponse {
  meta: {
    gemeente: string;
    level: Level;
    bron: string;
    year: number;
    indicators: { key: ContextKey; label: string; unit: string }[];
    /** Keys with at least one value in these rows. */
    available: ContextKey[];
    notes: string[];
  };
  rows: { code: string; naam: string; values: ContextValues }[];
}

type Kwb = Record<string, Record<string, number | null | undefined>>;
type Demografie = Record<string, number | string | null | undefined>;

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const pct = (part: unknown, whole: unknown): number | null => {
  const p = num(part);
  const w = num(whole);
  return p === null || !w ? null : Math.round((p / w) * 1000) / 10;
};

/** Per area code: the woonikveilig 'demografie' block (CBS 85984NED), for the gemeenten that have one. */
function loadDetail(sourceDir: string): Map<string, Demografie> {
  const out = new Map<string, Demografie>();
  const dir = path.join(sourceDir, 'raw/woonikveilig/gemeente');
  if (!fs.existsSync(dir)) return out;
  for (const f of fs.readdirSync(dir).filter((n) => /^GM\d{4}\.json$/.test(n))) {
    const d = readJson(path.join(dir, f)) as { code?: string; demografie?: Demografie; wijken?: { code: string; demografie?: Demografie }[]; buurten?: { code: string; demografie?: Demografie }[] };
    if (d.code && d.demografie) out.set(d.code, d.demografie);
    for (const a of [...(d.wijken ?? []), ...(d.buurten ?? [])]) if (a.code && a.demografie) out.set(a.code, a.demografie);
  }
  return out;
}

/** Reads the kerncijfers once; the returned function answers /context for one gemeente and level. */
export function contextAnswers(ds: Dataset): (q: { gemeente: string; level: Level }) => ContextResponse {
  const kwb = readJson(locate(ds.sourceDir, 'kerncijfers')) as Kwb;
  const detail = loadDetail(ds.sourceDir);
  const detailGemeenten = new Set([...detail.keys()].filter((k) => k.startsWith('GM')));

  const valuesOf = (code: string, inwonersIndex: number | null): ContextValues => {
    const k = kwb[code] ?? {};
    const d = detail.get(code) ?? {};
    const inwoners = num(d.inwoners) ?? num(k.AantalInwoners_5) ?? inwonersIndex;
    return {
      inwoners,
      bevolkingsdichtheid: num(d.dichtheid) ?? num(k.Bevolkingsdichtheid_34),
      pct0tot15: pct(d.inwoners0tot15, d.inwoners),
      pct65plus: pct(d.inwoners65plus, d.inwoners),
      huishoudens: num(d.huishoudens),
      huishoudensgrootte: num(d.huishoudensgrootte),
      woningvoorraad: num(k.Woningvoorraad_35),
      koopwoningenPct: num(d.koopwoningen),
      wozWaarde: num(d.wozWaarde),
      inkomenPerInwoner: num(d.inkomenPerInwoner),
    };
  };

  return (q) => {
    if (!ds.gemeente(q.gemeente)) throw new ApiError(404, `gemeente ${q.gemeente} is not in the data`, 'gemeente');
    const rows = ds.areas(q.gemeente, q.level).map((a) => ({ code: a.code, naam: a.naam, values: valuesOf(a.code, a.inwoners) }));
    const available = CONTEXT_INDICATORS.map((i) => i.key).filter((key) => rows.some((r) => r.values[key] !== null));
    const notes = [
      'CBS Kerncijfers wijken en buurten 2024 (85984NED), peildatum 1 januari 2024; inkomen en WOZ-waarde hebben volgens CBS een eerder peiljaar.',
      'Percentages 0–15 en 65+ zijn berekend uit de (door CBS afgeronde) aantallen.',
    ];
    if (!detailGemeenten.has(q.gemeente)) notes.push('Voor deze gemeente zijn alleen inwoners, dichtheid en woningvoorraad (gemeente en wijken) beschikbaar in de bronbestanden.');
    return {
      meta: {
        gemeente: q.gemeente, level: q.level,
        bron: 'CBS Kerncijfers wijken en buurten 2024 (85984NED), via GEODATA_SOURCE_DIR',
        year: 2024,
        indicators: CONTEXT_INDICATORS.map((i) => ({ key: i.key, label: i.label, unit: i.unit })),
        available, notes,
      },
      rows,
    };
  };
}
