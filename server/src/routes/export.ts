// Export of the figures per area for the workbench: CSV for Dutch Excel, GeoJSON for GIS, and a
// printable one-page-per-area summary (HTML with print CSS).
import { Hono } from 'hono';
import { DEFAULT_SUPPRESSION_THRESHOLD, suppressStatsRow } from '../domain/privacy.ts';
import type { AppEnv } from '../http/env.ts';
import { mustSuppress } from '../http/privacy.ts';
import { z } from 'zod';
import type { Dataset } from '../store/dataset.ts';
import type { AreaGeometry } from '../store/geometry.ts';
import { computeStats } from '../domain/stats.ts';
import type { AreaFlag, StatsRow } from '../domain/model.ts';
import type { HotspotRow } from '../domain/hotspots.ts';
import { ApiError } from '../compute/errors.ts';
import { validate } from '../http/validate.ts';
import { resolveScope } from '../compute/scope.ts';
import { scopeFields } from '../http/params.ts';
import { shiftMonth } from '../domain/months.ts';
import { DEFAULT_MEASURE, runHotspots } from '../compute/hotspots.ts';
import { flatProperties, rfc7946 } from '../domain/gisExport.ts';
import { csvDocument, csvField } from '../domain/csv.ts';
import { HOTSPOT_TREND_WORDS, hotspotClassShort } from '../domain/hotspotWords.ts';
import { computeRanking, defaultCriteria, DEFAULT_WEIGHTS, type RankingResponse } from '../compute/ranking.ts';
import type { RankingRow } from '../domain/ranking.ts';
import { periodName } from '../reports/format.ts';
import { memoPage } from '../reports/workbenchMemo.ts';
import { geopackage } from '../store/geopackage.ts';

export const CREDIT = 'Bron: CBS, Politie (via CBS), Kadaster/PDOK';

const query = z.object({
  ...scopeFields,
  format: z.enum(['csv', 'geojson', 'gpkg', 'html'], { error: "expected 'csv', 'geojson', 'gpkg' or 'html'" }).default('csv'),
  codes: z.string().max(20_000, 'is too long').optional(),
  // The Werkbank's ranking travels with its export: the weights it used and the name of the selection.
  weights: z.string().max(500, 'is too long').default(DEFAULT_WEIGHTS),
  selection: z.string().trim().max(120, 'is too long').optional(),
});

export const FLAG_TEXT: Record<AreaFlag, string> = {
  lowPopulation: 'Weinig inwoners: het cijfer per 1.000 inwoners is onbetrouwbaar; kijk naar aantal en dichtheid.',
  noPopulation: 'Geen inwoners bekend: geen cijfer per inwoner mogelijk.',
  withheld: 'Een deel van de cijfers is door CBS/Politie afgeschermd.',
  visitors: 'Binnenstad/centrum: veel bezoekers, een cijfer per inwoner overschat het risico.',
  demo: 'DEMO: verdeling naar soort en maand is gegenereerd.',
  noData: 'Geen registraties bekend voor deze periode.',
  suppressed: 'Klein aantal afgeschermd (privacy).',
};
const FLAG_LABEL: Record<AreaFlag, string> = {
  lowPopulation: 'weinig inwoners', noPopulation: 'geen inwoners', withheld: 'afgeschermd', visitors: 'bezoekers', demo: 'DEMO', noData: 'geen gegevens', suppressed: 'afgeschermd (klein aantal)',
};

interface ExportRow {
  stats: StatsRow;
  hotspot: HotspotRow | undefined;
  ranked: RankingRow | undefined;
}

/** What the ranking was computed with, said in every format. */
interface ExportContext {
  ranking: RankingResponse;
  gemeenteNaam: string;
  selection: string | undefined;
}

/** nl-NL number without thousands separators (Excel reads "1.294" as 1294 anyway, but "1294" is unambiguous). */
const nl = (x: number | null | undefined) => (x === null || x === undefined || !Number.isFinite(x) ? '' : String(x).replace('.', ','));

