// The wijkbrief: one or two A4 pages for the wijkagent's wijk — a map with the registrations of the last 28 days,
// the last 7 and 28 days against a year earlier (chance named, never a percentage on a handful), the busiest
// streets against a year earlier, and the hotspot status of the buurten; date and source on every page. It is
// built from the same answer as "Mijn wijk" (routes/incidents.ts), under the same access rules.
import type { Topology } from 'topojson-specification';
import type { FeatureCollection } from 'geojson';
import { geoMercator, geoPath } from 'd3-geo';
import { CREDIT, featuresOf } from './map.ts';
import { dateName, esc, num, periodName as monthsName } from './format.ts';
import { HOTSPOT_TREND_WORDS, hotspotClassShort } from '../domain/hotspotWords.ts';
import type { EmergingTrend } from '../domain/hotspots.ts';
import type { HotspotClass } from '../domain/spatial.ts';
import { demoBox, documentHtml, numCell, sourcesList, type ReportMeta } from './layout.ts';
import type { BuiltReport } from './monthly.ts';
import { MIN_BASE, percentAllowed, signed } from './change.ts';

interface WindowRow { naam: string; count: number; lastYearCount: number | null; averageCount: number | null; changeSignificant: boolean }

export interface WijkbriefInput {
  meta: { wijk: string; naam: string; gemeente: string; demo: boolean; streetsFrom: string; streetsTo: string; streetsCompareFrom: string | null; streetsCompareTo: string | null };
  gemeenteNaam: string;
  windows: { days: number; from: string; to: string; lastYearFrom: string; lastYearTo: string; history: number; rows: WindowRow[] }[];
  streets: { straat: string; count: number; lastYearCount: number | null; changeSignificant: boolean | null }[];
  buurten: { code: string; naam: string; class: HotspotClass; monthsSignificant: number; trend: EmergingTrend }[];
  /** The gemeente's TopoJSON. */
  topology: Buffer | string;
  /** The registrations of the last 28 days. */
  points: { lon: number; lat: number; props: { demo: boolean } }[];
}

const day = (iso: string) => dateName(new Date(`${iso}T12:00:00Z`));

/** The difference as the wijkagent reads it on screen: a percentage only when it is more than chance and
 * the base is large enough for one (reports/change.ts); otherwise the difference in counts. */
export function changeWords(count: number, before: number | null, significant: boolean): string {
  if (before === null) return '–';
  const diff = count - before;
  if (diff === 0) return 'gelijk';
  if (!significant) return `${signed(diff)} (toeval)`;
  if (percentAllowed(count, before)) return `${diff > 0 ? '+' : ''}${num((diff / before) * 100, 0)} %`;
  return signed(diff);
}

function pointMap(input: WijkbriefInput, w28: WijkbriefInput['windows'][number]): string {
  const topo = JSON.parse(typeof input.topology === 'string' ? input.topology : input.topology.toString('utf8')) as Topology;
  const buurten = featuresOf(topo, 'buurten').filter((f) => f.properties.code && input.buurten.some((b) => b.code === f.properties.code));
  const width = 600;
  const height = 460;
  const pad = 14;
  const fc: FeatureCollection = { type: 'FeatureCollection', features: buurten };
  const projection = geoMercator().fitExtent([[pad, pad], [width - pad, height - pad - 20]], fc);
  const path = geoPath(projection);
  const areas = buurten.map((f) => `<path d="${path(f) ?? ''}" fill="#f3f5f7" stroke="#555" stroke-width="0.8"><title>${esc(f.properties.naam ?? f.properties.code)}</title></path>`);
  const labels = buurten
    .map((f) => ({ c: path.centroid(f), text: f.properties.naam ?? '' }))
    .filter(({ c }) => Number.isFinite(c[0]))
    .map(({ c, text }) => `<text x="${c[0].toFixed(1)}" y="${c[1].toFixed(1)}" class="map-small" text-anchor="middle" fill="#444">${esc(text)}</text>`);
  const dots = input.points.flatMap((p) => {
    const xy = projection([p.lon, p.lat]);
    return xy ? [`<circle cx="${xy[0].toFixed(1)}" cy="${xy[1].toFixed(1)}" r="4" fill="#154273" fill-opacity="0.8" stroke="#fff" stroke-width="1"/>`] : [];
  });
  const title = `Registraties ${day(w28.from)} – ${day(w28.to)} in ${input.meta.naam}`;
  return `<figure class="map-figure">
<svg xmlns="http://www.w3.org/2000/svg" class="report-map" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${esc(title)}">
<g>${areas.join('')}</g><g>${labels.join('')}</g><g>${dots.join('')}</g>
<text x="${width - pad}" y="${height - 6}" text-anchor="end" class="map-small">${esc(CREDIT)}</text>
</svg>
<figcaption><p class="legend-title">${esc(title)}</p>
<p>${num(input.points.length)} registraties; elke stip is één registratie, grijze vlakken zijn de buurten van de wijk.${input.points.some((p) => p.props.demo) ? ' DEMO: gegenereerde punten op verzonnen straten.' : ''}</p></figcaption>
</figure>`;
}

