// Report sections shared by the monthly briefing and the quarterly report. Every function returns
// escaped HTML; the figures come from ReportFigures / ReportSources.
import type { StatsRow } from '../domain/model.ts';
import type { TargetOut } from '../compute/targets.ts';
import type { BenchmarkResponse } from '../compute/benchmark.ts';
import type { SurveyResponse } from '../compute/survey.ts';
import type { SurveyIndicator } from '../domain/survey.ts';
import type { AreaInfo } from '../../../geodata/build.ts';
import { counted, esc, num, plural } from './format.ts';
import { changeCell, numCell } from './layout.ts';
import { TOO_FEW_WORDS, type MapValue } from './map.ts';
import { MIN_BASE, NOT_SIGNIFICANT, percentAllowed, signed } from './change.ts';

export { MIN_BASE };

export interface WijkColumn {
  header: string;
  /** A number, or words where a number would mislead (e.g. a rate per 1.000 on too few inhabitants). */
  values: Map<string, number | string | null>;
  gemeente: number | null;
  decimals?: number;
}

const extraCell = (v: number | string | null | undefined, decimals: number) => (typeof v === 'string' ? `<td class="num"><small>${esc(v)}</small></td>` : numCell(v, decimals));

/** wijk | this period | a year earlier | change | extra columns; the gemeente total last. */
export function wijkTable(caption: string, heads: { current: string; previous: string }, rows: StatsRow[], gm: StatsRow, extra: WijkColumn[] = []): string {
  const cells = (code: string, r: StatsRow, gmRow: boolean) =>
    `${numCell(r.count)}${numCell(r.previousCount)}${changeCell(r)}${extra.map((c) => extraCell(gmRow ? c.gemeente : c.values.get(code), c.decimals ?? 0)).join('')}`;
  const body = [...rows]
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((r) => `<tr><th scope="row">${esc(r.naam)}</th>${cells(r.code, r, false)}</tr>`);
  return `<table>
<caption>${esc(caption)}</caption>
<thead><tr><th scope="col">Wijk</th><th scope="col" class="num">${esc(heads.current)}</th><th scope="col" class="num">${esc(heads.previous)}</th><th scope="col" class="num">Verandering</th>${extra.map((c) => `<th scope="col" class="num">${esc(c.header)}</th>`).join('')}</tr></thead>
<tbody>${body.join('\n')}
<tr class="total"><th scope="row">${esc(gm.naam)} (gemeente)</th>${cells(gm.code, gm, true)}</tr></tbody>
</table>`;
}

/** "1 buurt op de kaart is daarom afgeschermd" / "3 buurten op de kaart zijn daarom afgeschermd". */
export const suppressedWords = (n: number) => `${counted(n, 'buurt', 'buurten')} op de kaart ${plural('is', 'zijn', n)} daarom afgeschermd`;

/** Buurten a rate per 1,000 says little about (fewer inhabitants than the threshold, or none). */
export const isLowPopulation = (r: StatsRow) => r.flags.includes('lowPopulation') || r.flags.includes('noPopulation');

/** The map values of a rate per 1,000: hidden counts and buurten with too few inhabitants get no class
 * (reports/map.ts draws them apart and leaves them out of the class breaks), as on the app's map. */
export const rateMapValues = (rows: StatsRow[]): MapValue[] =>
  rows.map((r) => ({ code: r.code, value: r.ratePer1000Smoothed, suppressed: r.suppressed === true, tooFew: isLowPopulation(r) }));

/** A table column of a rate per 1,000: words instead of a number where too few people live for a rate. */
export const rateColumn = (rows: StatsRow[], key: 'ratePer1000' | 'ratePer1000Smoothed'): Map<string, number | string | null> =>
  new Map(rows.map((r) => [r.code, isLowPopulation(r) ? TOO_FEW_WORDS : r[key]]));

/** The largest rises and falls of buurten (rows already suppressed for privacy). Only changes that are
 * more than chance (exact test) are listed, and only buurten with enough inhabitants. */