const score100 = (score: number | undefined) => (score === undefined ? undefined : Math.round(score * 1000) / 10);

const COLUMNS: [string, (r: ExportRow) => string][] = [
  ['Rang', (r) => nl(r.ranked?.rank)],
  ['Code', (r) => r.stats.code],
  ['Naam', (r) => r.stats.naam],
  ['Wijkcode', (r) => r.stats.wijkcode ?? ''],
  ['Aantal', (r) => nl(r.stats.count)],
  ['Inwoners', (r) => nl(r.stats.population)],
  ['Per 1.000 inwoners', (r) => nl(r.stats.ratePer1000)],
  ['Per 1.000 inwoners (EB-gecorrigeerd)', (r) => nl(r.stats.ratePer1000Smoothed)],
  ['Per km²', (r) => nl(r.stats.densityPerKm2)],
  ['Aantal jaar eerder', (r) => nl(r.stats.previousCount)],
  ['Verandering (%)', (r) => nl(r.stats.changePct)],
  ['Hotspot', (r) => hotspotClassShort(r.hotspot?.class ?? 'none')],
  ['Gi* z-waarde', (r) => nl(r.hotspot?.z)],
  ['Maanden hotspot (laatste 12)', (r) => nl(r.hotspot?.monthsSignificant)],
  ['Hotspot-trend', (r) => HOTSPOT_TREND_WORDS[r.hotspot?.trend ?? 'none']],
  ['Signalen', (r) => r.stats.flags.map((f) => FLAG_LABEL[f]).join(', ')],
  ['Score (0–100)', (r) => nl(score100(r.ranked?.score))],
];

/** Per weighted criterion: its raw value and its percentile rank, headed with its weight. */
function criterionColumns(ranking: RankingResponse): [string, (r: ExportRow) => string][] {
  return ranking.meta.criteria
    .filter((c) => (ranking.meta.effectiveWeights[c.id] ?? 0) > 0)
    .flatMap((c): [string, (r: ExportRow) => string][] => [
      [`${c.naam} (gewicht ${nl(ranking.meta.weights[c.id])})`, (r) => nl(r.ranked?.values[c.id])],
      [`${c.naam}: percentielrang (0–100)`, (r) => nl(score100(r.ranked?.components[c.id] ?? undefined))],
    ]);
}

/** The weights as a reader says them: "Cijfer per 1.000 (EB) 2, Verandering 1". */
export function weightsText(ranking: RankingResponse): string {
  return ranking.meta.criteria
    .filter((c) => (ranking.meta.effectiveWeights[c.id] ?? 0) > 0)
    .map((c) => `${c.naam} ${nl(ranking.meta.weights[c.id])}`)
    .join(', ');
}

export function toCsv(rows: ExportRow[], ctx: ExportContext): string {
  const m = ctx.ranking.meta;
  const columns = [...COLUMNS, ...criterionColumns(ctx.ranking)];
  // What the figures and the ranking are, then the source and licence (CC BY 4.0 asks for the credit).
  const footer = [
    `${ctx.selection ? `Selectie: ${ctx.selection} · ` : ''}${ctx.gemeenteNaam} · ${m.categoryNaam} · ${periodName(m.from, m.to)}`,
    `Rangorde binnen de gemeente op gewogen criteria (percentielrang; score = gewogen gemiddelde): ${weightsText(ctx.ranking)}`,
    ...m.criteria.filter((c) => (m.weights[c.id] ?? 0) > 0 && c.unavailable).map((c) => `Niet meegeteld: ${c.naam}. ${c.unavailable}`),
    ...(m.demo ? ['DEMO: de verdeling naar soort misdrijf en maand is gegenereerd; kies met deze rangorde geen buurten.'] : []),
    `${CREDIT} — open data, CC BY 4.0`,
  ];
  return csvDocument(columns.map(([h]) => h), rows.map((r) => columns.map(([, f]) => csvField(f(r)))), footer);
}