/** Both windows in one table (the categories are the same), so the brief keeps to two pages. */
function windowsTable(windows: WijkbriefInput['windows']): string {
  const cells = (r: WindowRow | undefined) =>
    r ? `${numCell(r.count)}${numCell(r.lastYearCount)}<td class="num">${esc(changeWords(r.count, r.lastYearCount, r.changeSignificant))}</td>${numCell(r.averageCount, 1)}` : '<td colspan="4"></td>';
  const rows = windows[0].rows.map((r, i) => `<tr><th scope="row">${esc(r.naam)}</th>${windows.map((w) => cells(w.rows[i])).join('')}</tr>`);
  const groupHeads = windows.map((w) => `<th scope="colgroup" colspan="4" class="num">Laatste ${w.days} dagen: ${esc(day(w.from))} – ${esc(day(w.to))}</th>`).join('');
  const heads = windows.map(() => '<th scope="col" class="num">Nu</th><th scope="col" class="num">Jaar eerder</th><th scope="col" class="num">Verschil</th><th scope="col" class="num">Gem. ervoor</th>').join('');
  return `<table class="windows"><caption>Registraties per categorie, tegenover dezelfde dagen 52 weken eerder en het gemiddelde van de periodes ervoor (${windows.map((w) => `${w.history} × ${w.days} dagen`).join(', ')})</caption>
<thead><tr><th scope="col" rowspan="2">Categorie</th>${groupHeads}</tr><tr>${heads}</tr></thead>
<tbody>${rows.join('')}</tbody></table>`;
}

export function wijkbrief(input: WijkbriefInput, now: Date): BuiltReport {
  const { meta } = input;
  const w28 = input.windows.find((w) => w.days === 28) ?? input.windows[0];
  const periodName = `${day(w28.from)} – ${day(w28.to)}`;
  const report: ReportMeta = { kind: 'Wijkbrief veiligheid', gemeenteNaam: meta.naam, gemeente: meta.wijk, periodName, generatedAt: now, demo: meta.demo };
  const streets = input.streets.map(
    (s) => `<tr><th scope="row">${esc(s.straat)}</th>${numCell(s.count)}${numCell(s.lastYearCount)}<td class="num">${esc(changeWords(s.count, s.lastYearCount, s.changeSignificant === true))}</td></tr>`,
  );
  const hotspots = input.buurten.map(
    (b) => `<tr><th scope="row">${esc(b.naam)}</th><td>${esc(hotspotClassShort(b.class))}</td>${numCell(b.monthsSignificant)}<td>${esc(HOTSPOT_TREND_WORDS[b.trend])}</td></tr>`,
  );
  const page1 = `<header>
<p class="meta">Buurtveiligheidskaart · ${esc(input.gemeenteNaam)} · ${esc(meta.wijk)} · alleen voor de wijkagent en analisten</p>
<h1>Wijkbrief veiligheid<br>${esc(meta.naam)}</h1>
<p class="subtitle">${esc(periodName)}, tot en met de nieuwste registratie</p>
<p class="meta">Gegenereerd op ${esc(dateName(now))} · ${esc(CREDIT)}</p>
</header>
${meta.demo ? demoBox('Deze wijk heeft nog geen politie-extract: de registraties per dag en hun plaats zijn gegenereerd; alleen de jaartotalen per buurt zijn echt. Niet gebruiken voor besluiten.') : ''}
${pointMap(input, w28)}
<h2>Wat is er veranderd</h2>
<p class="note">&ldquo;Toeval&rdquo;: het verschil is niet groter dan toeval kan verklaren (exacte toets, 5 %); dan staat er het verschil in aantallen, geen percentage. Ook bij minder dan ${MIN_BASE} registraties een jaar eerder staat er alleen het verschil in aantallen.</p>
${windowsTable(input.windows)}`;
  const page2 = `<h2>Drukste straten</h2>
<table><caption>Registraties ${esc(monthsName(meta.streetsFrom, meta.streetsTo))}${meta.streetsCompareFrom && meta.streetsCompareTo ? ` tegenover ${esc(monthsName(meta.streetsCompareFrom, meta.streetsCompareTo))}` : ''}</caption>
<thead><tr><th scope="col">Straat</th><th scope="col" class="num">Aantal</th><th scope="col" class="num">Jaar eerder</th><th scope="col" class="num">Verschil</th></tr></thead>
<tbody>${streets.join('')}</tbody></table>
<h2>Hotspotstatus van de buurten</h2>
<table><caption>Getis-Ord Gi* op registraties per km², laatste 12 maanden</caption>
<thead><tr><th scope="col">Buurt</th><th scope="col">Klasse</th><th scope="col" class="num">Maanden hotspot (van 12)</th><th scope="col">Trend</th></tr></thead>
<tbody>${hotspots.join('')}</tbody></table>
<h2>Bronnen</h2>
${sourcesList([
    `Registraties: ${meta.demo ? 'DEMO, gegenereerd binnen de echte jaartotalen per buurt (CBS/Politie)' : 'politie-extract, geïmporteerd in de Buurtveiligheidskaart'}`,
    'Grenzen en buurtnamen: CBS Wijk- en buurtkaart, Kadaster/PDOK',
  ])}`;
  // One flowing section (no forced page break): the content fits two A4 pages without a half-empty first page.
  return { html: documentHtml(report, [`${page1}\n${page2}`]), meta: report };
}
