// The first page of the Werkbank's printable export: a memo for the gebiedsgerichte aanpak that says
// which areas were chosen, on which weights, for which period, with a map of the scores and the chosen
// areas numbered by rank. The per-area pages follow it.
import type { RankingResponse } from '../compute/ranking.ts';
import { criterionUnit, type RankingRow } from '../domain/ranking.ts';
import { esc, num, periodName } from './format.ts';
import { renderMap } from './map.ts';

export interface MemoInput {
  /** The exported areas, in rank order. */
  rows: RankingRow[];
  ranking: RankingResponse;
  gemeenteNaam: string;
  selection: string | undefined;
  /** "Cijfer per 1.000 (EB) 2, Verandering 1" */
  weights: string;
  topology: Buffer | string;
  credit: string;
}

function criterionValue(id: string, v: number | null | undefined): string {
  if (v === null || v === undefined) return 'onbekend';
  const unit = criterionUnit(id);
  return `${unit.signed && v > 0 ? '+' : ''}${num(v, unit.decimals)}${unit.suffix}`;
}

export function memoPage(m: MemoInput): string {
  const meta = m.ranking.meta;
  const areaWord = meta.level === 'buurt' ? ['buurt', 'buurten'] : ['wijk', 'wijken'];
  const period = periodName(meta.from, meta.to);
  const used = meta.criteria.filter((c) => (meta.effectiveWeights[c.id] ?? 0) > 0);
  const all = m.rows.length === m.ranking.rows.length;
  const subject = m.selection ? `Selectie “${m.selection}”` : all ? `Alle ${areaWord[1]}` : 'Shortlist';
  const map = renderMap({
    topology: m.topology,
    level: meta.level,
    values: m.ranking.rows.map((r) => ({ code: r.code, value: Math.round(r.score * 1000) / 10 })),
    title: `Score van de rangorde (0–100) per ${areaWord[0]}, ${meta.categoryNaam}, ${period}`,
    decimals: 1,
    width: 560,
    height: 500,
    // Numbering every area of a whole gemeente would bury the map; the table has them all.
    highlight: all ? [] : m.rows.map((r) => ({ code: r.code, label: String(r.rank) })),
  });
  const demoCriteria = used.filter((c) => meta.demoCriteria.includes(c.id)).map((c) => c.naam);
  const demo = meta.demo
    ? `<p class="demo"><strong>DEMO-gegevens:</strong> ${esc(
        demoCriteria.length ? `${demoCriteria.join(', ')} ${demoCriteria.length === 1 ? 'rekent' : 'rekenen'} (deels) met gegenereerde cijfers.` : 'de verdeling naar soort misdrijf en maand is gegenereerd.',
      )} Deze rangorde laat zien hoe de werkbank werkt; kies er geen ${esc(areaWord[1])} mee.</p>`
    : '';
  const head = `<tr><th scope="col">Rang</th><th scope="col">${esc(areaWord[0] === 'buurt' ? 'Buurt' : 'Wijk')}</th><th scope="col">Score (0–100)</th>${used.map((c) => `<th scope="col">${esc(c.naam)} <small>(gewicht ${esc(num(meta.weights[c.id], 1))})</small></th>`).join('')}</tr>`;
  const body = m.rows
    .map(
      (r) =>
        `<tr><td>${esc(num(r.rank))}</td><td class="name">${esc(r.naam)}</td><td>${esc(num(r.score * 100, 1))}</td>${used
          .map((c) => {
            const p = r.components[c.id];
            return `<td>${esc(criterionValue(c.id, r.values[c.id]))} <small>${p === null || p === undefined ? '(telt als mediaan)' : `· p${esc(num(p * 100))}`}</small></td>`;
          })
          .join('')}</tr>`,
    )
    .join('');
  return `<section class="page memo">
<p class="note">Buurtveiligheidskaart · gemeente ${esc(m.gemeenteNaam)} · memo gebiedsgerichte aanpak</p>
<h1>${esc(subject)}: ${esc(num(m.rows.length))} ${esc(m.rows.length === 1 ? areaWord[0] : areaWord[1])}</h1>
<p>${esc(meta.categoryNaam)} · ${esc(period)} · rang binnen alle ${esc(num(m.ranking.rows.length))} ${esc(areaWord[1])} van ${esc(m.gemeenteNaam)}</p>
<p><strong>Gewogen criteria:</strong> ${esc(m.weights)}. Elk criterium wordt een percentielrang binnen de gemeente (p0 = laagste, p100 = hoogste aandachtswaarde); de score is het gewogen gemiddelde.</p>
${meta.criteria.filter((c) => (meta.weights[c.id] ?? 0) > 0 && c.unavailable).map((c) => `<p><strong>Niet meegeteld:</strong> ${esc(c.naam)}. ${esc(c.unavailable)}</p>`).join('')}
${demo}
${map.html}
${all ? '' : `<p class="note">Blauwe rand met nummer: de ${esc(areaWord[1])} van deze memo, met hun rang.</p>`}
<table>
<caption>Rangorde: score en per criterium de waarde en de percentielrang</caption>
<thead>${head}</thead>
<tbody>${body}</tbody>
</table>
<footer>${esc(m.credit)} — open data, CC BY 4.0.</footer>
</section>`;
}
