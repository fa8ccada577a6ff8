// The shared look of the reports: the HTML document (print CSS for A4), the header and footer that
// Chromium repeats on every PDF page (page numbers, generation date, DEMO notice), and small
// building blocks (tables, sparklines, the DEMO box).
import { CREDIT } from './map.ts';
import { dateName, dateTimeName, esc, num } from './format.ts';
import { changeParts, type Change } from './change.ts';

export interface ReportMeta {
  /** "Maandbriefing veiligheid" */
  kind: string;
  gemeenteNaam: string;
  gemeente: string;
  /** The period in words: "juni 2024", "2e kwartaal 2024". */
  periodName: string;
  generatedAt: Date;
  demo: boolean;
}

export const reportTitle = (m: ReportMeta) => `${m.kind} ${m.gemeenteNaam} – ${m.periodName}`;

const CSS = `
@page { size: A4; }
* { box-sizing: border-box; }
html { font-family: 'DejaVu Sans', 'Liberation Sans', Arial, sans-serif; font-size: 9pt; color: #111; line-height: 1.3; }
body { margin: 0; }
@media screen { body { max-width: 190mm; margin: 1.5rem auto; padding: 0 1rem; } section.page { border-bottom: 2px dashed #999; padding-bottom: 1rem; margin-bottom: 1rem; } }
section.page + section.page { break-before: page; }
h1 { font-size: 17pt; margin: 0 0 2mm; line-height: 1.15; }
h2 { font-size: 12pt; margin: 4mm 0 1.5mm; border-bottom: 1.5px solid #111; padding-bottom: 1mm; break-after: avoid; }
h3 { font-size: 10.5pt; margin: 4mm 0 1.5mm; break-after: avoid; }
p { margin: 1mm 0 2mm; }
.subtitle { font-size: 10.5pt; margin: 0 0 1mm; }
.meta { color: #333; font-size: 8.5pt; }
table { border-collapse: collapse; width: 100%; margin: 1mm 0 3mm; break-inside: auto; }
tr { break-inside: avoid; }
th, td { padding: 0.7mm 1.4mm; border-bottom: 0.6px solid #888; text-align: left; vertical-align: top; }
thead th { border-bottom: 1.5px solid #111; font-size: 8.5pt; vertical-align: bottom; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
thead th.num { white-space: normal; }
table.fixed { table-layout: fixed; }
table.fixed td, table.fixed th { overflow-wrap: break-word; hyphens: manual; }
table.survey thead th { font-size: 7.5pt; }
td.txt-r { text-align: right; }
tr.total td, tr.total th { font-weight: bold; border-top: 1.5px solid #111; }
caption { text-align: left; font-weight: bold; padding: 0 0 1mm; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.demo-box { border: 2px solid #111; background: #fff3cd; padding: 2mm 3mm; margin: 2mm 0 3mm; }
.demo-tag { display: inline-block; border: 1px solid #111; padding: 0 1.2mm; font-size: 7.5pt; font-weight: bold; background: #fff3cd; }
.note { font-size: 8.5pt; color: #333; }
.map-figure { display: flex; gap: 5mm; align-items: flex-start; margin: 2mm 0; break-inside: avoid; }
.map-figure svg.report-map { width: 104mm; height: auto; border: 0.6px solid #999; flex: none; }
.map-figure figcaption { flex: 1; font-size: 8.5pt; }
.legend-title { font-weight: bold; font-size: 9pt; }
table.legend td, table.legend th { border-bottom: 0.4px solid #ccc; padding: 0.8mm 1.2mm; }
table.legend td:first-child { width: 8mm; }
.legend-note { font-size: 7.5pt; color: #333; }
.map-label { font-size: 15px; font-weight: bold; fill: #111; paint-order: stroke; stroke: #fff; stroke-width: 3px; stroke-linejoin: round; }
.map-small { font-size: 13px; fill: #111; }
.map-north { font-size: 16px; font-weight: bold; fill: #111; }
.status-onTrack { font-weight: bold; }
.status-offTrack { font-weight: bold; }
.spark { vertical-align: middle; }
.cols { display: flex; gap: 5mm; } .cols > * { flex: 1; min-width: 0; }
ul.sources { margin: 1mm 0; padding-left: 5mm; font-size: 8.5pt; }
`;