export function risesAndFalls(rows: StatsRow[], wijkNaam: Map<string, string>, heads: { current: string; previous: string }, n = 5): string {
  const known = rows.filter((r) => r.count !== null && percentAllowed(r.count, r.previousCount) && r.changePct !== null && !isLowPopulation(r));
  const eligible = known.filter((r) => r.changeSignificant === true);
  const chance = known.filter((r) => r.changeSignificant === false && r.changePct !== 0).length;
  const rises = eligible.filter((r) => r.changePct! > 0).sort((a, b) => b.changePct! - a.changePct! || b.count! - a.count!).slice(0, n);
  const falls = eligible.filter((r) => r.changePct! < 0).sort((a, b) => a.changePct! - b.changePct! || a.count! - b.count!).slice(0, n);
  const table = (caption: string, list: StatsRow[]) =>
    list.length === 0
      ? `<p><strong>${esc(caption)}:</strong> geen buurten met een verandering die groter is dan toeval.</p>`
      : `<table><caption>${esc(caption)}</caption>
<thead><tr><th scope="col">Buurt</th><th scope="col">Wijk</th><th scope="col" class="num">${esc(heads.current)}</th><th scope="col" class="num">${esc(heads.previous)}</th><th scope="col" class="num">Verschil</th><th scope="col" class="num">Verandering</th></tr></thead>
<tbody>${list.map((r) => `<tr><th scope="row">${esc(r.naam)}</th><td>${esc(wijkNaam.get(r.wijkcode ?? '') ?? '')}</td>${numCell(r.count)}${numCell(r.previousCount)}<td class="num">${esc(signed(r.count! - r.previousCount!))}</td>${changeCell(r)}</tr>`).join('\n')}</tbody></table>`;
  return `${table('Grootste stijgingen', rises)}
${table('Grootste dalingen', falls)}
<p class="note">Alleen buurten met minstens ${MIN_BASE} registraties in de vergelijkingsperiode en een verandering die groter is dan toeval (exacte toets, 5 %); ${counted(chance, 'andere buurt', 'andere buurten')} ${plural('veranderde', 'veranderden', chance)} wel, maar binnen wat toeval verklaart (${NOT_SIGNIFICANT}). Buurten met weinig inwoners staan hier niet in. Aantallen van 1 tot en met 4 per buurt worden in rapportages niet getoond (privacy).</p>`;
}

/** The buurten with the highest smoothed rate, without buurten with too few inhabitants for a rate;
 * those are named apart so nobody reads them as the worst places. */
export function highestRates(rows: StatsRow[], wijkNaam: Map<string, string>, previousLabel: string, flagWords: (r: StatsRow) => string, n = 10): string {
  const rated = rows.filter((r) => r.ratePer1000Smoothed !== null);
  const top = rated.filter((r) => !isLowPopulation(r)).sort((a, b) => b.ratePer1000Smoothed! - a.ratePer1000Smoothed!).slice(0, n);
  const topRows = top.map((r) => `<tr><th scope="row">${esc(r.naam)}</th><td>${esc(wijkNaam.get(r.wijkcode ?? '') ?? '')}</td>${numCell(r.count)}${numCell(r.population)}${numCell(r.ratePer1000Smoothed, 1)}${changeCell(r)}<td>${esc(flagWords(r))}</td></tr>`);
  return `<table>
<thead><tr><th scope="col">Buurt</th><th scope="col">Wijk</th><th scope="col" class="num">Misdrijven</th><th scope="col" class="num">Inwoners</th><th scope="col" class="num">Per 1.000 (EB)</th><th scope="col" class="num">t.o.v. ${esc(previousLabel)}</th><th scope="col">Let op</th></tr></thead>
<tbody>${topRows.join('\n')}</tbody></table>
${tooFewNote(rows)}`;
}

/** The buurten with registrations but too few inhabitants for a rate, named with their count (no rate)
 * so the reader still sees them; empty when there are none. */
export function tooFewNote(rows: StatsRow[]): string {
  const apart = rows.filter((r) => isLowPopulation(r) && r.count !== null && r.count > 0).sort((a, b) => b.count! - a.count!);
  if (apart.length === 0) return '';
  const inhabitants = (r: StatsRow) => (r.population ? counted(r.population, 'inwoner', 'inwoners') : 'geen inwoners');
  return `<p class="note"><strong>Apart: te weinig inwoners voor een cijfer per 1.000.</strong> ${apart.map((r) => `${esc(r.naam)} (${counted(r.count!, 'registratie', 'registraties')}, ${inhabitants(r)})`).join('; ')}. Kijk daar naar het aantal, niet naar het cijfer per inwoner (vaak bedrijven- of uitgaansgebieden).</p>`;
}

const OPERATOR: Record<string, string> = { '<': '<', '<=': '≤', '>=': '≥', '>': '>' };
const STATUS: Record<TargetOut['status'], string> = {
  onTrack: '✔ op koers',
  offTrack: '✘ niet op koers',
  noRecentData: '– geen recente meting',
  indicative: '~ alleen indicatie',
  noData: '– geen gegevens',
};

