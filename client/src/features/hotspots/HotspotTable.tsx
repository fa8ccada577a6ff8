// The non-map alternative for the hotspot layer: class, z, months significant and trend per area.
import type { HotspotsResponse } from '../../api/client.ts';
import { formatNumber, compareNl } from '../../lib/format.ts';
import { classShort, hotspotSentence, METHOD_NAMES, TREND_WORDS, type HotspotTrendKey } from '../../lib/hotspotWords.ts';
import { HOTSPOT_STYLES, type HotspotClassKey } from '../../lib/overlayStyles.ts';
import { ScrollTable } from '../area-table/TableParts.tsx';

const ORDER = new Map(HOTSPOT_STYLES.map((s, i) => [s.key, i]));
const QUADRANT_WORDS: Record<string, string> = {
  HH: 'hoog, buren hoog',
  LL: 'laag, buren laag',
  HL: 'hoog, buren laag (uitschieter)',
  LH: 'laag, buren hoog (uitschieter)',
};

/** Strongest hot spots first, then the rest by z (highest first); excluded areas last. */
export function sortHotspotRows(rows: HotspotsResponse['rows']): HotspotsResponse['rows'] {
  return [...rows].sort((a, b) => {
    const sa = a.class === 'none' ? 99 : ORDER.get(a.class as HotspotClassKey)!;
    const sb = b.class === 'none' ? 99 : ORDER.get(b.class as HotspotClassKey)!;
    if (sa !== sb) return sa - sb;
    if ((a.z === null) !== (b.z === null)) return a.z === null ? 1 : -1;
    return (b.z ?? 0) - (a.z ?? 0) || compareNl(a.naam, b.naam);
  });
}

/** The measure in the words of a sentence: "meer registraties per km²". */
const SENTENCE_MEASURE: Record<string, string> = {
  densityPerKm2: 'registraties per km²',
  ratePer1000Smoothed: 'registraties per 1.000 inwoners',
  count: 'registraties',
};

export function HotspotTable({ data, areaWord }: { data: HotspotsResponse; areaWord: string }) {
  const { meta } = data;
  const words = { area: areaWord === 'buurten' ? 'buurt' : 'wijk', areas: areaWord, measure: SENTENCE_MEASURE[meta.measure] ?? 'registraties', historyMonths: meta.historyMonths };
  const rows = sortHotspotRows(data.rows);
  const lisa = meta.method === 'lisa';
  const caption = `Hotspots (${METHOD_NAMES[meta.method]}) per ${areaWord === 'buurten' ? 'buurt' : 'wijk'}: klasse na FDR-correctie, maanden als significante hotspot van de laatste ${meta.historyMonths} en trend`;
  return (
    <ScrollTable caption={caption} className="hotspot-table">
      <thead>
        <tr>
          <th scope="col">Naam</th>
          <th scope="col">Hotspot-klasse</th>
          <th scope="col" className="num">
            {lisa ? 'z (EB-cijfer)' : 'Gi* z-waarde'}
          </th>
          {lisa && <th scope="col">Kwadrant</th>}
          <th scope="col" className="num">
            Maanden hotspot (van {meta.historyMonths})
          </th>
          <th scope="col">Trend</th>
          <th scope="col">Wat dit betekent</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.code}>
            <th scope="row">{r.naam}</th>
            <td>
              {classShort(r.class as HotspotClassKey)}
              {r.excluded ? ` (niet getest: ${r.excluded === 'lowPopulation' ? 'weinig inwoners' : 'geen gegevens'})` : ''}
            </td>
            <td className="num">{formatNumber(r.z, 2)}</td>
            {lisa && <td>{r.quadrant ? QUADRANT_WORDS[r.quadrant] : '–'}</td>}
            <td className="num">{formatNumber(r.monthsSignificant)}</td>
            <td>{TREND_WORDS[r.trend as HotspotTrendKey] ?? r.trend}</td>
            <td className="sentence">{hotspotSentence({ ...r, class: r.class as HotspotClassKey, trend: r.trend as HotspotTrendKey, method: meta.method }, words)}</td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}