/** A complete, self-contained HTML document (no scripts, no external resources). */
export function documentHtml(meta: ReportMeta, sections: string[]): string {
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${esc(reportTitle(meta))}</title>
<style>${CSS}</style>
</head>
<body>
${sections.map((s) => `<section class="page">\n${s}\n</section>`).join('\n')}
</body>
</html>
`;
}

/** Header and footer templates: Chromium fills .pageNumber/.totalPages; fonts must be set explicitly. */
export function pageTemplates(meta: ReportMeta): { headerTemplate: string; footerTemplate: string } {
  const base = "font-family: 'DejaVu Sans', Arial, sans-serif; font-size: 8px; color: #111; width: 100%; margin: 0 15mm; display: flex; justify-content: space-between; align-items: center;";
  const demo = meta.demo
    ? `<span style="border: 1.5px solid #111; background: #fff3cd; padding: 1px 6px; font-weight: bold; -webkit-print-color-adjust: exact; print-color-adjust: exact;">DEMO-gegevens – niet voor besluitvorming</span>`
    : '<span></span>';
  return {
    headerTemplate: `<div style="${base}"><span>Buurtveiligheidskaart · ${esc(reportTitle(meta))}</span>${demo}</div>`,
    footerTemplate: `<div style="${base}"><span>Gegenereerd op ${esc(dateName(meta.generatedAt))} · ${esc(CREDIT)}${meta.demo ? ' · DEMO' : ''}</span><span>Pagina <span class="pageNumber"></span> van <span class="totalPages"></span></span></div>`,
  };
}

export function titleBlock(meta: ReportMeta, audience: string, dataPeriod: string): string {
  return `<header>
<p class="meta">Buurtveiligheidskaart · gemeente ${esc(meta.gemeenteNaam)} (${esc(meta.gemeente)})</p>
<h1>${esc(meta.kind)} ${esc(meta.gemeenteNaam)}<br>${esc(meta.periodName)}</h1>
<p class="subtitle">${esc(audience)}</p>
<p class="meta">Gegenereerd op ${esc(dateTimeName(meta.generatedAt))} · gegevens: ${esc(dataPeriod)} · ${esc(CREDIT)}</p>
</header>`;
}

export function demoBox(text: string): string {
  return `<div class="demo-box" role="note"><strong>DEMO-gegevens.</strong> ${esc(text)}</div>`;
}

/** A small bar chart of a series (numbers are always in a table next to it). */
export function sparkline(values: (number | null)[], label: string, opts: { width?: number; height?: number; highlightLast?: boolean } = {}): string {
  const w = opts.width ?? 120;
  const h = opts.height ?? 26;
  const known = values.filter((v): v is number => v !== null);
  if (known.length === 0) return `<span class="note">geen gegevens</span>`;
  const max = Math.max(...known, 1);
  const bw = w / values.length;
  const bars = values.map((v, i) => {
    if (v === null) return '';
    const bh = Math.max(1, (v / max) * (h - 2));
    const fill = opts.highlightLast !== false && i === values.length - 1 ? '#bd0026' : '#777';
    return `<rect x="${(i * bw + 1).toFixed(1)}" y="${(h - bh).toFixed(1)}" width="${Math.max(1, bw - 2).toFixed(1)}" height="${bh.toFixed(1)}" fill="${fill}"/>`;
  });
  return `<svg class="spark" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" role="img" aria-label="${esc(label)}"><title>${esc(label)}</title><line x1="0" y1="${h - 0.5}" x2="${w}" y2="${h - 0.5}" stroke="#111" stroke-width="0.6"/>${bars.join('')}</svg>`;
}

export const numCell = (v: number | null | undefined, d = 0) => `<td class="num">${esc(num(v, d))}</td>`;
/** A change against the comparison period (reports/change.ts): a percentage only on a base of at least
 * MIN_BASE, otherwise the difference in counts; qualified in words (not only by colour). */
export function changeCell(c: Change): string {
  const { figure, words } = changeParts(c);
  return words === null ? `<td class="num">${esc(figure)}</td>` : `<td class="num ns">${esc(figure)}<br><small>${esc(words)}</small></td>`;
}

export function sourcesList(items: string[]): string {
  return `<ul class="sources">${items.map((i) => `<li>${esc(i)}</li>`).join('')}</ul>`;
}