function unitValue(v: number | null, unit: TargetOut['unit']): string {
  if (v === null) return '–';
  if (unit === 'percentage') return `${num(v, 1)}%`;
  if (unit === 'per1000') return `${num(v, 1)} per 1.000`;
  return num(v, 1);
}

const targetWords = (x: TargetOut['targets'][number], unit: TargetOut['unit']) =>
  `${OPERATOR[x.operator]} ${x.value === null ? (x.reference ?? '?') : unitValue(x.value, unit)}`;

/** "2015: niet gehaald; 2016: gehaald; 2018: niet gemeten" — each target judged only on a real,
 * comparable measurement of its own year. */
function targetsMet(t: TargetOut): string {
  return t.targets
    .map((x) => `${x.year} (${targetWords(x, t.unit)}): ${x.met === true ? 'gehaald' : x.met === false ? 'niet gehaald' : x.measuredYear !== null ? 'geen doelwaarde' : 'niet gemeten'}`)
    .join('; ');
}

/** The plan's targets; `until` is the last year whose measurements the report may show. */
export function targetsTable(targets: TargetOut[], until: number): string {
  if (targets.length === 0) return '<p>Voor deze gemeente zijn geen doelstellingen vastgelegd.</p>';
  const rows = targets.map((t) => {
    const latest = t.basis?.actual ?? t.actual.reduce<TargetOut['actual'][number] | null>((a, b) => (!a || b.year > a.year ? b : a), null);
    const tags = latest ? `${latest.demo ? ' <span class="demo-tag">DEMO</span>' : ''}${!latest.comparable ? ' (andere definitie)' : ''}` : '';
    const actual = latest ? `${esc(unitValue(latest.value, t.unit))} (${latest.year})${tags}` : '–';
    return `<tr><th scope="row">${esc(t.label)}</th><td>${esc(t.source === 'Veiligheidsmonitor' ? 'Veiligheids\u00admonitor' : 'Politie')}</td><td class="txt-r">${esc(unitValue(t.baseline.value, t.unit))} (${t.baseline.year})</td><td class="txt-r">${actual}</td><td>${esc(targetsMet(t))}</td><td class="status-${t.status}">${esc(STATUS[t.status])}</td></tr>`;
  });
  const ended = targets.filter((t) => t.planEnded);
  const lastYear = ended.length ? Math.max(...ended.flatMap((t) => t.targets.map((x) => x.year))) : null;
  return `<table class="fixed">
<caption>Effectindicatoren en doelstellingen (metingen tot en met ${until})</caption>
<colgroup><col style="width: 24%"><col style="width: 12%"><col style="width: 11%"><col style="width: 14%"><col style="width: 26%"><col style="width: 13%"></colgroup>
<thead><tr><th scope="col">Indicator</th><th scope="col">Bron</th><th scope="col" class="num">Basis</th><th scope="col" class="num">Laatste meting</th><th scope="col">Doelen</th><th scope="col">Status</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>
<p class="note">Een doel is alleen gehaald of niet gehaald op een echte meting van hetzelfde jaar, met dezelfde bron en definitie als het plan. Status: de laatste vergelijkbare meting tegen het doel van dat jaar (anders het eerstvolgende); "geen recente meting" als die meting ouder is dan het laatste verstreken doeljaar of meer dan twee jaar oud; "alleen indicatie" als er alleen gegenereerde (DEMO) cijfers of cijfers met een andere definitie zijn. Politiecijfers van CBS hebben een andere definitie dan de politiecijfers in het plan.${lastYear !== null ? ` De planperiode liep tot en met ${lastYear}; er zijn geen latere doelen vastgesteld.` : ''}</p>`;
}

