// The council's quarterly report: the objective picture per wijk for the quarter against the same
// quarter a year earlier, a map, the Veiligheidsmonitor where available, the targets, and the
// benchmark against the plan's reference gemeenten and the big-city group (G40).
import type { Dataset } from '../store/dataset.ts';
import type { StatsRow } from '../domain/model.ts';
import { shiftMonth } from '../domain/months.ts';
import { THEMES, type ReportFigures } from './figures.ts';
import { lastCompleteYear, type ReportSources } from './sources.ts';
import { renderMap } from './map.ts';
import { esc, periodName, quarterName } from './format.ts';
import { demoBox, documentHtml, changeCell, numCell, sourcesList, sparkline, titleBlock, type ReportMeta } from './layout.ts';
import { benchmarkTable, highestRates, rateColumn, rateMapValues, suppressedWords, surveyTable, targetsTable, wijkTable, type SurveyBlock } from './sections.ts';
import type { BuiltReport } from './monthly.ts';
import { buurtRiseHighlights, targetHighlights, themeHighlights, whatStandsOut } from './highlights.ts';
import { evaluationsSection } from './signalSections.ts';
import type { EvaluationAnswer } from '../compute/evaluations.ts';

const FLAG_WORDS: Partial<Record<StatsRow['flags'][number], string>> = {
  lowPopulation: 'weinig inwoners',
  noPopulation: 'geen inwoners',
  visitors: 'veel bezoekers',
  withheld: 'deels afgeschermd (CBS)',
  suppressed: 'klein aantal afgeschermd',
};

