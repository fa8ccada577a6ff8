// The mayor's monthly briefing: the month against the same month a year earlier and the 12-month
// trend for burglary, violence, nuisance and all crime, per wijk and for the gemeente; a map of all
// crime per 1,000 inhabitants over the last 12 months per buurt; the largest rises and falls; the
// status of the plan's targets.
import type { Dataset } from '../store/dataset.ts';
import { shiftMonth } from '../domain/months.ts';
import { THEMES, monthsBetween, type ReportFigures } from './figures.ts';
import { lastCompleteYear, type ReportSources } from './sources.ts';
import { renderMap } from './map.ts';
import { esc, monthName, periodName } from './format.ts';
import { demoBox, documentHtml, changeCell, numCell, sourcesList, sparkline, titleBlock, type ReportMeta } from './layout.ts';
import { rateMapValues, risesAndFalls, suppressedWords, targetsTable, tooFewNote, wijkTable } from './sections.ts';
import { signalItems } from './signalSections.ts';
import { buurtRiseHighlights, targetHighlights, themeHighlights, whatStandsOut } from './highlights.ts';

export interface BuiltReport {
  html: string;
  meta: ReportMeta;
}

export async function monthlyReport(ds: Dataset, fig: ReportFigures, sources: ReportSources, gemeente: string, month: string, now: Date): Promise<BuiltReport> {
  const gm = ds.gemeente(gemeente)!;
  const first = ds.cube(gemeente).months[0];
  const yearAgo = shiftMonth(month, -12);
  const from12 = shiftMonth(month, -11) < first ? first : shiftMonth(month, -11);
  const trendMonths = monthsBetween(from12, month);
  const wijken = ds.areas(gemeente, 'wijk');
  const wijkNaam = new Map(wijken.map((w) => [w.code, w.naam]));
  const monthLabel = monthName(month);
  const heads = { current: monthName(month, 'short'), previous: monthName(yearAgo, 'short') };

  const themes = THEMES.map((t) => {
    const gmMonth = fig.total(t.code, month, month);
    const gm12 = fig.total(t.code, from12, month);
    const wijkMonth = fig.stats('wijk', t.code, month, month);
    const wijk12 = fig.stats('wijk', t.code, from12, month);
    const series = fig.series(t.code, trendMonths);
    const noData = gmMonth.count === null && series.every((s) => s.count === null);
    return { ...t, gmMonth, gm12, wijkMonth, wijk12, series, noData, demo: gmMonth.demo || gm12.demo || wijkMonth.demo };
  });
  const mapStats = fig.buurtStats('0.0.0', from12, month);
  const buurtMonth = fig.buurtStats('0.0.0', month, month);
  const until = lastCompleteYear(month);
  const targets = sources.targetsOf(gemeente, month);
  const signals = signalItems(ds, gemeente, month, fig.suppressionThreshold);
  const demo = themes.some((t) => t.demo) || mapStats.demo || buurtMonth.demo || targets.some((t) => t.demo) || signals.demo;

  const meta: ReportMeta = { kind: 'Maandbriefing veiligheid', gemeenteNaam: gm.naam, gemeente, periodName: monthLabel, generatedAt: now, demo };
  const period12 = periodName(from12, month);
  const dataFrom = yearAgo < first ? first : yearAgo;
  const dataPeriod = `registraties ${periodName(dataFrom, month)}; inwoners 1 januari ${ds.index.populationYear}`;

  // Page 1: key figures and the map.
  const keyRows = themes.map((t) => {
    if (t.noData) return `<tr><th scope="row">${esc(t.label)}</th><td colspan="5">geen gegevens (niet geïmporteerd)</td></tr>`;
    return `<tr><th scope="row">${esc(t.label)}${t.demo ? ' <span class="demo-tag">DEMO</span>' : ''}</th>${numCell(t.gmMonth.count)}${numCell(t.gmMonth.previousCount)}${changeCell(t.gmMonth)}${numCell(t.gm12.count)}<td>${sparkline(t.series.map((s) => s.count), `${t.label} per maand, ${period12}`)}</td></tr>`;
  });
  const map = renderMap({
    topology: ds.areaFile(gemeente).raw,
    level: 'buurt',
    values: rateMapValues(mapStats.rows),
    title: `Alle misdrijven per 1.000 inwoners (Empirical Bayes), ${period12}, per buurt`,
    decimals: 1,
  });
  const page1 = `${titleBlock(meta, 'Voor de burgemeester: de maand tegen dezelfde maand een jaar eerder en de trend over twaalf maanden.', dataPeriod)}
${demo ? demoBox('De jaartotalen van alle misdrijven per buurt zijn echt (Politie via CBS); de verdeling naar soort misdrijf en maand is gegenereerd omdat daarvan geen open data per buurt bestaat. Gebruik deze cijfers niet voor besluiten.') : ''}
${whatStandsOut(
    [
      ...themeHighlights(themes.filter((t) => !t.noData).map((t) => ({ label: t.label, row: t.gmMonth, demo: t.demo })), monthLabel, monthName(yearAgo)),
      ...buurtRiseHighlights(buurtMonth.rows, monthLabel),
      ...targetHighlights(targets),
      ...signals.items.map((html) => ({ html })),
    ],
    [signals.note],
  )}
<h2>Kerncijfers ${esc(gm.naam)}</h2>
<table>
<caption class="sr">Kerncijfers per thema</caption>
<thead><tr><th scope="col">Thema</th><th scope="col" class="num">${esc(heads.current)}</th><th scope="col" class="num">${esc(heads.previous)}</th><th scope="col" class="num">Verandering</th><th scope="col" class="num">12 maanden</th><th scope="col">Trend ${esc(periodName(from12, month, 'short'))}</th></tr></thead>
<tbody>${keyRows.join('\n')}</tbody></table>
<p class="note">Gemeentetotaal: het officiële CBS-totaal, inclusief registraties die niet aan een buurt zijn toe te wijzen. 12 maanden: ${esc(period12)}. De laatste staaf van de trend is ${esc(monthLabel)}.</p>
<h2>Kaart: alle misdrijven per buurt</h2>
${map.html}
<p class="note">Per 1.000 inwoners, Empirical-Bayes-gecorrigeerd: het cijfer van een buurt met weinig inwoners wordt naar het gemeentelijk gemiddelde getrokken, zodat toeval minder zwaar weegt. Buurten met te weinig inwoners voor een cijfer per 1.000 (vaak bedrijven- en overgangsgebieden) zijn grijs en tellen niet mee voor de klassen: kijk daar naar het aantal. In het centrum (veel bezoekers) overschat een cijfer per inwoner het risico.</p>
${tooFewNote(mapStats.rows)}`;

  // Page 2: per wijk.
  const wijkTables = themes.map((t) => {
    if (t.noData) return `<h3>${esc(t.label)}</h3><p>Geen gegevens: er zijn geen ${esc(t.detail)} beschikbaar voor ${esc(gm.naam)}.</p>`;
    const total12 = new Map(t.wijk12.rows.map((r) => [r.code, r.count]));
    return wijkTable(`${t.label} (${t.detail})${t.demo ? ' – DEMO' : ''}`, heads, t.wijkMonth.rows, t.gmMonth, [{ header: '12 maanden', values: total12, gemeente: t.gm12.count }]);
  });
  const page2 = `<h2>Per wijk: ${esc(monthLabel)} tegen ${esc(monthName(yearAgo))}</h2>
${wijkTables.join('\n')}
<p class="note">Wijktotalen zijn de som van hun buurten; het gemeentetotaal bevat ook registraties zonder buurt. 12 maanden: ${esc(period12)}.</p>`;

  // Page 3: trend table, rises and falls, targets, sources.
  const visible = themes.filter((t) => !t.noData);
  const trendRows = trendMonths.map((m, i) => `<tr><th scope="row">${esc(monthName(m))}</th>${visible.map((t) => numCell(t.series[i].count)).join('')}</tr>`);
  const page3 = `<h2>Trend over twaalf maanden (${esc(gm.naam)})</h2>
<table>
<caption class="sr">Registraties per maand per thema</caption>
<thead><tr><th scope="col">Maand</th>${visible.map((t) => `<th scope="col" class="num">${esc(t.label)}</th>`).join('')}</tr></thead>
<tbody>${trendRows.join('\n')}</tbody></table>
${themes.some((t) => t.noData) ? `<p class="note">Overlast: geen gegevens (politieregistraties overlast zijn niet geïmporteerd).</p>` : ''}
<h2>Grootste stijgingen en dalingen per buurt (alle misdrijven)</h2>
${risesAndFalls(buurtMonth.rows, wijkNaam, heads)}
<h2>Doelstellingen uitvoeringsplan</h2>
${targetsTable(targets, until)}
<h2>Over deze briefing</h2>
${sourcesList([
    `Geregistreerde misdrijven: Politie via CBS (tabellen 47022NED/47018NED); deze briefing gebruikt ${periodName(dataFrom, month)}.`,
    `Inwoners: CBS Kerncijfers wijken en buurten (85984NED), 1 januari ${ds.index.populationYear}.`,
    'Grenzen: CBS Wijk- en Buurtkaart 2024 via Kadaster/PDOK (vereenvoudigd).',
    'Doelstellingen: Uitvoeringsplan Veiligheid van de gemeente; Veiligheidsmonitor-waarden uit het plan en uit de gepubliceerde Veiligheidsmonitor.',
    'Politiecijfers zijn pas na ongeveer twee jaar definitief.',
    demo ? 'DEMO: de verdeling van de echte jaartotalen naar soort misdrijf en maand is gegenereerd (vast per buurt en jaar) en telt exact op tot de echte totalen.' : 'Alle cijfers zijn geïmporteerde registraties.',
    ds.disclosure
      ? `${ds.disclosure.note()} ${suppressedWords(map.suppressed)}; wijk- en gemeentetotalen zijn afzonderlijk afgerond en tellen daarom niet precies op.`
      : `Privacy: aantallen van 1 tot en met 4 per buurt worden niet getoond; ${suppressedWords(map.suppressed)}.`,
  ])}`;
  return { html: documentHtml(meta, [page1, page2, page3]), meta };
}