export function benchmarkTable(b: BenchmarkResponse | null, bigCity: BenchmarkResponse | null): string {
  if (!b) return '<p>Geen benchmark beschikbaar (geen jaartotalen voor deze gemeente).</p>';
  const rows = b.rows.map((r) => {
    const name = r.isSelf ? `<strong>${esc(r.naam)}</strong>` : esc(r.naam);
    return `<tr${r.isSelf ? ' class="self"' : ''}><td class="num">${esc(num(r.rank))}</td><th scope="row">${name}</th>${numCell(r.count)}${numCell(r.population)}${numCell(r.ratePer1000, 1)}</tr>`;
  });
  const avg = (x: BenchmarkResponse, label: string) => `<tr class="total"><td></td><th scope="row">${esc(label)}</th>${numCell(x.average.count)}${numCell(x.average.population)}${numCell(x.average.ratePer1000, 1)}</tr>`;
  return `<table>
<caption>Geregistreerde misdrijven ${b.meta.year}: ${esc(b.meta.groupLabel)}</caption>
<thead><tr><th scope="col" class="num">Rang</th><th scope="col">Gemeente</th><th scope="col" class="num">Misdrijven</th><th scope="col" class="num">Inwoners</th><th scope="col" class="num">Per 1.000 inwoners</th></tr></thead>
<tbody>${rows.join('\n')}
${avg(b, `Gemiddelde ${b.meta.groupLabel.toLowerCase()} (gewogen, ${b.average.members} gemeenten)`)}
${bigCity ? avg(bigCity, `Gemiddelde ${bigCity.meta.groupLabel} (gewogen, ${bigCity.average.members} gemeenten)`) : ''}</tbody></table>
<p class="note">${b.meta.notes.map(esc).join(' ')} Bron: ${esc(b.meta.bron)}.</p>`;
}

const SHORT_LABEL: Record<string, string> = {
  overlast_buurtbewoners_pct: 'Vaak overlast buurt\u00adbewoners (%)',
  overlast_drugs_pct: 'Veel overlast drugs (%)',
  slachtoffer_vermogen_pct: 'Slachtoffer vermogens\u00addelict (%)',
  overlast_jeugdgroepen_pct: 'Vaak overlast jeugd\u00adgroepen (%)',
  onveilig_buurt_pct: 'Wel eens onveilig in eigen buurt (%)',
  rapportcijfer_veiligheid: 'Rapport\u00adcijfer veiligheid buurt',
};

export interface SurveyBlock {
  indicators: SurveyIndicator[];
  gemeente: Map<string, SurveyResponse | null>;
  wijk: Map<string, SurveyResponse | null>;
}

/** Veiligheidsmonitor: the real gemeente value per indicator and the wijk values (DEMO when generated). */
export function surveyTable(s: SurveyBlock, wijken: AreaInfo[], gemeenteNaam: string): { html: string; demo: boolean } {
  const usable = s.indicators.filter((i) => s.gemeente.get(i.code)?.meta.year != null);
  if (usable.length === 0) return { html: '<p>Geen gegevens: voor deze gemeente zijn geen Veiligheidsmonitor-cijfers geladen.</p>', demo: false };
  const demo = usable.some((i) => s.wijk.get(i.code)?.meta.demo);
  const value = (r: SurveyResponse | null | undefined, code: string) => {
    const row = r?.rows.find((x) => x.code === code);
    if (!row || row.value === null) return '–';
    return num(row.value, 1);
  };
  const years = [...new Set(usable.map((i) => s.gemeente.get(i.code)!.meta.year))];
  const head = usable.map((i) => `<th scope="col" class="num">${esc(SHORT_LABEL[i.code] ?? i.label)}</th>`).join('');
  const gmRow = `<tr class="total"><th scope="row">${esc(gemeenteNaam)} (gemeente, echt)</th>${usable.map((i) => `<td class="num">${esc(value(s.gemeente.get(i.code), s.gemeente.get(i.code)!.rows[0]?.code ?? ''))}</td>`).join('')}</tr>`;
  const wijkRows = wijken.map((w) => `<tr><th scope="row">${esc(w.naam)}</th>${usable.map((i) => `<td class="num">${esc(value(s.wijk.get(i.code), w.code))}</td>`).join('')}</tr>`);
  const html = `<table class="fixed survey">
<caption>Veiligheidsmonitor, meting ${esc(years.join(', '))}${demo ? ' – wijkwaarden DEMO' : ''}</caption>
<colgroup><col style="width: 22%">${usable.map(() => `<col style="width: ${(78 / usable.length).toFixed(1)}%">`).join('')}</colgroup>
<thead><tr><th scope="col">Gebied</th>${head}</tr></thead>
<tbody>${gmRow}
${wijkRows.join('\n')}</tbody></table>
<p class="note">Gemeentewaarden: ${esc([...new Set(usable.map((i) => s.gemeente.get(i.code)!.meta.bron))].join('; '))}.${demo ? ' <strong>DEMO:</strong> er zijn geen open Veiligheidsmonitor-cijfers per wijk; de wijkwaarden zijn gegenereerd rond de echte gemeentewaarde en niet echt.' : ''} De laatste meting in deze tabel is van ${esc(String(Math.max(...years.map(Number))))}.</p>`;
  return { html, demo };
}