export async function quarterlyReport(ds: Dataset, fig: ReportFigures, sources: ReportSources, gemeente: string, year: number, quarter: number, now: Date, evaluations: EvaluationAnswer[] = []): Promise<BuiltReport> {
  const gm = ds.gemeente(gemeente)!;
  const months = ds.cube(gemeente).months;
  const first = months[0];
  const from = `${year}-${String(quarter * 3 - 2).padStart(2, '0')}`;
  const to = shiftMonth(from, 2);
  const prevLabel = quarterName(year - 1, quarter);
  const label = quarterName(year, quarter);
  const heads = { current: `${quarter}e kw. ${year}`, previous: `${quarter}e kw. ${year - 1}` };
  const wijken = ds.areas(gemeente, 'wijk');
  const quarters = Array.from({ length: 8 }, (_, i) => shiftMonth(from, -3 * (7 - i))).filter((q) => q >= first);
  const qName = (m: string) => `${Math.floor((Number(m.slice(5)) - 1) / 3) + 1}e kw. ${m.slice(0, 4)}`;

  const themes = THEMES.map((t) => {
    const gmQ = fig.total(t.code, from, to);
    const wijkQ = fig.stats('wijk', t.code, from, to);
    const trend = quarters.map((q) => fig.total(t.code, q, shiftMonth(q, 2)).count);
    const noData = gmQ.count === null && trend.every((c) => c === null);
    return { ...t, gmQ, wijkQ, trend, noData, demo: gmQ.demo || wijkQ.demo };
  });
  const total = themes.find((t) => t.code === '0.0.0')!;
  const buurtQ = fig.buurtStats('0.0.0', from, to);
  const until = lastCompleteYear(to);
  const targets = sources.targetsOf(gemeente, to);
  const reference = sources.benchmarkOf(gemeente, null, year);
  const g40Own = sources.benchmarkOf(gemeente, 'G40', year);
  // The big-city average beside the gemeente's own group, unless that already is the G40.
  const g40 = reference?.meta.group === 'G40' ? null : g40Own;
  // The survey indicators the plan's targets use (the report's table stays readable), else all.
  const planIndicators = sources.planSurveyIndicators(gemeente);
  const indicators = sources.surveyIndicators().filter((i) => planIndicators.size === 0 || planIndicators.has(i.code));
  const survey: SurveyBlock = { indicators, gemeente: new Map(), wijk: new Map() };
  for (const ind of indicators) {
    survey.gemeente.set(ind.code, sources.surveyOf(gemeente, 'gemeente', ind.code, until));
    survey.wijk.set(ind.code, sources.surveyOf(gemeente, 'wijk', ind.code, until));
  }
  const surveyPart = surveyTable(survey, wijken, gm.naam);
  const demo = themes.some((t) => t.demo) || buurtQ.demo || targets.some((t) => t.demo) || surveyPart.demo;

  const meta: ReportMeta = { kind: 'Kwartaalrapportage veiligheid', gemeenteNaam: gm.naam, gemeente, periodName: label, generatedAt: now, demo };
  // The trend goes back up to eight quarters (and includes the same quarter a year earlier).
  const dataFrom = quarters[0];
  const dataPeriod = `registraties ${periodName(dataFrom, to)}; inwoners 1 januari ${ds.index.populationYear}`;

  const keyRows = themes.map((t) => {
    if (t.noData) return `<tr><th scope="row">${esc(t.label)}</th><td colspan="5">geen gegevens (niet geïmporteerd)</td></tr>`;
    return `<tr><th scope="row">${esc(t.label)}${t.demo ? ' <span class="demo-tag">DEMO</span>' : ''}</th>${numCell(t.gmQ.count)}${numCell(t.gmQ.previousCount)}${changeCell(t.gmQ)}${numCell(t.gmQ.ratePer1000, 1)}<td>${sparkline(t.trend, `${t.label} per kwartaal, ${qName(quarters[0])} – ${label}`, { width: 100 })}</td></tr>`;
  });
  const map = renderMap({
    topology: ds.areaFile(gemeente).raw,
    level: 'buurt',
    values: rateMapValues(buurtQ.rows),
    title: `Alle misdrijven per 1.000 inwoners (Empirical Bayes), ${label}, per buurt`,
    decimals: 1,
  });
  const page1 = `${titleBlock(meta, 'Voor de gemeenteraad: het objectieve beeld per wijk, de Veiligheidsmonitor, de doelstellingen en de vergelijking met andere gemeenten.', dataPeriod)}
${demo ? demoBox('De jaartotalen van alle misdrijven per buurt en de gemeentecijfers van de Veiligheidsmonitor zijn echt; de verdeling naar soort misdrijf en maand en de Veiligheidsmonitor-cijfers per wijk zijn gegenereerd. Gebruik deze cijfers niet voor besluiten.') : ''}
${whatStandsOut([
    ...themeHighlights(themes.filter((t) => !t.noData).map((t) => ({ label: t.label, row: t.gmQ, demo: t.demo })), label, prevLabel),
    ...buurtRiseHighlights(buurtQ.rows, label),
    ...targetHighlights(targets),
  ])}
<h2>Kerncijfers ${esc(gm.naam)}, ${esc(label)}</h2>
<table>
<caption class="sr">Kerncijfers per thema</caption>
<thead><tr><th scope="col">Thema</th><th scope="col" class="num">${esc(heads.current)}</th><th scope="col" class="num">${esc(heads.previous)}</th><th scope="col" class="num">Verandering</th><th scope="col" class="num">Per 1.000 inw.</th><th scope="col">Laatste ${quarters.length} kwartalen</th></tr></thead>
<tbody>${keyRows.join('\n')}</tbody></table>
<p class="note">${esc(label)}: ${esc(periodName(from, to))}, vergeleken met ${esc(prevLabel)}. Per 1.000 inwoners over het kwartaal (niet omgerekend naar een jaar). Gemeentetotaal inclusief registraties zonder buurt.</p>
<h2>Kaart: alle misdrijven per buurt</h2>
${map.html}
<p class="note">Per 1.000 inwoners, Empirical-Bayes-gecorrigeerd (eerlijk voor buurten met weinig inwoners). Buurten met te weinig inwoners voor een cijfer per 1.000 (vaak bedrijven- en overgangsgebieden) zijn grijs en tellen niet mee voor de klassen; hun aantallen staan bij de buurten met het hoogste cijfer. In het centrum overschat een cijfer per inwoner het risico door de vele bezoekers.</p>`;

  const popOf = new Map(total.wijkQ.rows.map((r) => [r.code, r.population]));
  const wijkTables = themes.map((t) => {
    if (t.noData) return `<h3>${esc(t.label)}</h3><p>Geen gegevens: er zijn geen ${esc(t.detail)} geïmporteerd voor ${esc(gm.naam)}.</p>`;
    const extra = t.code === '0.0.0'
      ? [{ header: 'Inwoners', values: popOf, gemeente: t.gmQ.population }, { header: 'Per 1.000 inw.', values: rateColumn(t.wijkQ.rows, 'ratePer1000'), gemeente: t.gmQ.ratePer1000, decimals: 1 }]
      : [{ header: 'Per 1.000 inw.', values: rateColumn(t.wijkQ.rows, 'ratePer1000'), gemeente: t.gmQ.ratePer1000, decimals: 1 }];
    return wijkTable(`${t.label} (${t.detail})${t.demo ? ' – DEMO' : ''}`, heads, t.wijkQ.rows, t.gmQ, extra);
  });
  const wijkNaam = new Map(wijken.map((w) => [w.code, w.naam]));
  const flagWords = (r: StatsRow) => r.flags.map((f) => FLAG_WORDS[f]).filter(Boolean).join(', ');
  const page2 = `<h2>Objectief beeld per wijk: ${esc(label)} tegen ${esc(prevLabel)}</h2>
${wijkTables.join('\n')}
<p class="note">Wijktotalen zijn de som van hun buurten; het gemeentetotaal bevat ook registraties zonder buurt.</p>`;

  const page3 = `<h2>Buurten met het hoogste cijfer (alle misdrijven, Empirical Bayes)</h2>
${highestRates(buurtQ.rows, wijkNaam, prevLabel, flagWords)}
<p class="note">Aantallen van 1 tot en met 4 per buurt worden niet getoond (privacy); een buurt met weinig inwoners wordt naar het gemeentelijk gemiddelde getrokken.</p>
<h2>Veiligheidsmonitor (subjectieve veiligheid)</h2>
${surveyPart.html}
<h2>Doelstellingen uitvoeringsplan</h2>
${targetsTable(targets, until)}
<h2>Vergelijking met andere gemeenten</h2>
${benchmarkTable(reference, g40)}
${evaluationsSection(evaluations, new Map(ds.areas(gemeente, 'buurt').map((b) => [b.code, b.naam])))}
<h2>Over dit rapport</h2>
${sourcesList([
    `Geregistreerde misdrijven: Politie via CBS (47022NED/47018NED); dit rapport gebruikt ${periodName(dataFrom, to)}.`,
    `Inwoners: CBS Kerncijfers wijken en buurten (85984NED), 1 januari ${ds.index.populationYear}.`,
    'Grenzen: CBS Wijk- en Buurtkaart 2024 via Kadaster/PDOK (vereenvoudigd).',
    `Veiligheidsmonitor: gemeentewaarden uit het Uitvoeringsplan Veiligheid en de gepubliceerde Veiligheidsmonitor, metingen tot en met ${until}; wijkwaarden DEMO zolang er geen eigen cijfers per wijk zijn.`,
    `Benchmark: officiële gemeentetotalen ${reference?.meta.year ?? ''} (Politie via CBS) en inwoners (CBS 85984NED); de vergelijkingsgroepen zoals de gemeente ze heeft vastgelegd.`,
    'Politiecijfers zijn pas na ongeveer twee jaar definitief.',
    ds.disclosure
      ? `${ds.disclosure.note()} ${suppressedWords(map.suppressed)}; wijk- en gemeentetotalen zijn afzonderlijk afgerond en tellen daarom niet precies op.`
      : `Privacy: aantallen van 1 tot en met 4 per buurt worden niet getoond; ${suppressedWords(map.suppressed)}.`,
  ])}`;
  return { html: documentHtml(meta, [page1, page2, page3]), meta };
}