const esc = (s: unknown) => String(s ?? '').replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
const nlFmt = (x: number | null | undefined, d = 1) => (x === null || x === undefined || !Number.isFinite(x) ? '—' : x.toLocaleString('nl-NL', { maximumFractionDigits: d }));

function toHtml(rows: ExportRow[], meta: { gemeenteNaam: string; categoryNaam: string; from: string; to: string; demo: boolean; levelNaam: string; privacy?: string }, memo: string): string {
  const period = periodName(meta.from, meta.to);
  const pages = rows.map((r) => {
    const s = r.stats;
    const h = r.hotspot;
    const flags = s.flags.length
      ? `<h3>Signalen</h3><ul>${s.flags.map((f) => `<li><strong>${esc(FLAG_LABEL[f])}</strong>: ${esc(FLAG_TEXT[f])}</li>`).join('')}</ul>`
      : '';
    return `<section class="page">
<h1>${esc(s.naam)} <small>${esc(s.code)}</small></h1>
<p>${esc(meta.levelNaam)} in ${esc(meta.gemeenteNaam)} · ${esc(meta.categoryNaam)} · ${esc(period)}</p>
<table>
<tbody>
${r.ranked ? `<tr><th scope="row">Rang (score 0–100)</th><td>${nlFmt(r.ranked.rank, 0)} (${nlFmt(score100(r.ranked.score))})</td></tr>` : ''}
<tr><th scope="row">Aantal registraties</th><td>${nlFmt(s.count, 0)}</td></tr>
<tr><th scope="row">Inwoners</th><td>${nlFmt(s.population, 0)}</td></tr>
<tr><th scope="row">Per 1.000 inwoners</th><td>${nlFmt(s.ratePer1000)}</td></tr>
<tr><th scope="row">Per 1.000 inwoners (Empirical Bayes)</th><td>${nlFmt(s.ratePer1000Smoothed)}</td></tr>
<tr><th scope="row">Per km²</th><td>${nlFmt(s.densityPerKm2)}</td></tr>
<tr><th scope="row">Dezelfde maanden een jaar eerder</th><td>${nlFmt(s.previousCount, 0)}</td></tr>
<tr><th scope="row">Verandering</th><td>${s.changePct === null ? '—' : `${nlFmt(s.changePct)}%`}</td></tr>
<tr><th scope="row">Hotspot (Gi*, dichtheid, FDR 5%)</th><td>${esc(hotspotClassShort(h?.class ?? 'none'))}</td></tr>
<tr><th scope="row">Maanden significante hotspot (laatste 12)</th><td>${nlFmt(h?.monthsSignificant ?? 0, 0)}</td></tr>
<tr><th scope="row">Hotspot-trend</th><td>${esc(HOTSPOT_TREND_WORDS[h?.trend ?? 'none'])}</td></tr>
</tbody>
</table>
${flags}
<p class="note">Het Empirical-Bayes-cijfer trekt cijfers van buurten met weinig inwoners naar het gemeentelijk gemiddelde, zodat toeval minder zwaar weegt.</p>
${meta.privacy ? `<p class="note">${esc(meta.privacy)}</p>` : ''}
${meta.demo ? '<p class="demo"><strong>DEMO-gegevens:</strong> de jaartotalen per buurt zijn echt; de verdeling naar soort misdrijf en maand is gegenereerd.</p>' : ''}
<footer>${esc(CREDIT)} — open data, CC BY 4.0.</footer>
</section>`;
  });
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<title>${esc(`Buurtveiligheidskaart — ${meta.gemeenteNaam} — ${meta.categoryNaam} — ${period}`)}</title>
<style>
body { font-family: system-ui, sans-serif; color: #111; margin: 2rem; line-height: 1.4; }
h1 small { font-weight: normal; color: #444; font-size: 0.6em; }
table { border-collapse: collapse; margin: 1rem 0; }
th, td { border-bottom: 1px solid #999; padding: 0.3rem 0.8rem; text-align: left; }
td { text-align: right; font-variant-numeric: tabular-nums; }
.demo { border: 2px solid #000; padding: 0.5rem; }
.note, footer { font-size: 0.9em; color: #333; }
.page { page-break-after: always; break-after: page; }
.page:last-child { page-break-after: auto; break-after: auto; }
.memo table th, .memo table td { font-size: 0.9em; }
.memo td.name { text-align: left; }
.map-figure { margin: 1rem 0; }
.map-figure svg { max-width: 100%; height: auto; }
.map-label { font: 600 15px system-ui, sans-serif; fill: #111; paint-order: stroke; stroke: #fff; stroke-width: 3px; }
.map-small { font: 11px system-ui, sans-serif; fill: #111; }
.map-north { font: 700 12px system-ui, sans-serif; }
.rank-label { font: 700 11px system-ui, sans-serif; fill: #08306b; }
.legend { border-collapse: collapse; }
.legend td { text-align: left; border: 0; padding: 0.1rem 0.4rem; }
.legend td.num { text-align: right; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
@page { size: A4; margin: 15mm; }
@media print { body { margin: 0; } }
</style>
</head>
<body>
${memo}
${pages.join('\n')}
</body>
</html>
`;
}

export function exportRoutes(ds: Dataset, geometry: AreaGeometry, lowPopulation: () => number, suppressionThreshold = DEFAULT_SUPPRESSION_THRESHOLD) {
  const criteria = defaultCriteria();
  return new Hono<AppEnv>().get('/export', validate('query', query), (c) => {
    const q = resolveScope(ds, c.req.valid('query'));
    const { figures, months } = ds.figures(q.gemeente, q.level, q.category, q.from, q.to);
    const lowPopulationThreshold = lowPopulation();
    const stats = computeStats(figures, { lowPopulationThreshold, months });
    let rows = stats.rows;
    if (q.codes) {
      const wanted = q.codes.split(',').map((s) => s.trim().toUpperCase()).filter(Boolean);
      const known = new Set(rows.map((r) => r.code));
      const unknown = wanted.filter((w) => !known.has(w));
      if (unknown.length) throw new ApiError(400, `codes: ${unknown.slice(0, 5).join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not a ${q.level} of ${q.gemeente}`, 'codes');
      const set = new Set(wanted);
      rows = rows.filter((r) => set.has(r.code));
    }
    // CSV and HTML bypass the JSON privacy filter: small counts are hidden here too (for a presentation
    // the dataset's disclosure control has already rounded and hidden them; this is the second lock).
    if (mustSuppress(c)) rows = rows.map((r) => suppressStatsRow(r, suppressionThreshold));
    const hs = runHotspots(ds, geometry, { gemeente: q.gemeente, level: q.level, category: q.category, from: q.from, to: q.to, method: 'gistar', measure: DEFAULT_MEASURE, alpha: 0.05 }, lowPopulationThreshold);
    const hsBy = new Map(hs.rows.map((r) => [r.code, r]));
    // Ranked within the whole gemeente (as the Werkbank shows it), then the exported rows in that order.
    const ranking = computeRanking(ds, geometry, criteria, lowPopulationThreshold, { ...q, weights: q.weights });
    const rankBy = new Map(ranking.rows.map((r) => [r.code, r]));
    const exportRows: ExportRow[] = rows
      .map((s) => ({ stats: s, hotspot: hsBy.get(s.code), ranked: rankBy.get(s.code) }))
      .sort((a, b) => (a.ranked?.rank ?? Infinity) - (b.ranked?.rank ?? Infinity) || a.stats.code.localeCompare(b.stats.code));
    const gemeenteNaam = ds.gemeente(q.gemeente)!.naam;
    const ctx: ExportContext = { ranking, gemeenteNaam, selection: q.selection || undefined };
    const name = `buurtveiligheid_${q.gemeente}_${q.level}_${q.category.replace(/[^0-9A-Za-z.]/g, '')}_${q.from}_${q.to}`;
    if (q.format === 'csv') {
      c.header('Content-Type', 'text/csv; charset=utf-8');
      c.header('Content-Disposition', `attachment; filename="${name}.csv"`);
      return c.body(toCsv(exportRows, ctx), 200);
    }
    if (q.format === 'geojson' || q.format === 'gpkg') {
      const featureBy = new Map(geometry.features(q.gemeente, q.level).map((f) => [f.properties.code, f]));
      const metadata = {
        bron: CREDIT,
        ...(ds.disclosure ? { privacy: ds.disclosure.note() } : {}),
        demo: stats.demo || ranking.meta.demo,
        gemeente: q.gemeente,
        level: q.level,
        category: q.category,
        categoryNaam: ranking.meta.categoryNaam,
        from: q.from,
        to: q.to,
        previousFrom: shiftMonth(q.from, -12),
        previousTo: shiftMonth(q.to, -12),
        hotspotMeasure: DEFAULT_MEASURE,
        ...(ctx.selection ? { selection: ctx.selection } : {}),
        sortedBy: 'rank',
        weights: ranking.meta.weights,
        criteria: ranking.meta.criteria.filter((cr) => (ranking.meta.effectiveWeights[cr.id] ?? 0) > 0),
      };
      const features = exportRows.map(({ stats: s, hotspot: h, ranked }) => ({
        type: 'Feature' as const,
        id: s.code,
        geometry: rfc7946(featureBy.get(s.code)?.geometry ?? null),
        properties: flatProperties({
          rank: ranked?.rank ?? null,
          score: score100(ranked?.score) ?? null,
          ...s,
          hotspotClass: h?.class ?? 'none',
          hotspotZ: h?.z ?? null,
          hotspotMonthsSignificant: h?.monthsSignificant ?? 0,
          hotspotTrend: h?.trend ?? 'none',
          // One flat column per weighted criterion (GIS tools do not read nested objects).
          ...Object.fromEntries(Object.keys(ranked?.components ?? {}).flatMap((id) => [[`value_${id}`, ranked?.values[id] ?? null], [`percentile_${id}`, score100(ranked?.components[id] ?? undefined) ?? null]])),
        }),
      }));
      if (q.format === 'gpkg') {
        // The field names as in the GeoJSON, whole (a Shapefile would cut them to ten characters).
        const about = `${gemeenteNaam} · ${ranking.meta.categoryNaam} · ${periodName(q.from, q.to)} · ${weightsText(ranking)}${metadata.demo ? ' · DEMO' : ''} · ${CREDIT}, CC BY 4.0`;
        const bytes = geopackage(`buurtveiligheid_${q.level}`, about, features);
        c.header('Content-Type', 'application/geopackage+sqlite3');
        c.header('Content-Disposition', `attachment; filename="${name}.gpkg"`);
        return c.body(new Uint8Array(bytes), 200);
      }
      c.header('Content-Type', 'application/geo+json; charset=utf-8');
      c.header('Content-Disposition', `attachment; filename="${name}.geojson"`);
      return c.body(JSON.stringify({ type: 'FeatureCollection' as const, metadata, features }), 200);
    }
    const levelNaam = q.level === 'buurt' ? 'Buurt' : 'Wijk';
    const memo = memoPage({
      rows: exportRows.flatMap((r) => (r.ranked ? [r.ranked] : [])),
      ranking,
      gemeenteNaam,
      selection: ctx.selection,
      weights: weightsText(ranking),
      topology: ds.areaFile(q.gemeente).raw,
      credit: CREDIT,
    });
    return c.html(toHtml(exportRows, { gemeenteNaam, categoryNaam: ds.categories.naam(q.category), from: q.from, to: q.to, demo: stats.demo || ranking.meta.demo, levelNaam, privacy: ds.disclosure?.note() }, memo), 200);
  });
}
