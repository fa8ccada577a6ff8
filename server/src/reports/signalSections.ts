// Report sections fed by the signals and the evaluations: "Wat valt op" in the monthly briefing (the
// buurten whose month is out of the ordinary for them) and the saved evaluations in the quarterly report.
import type { Dataset } from '../store/dataset.ts';
import { signalsAnswer } from '../compute/signals.ts';
import type { EvaluationAnswer } from '../compute/evaluations.ts';
import { esc, num, periodName } from './format.ts';
import { THEMES } from './figures.ts';

export interface SignalItems {
  html: string;
  /** The list items alone and the explanation, for a combined "Wat valt op" (reports/highlights.ts). */
  items: string[];
  note: string;
  demo: boolean;
  count: number;
}

/** "Wat valt op": one sentence per buurt with a signal in `month`, per theme of the briefing. */
export function signalItems(ds: Dataset, gemeente: string, month: string, suppressionThreshold: number): SignalItems {
  const items: string[] = [];
  let demo = false;
  for (const t of THEMES) {
    if (!ds.categories.has(t.code)) continue;
    const answer = signalsAnswer(ds, { gemeente, level: 'buurt', category: t.code, from: month, to: month }, suppressionThreshold);
    if (answer.meta.tested === 0) continue;
    demo ||= answer.meta.demo;
    const flagged = answer.rows.filter((r) => r.signal && r.sentence).sort((a, b) => (a.signal === b.signal ? (a.p ?? 1) - (b.p ?? 1) : a.signal === 'higher' ? -1 : 1));
    for (const r of flagged) items.push(`<li>${r.signal === 'higher' ? 'Meer dan verwacht' : 'Minder dan verwacht'} – ${esc(r.sentence!)}${answer.meta.demo ? ' <span class="demo-tag">DEMO</span>' : ''}</li>`);
  }
  const none = `In ${esc(periodName(month, month))} week geen buurt duidelijk af van wat op grond van haar eigen voorgaande jaren te verwachten was.`;
  const body = items.length ? `<ul class="signals">${items.join('\n')}</ul>` : `<p>${none}</p>`;
  if (items.length === 0) items.push(`<li>${none}</li>`);
  const note = `Per buurt is uit de eigen maandcijfers van de voorgaande jaren een verwachting berekend, met seizoen en trend; "verwacht" geeft wat in 95 van de 100 gewone maanden voorkomt. Alleen afwijkingen die na correctie voor het aantal getoetste buurten overeind blijven staan hier.${demo ? ' DEMO: de maandcijfers zijn (deels) gegenereerd; deze signalen zeggen niets over de werkelijkheid.' : ''}`;
  const html = `<h2>Wat valt op</h2>
${body}
<p class="note">${note}</p>`;
  return { html, items, note, demo, count: body.startsWith('<ul') ? items.length : 0 };
}

/** The saved evaluations of the gemeente, each with its Dutch sentence and the figures before and after. */
export function evaluationsSection(evaluations: EvaluationAnswer[], names: Map<string, string>): string {
  if (evaluations.length === 0) return '';
  const mean = (series: EvaluationAnswer['treated']['series'], period: 'voor' | 'na') => {
    const part = series.filter((p) => p.period === period && p.count !== null);
    return part.length ? part.reduce((s, p) => s + p.count, 0) / part.length : null;
  };
  const blocks = evaluations.map((e) => {
    const rows = e.effect
      ? `<table>
<caption class="sr">Gemiddeld aantal per maand vóór en na de start</caption>
<thead><tr><th scope="col">Gemiddeld per maand</th><th scope="col" class="num">Vóór (${esc(periodName(e.meta.preFrom, e.meta.preTo, 'short'))})</th><th scope="col" class="num">Na (${esc(periodName(e.meta.postFrom, e.meta.postTo, 'short'))})</th></tr></thead>
<tbody><tr><th scope="row">Aanpakbuurten</th><td class="num">${num(mean(e.treated.series, 'voor'), 1)}</td><td class="num">${num(mean(e.treated.series, 'na'), 1)}</td></tr>
<tr><th scope="row">Vergelijkingsbuurten (geschaald)</th><td class="num">${num(mean(e.control.series, 'voor'), 1)}</td><td class="num">${num(mean(e.control.series, 'na'), 1)}</td></tr></tbody></table>`
      : '';
    const treated = e.treated.codes.map((c) => names.get(c) ?? c).join(', ');
    return `<h3>${esc(e.meta.name)}${e.meta.demo ? ' <span class="demo-tag">DEMO</span>' : ''}</h3>
<p>${esc(e.sentence)}</p>
<p>${esc(e.displacement.sentence)}</p>
${rows}
<p class="note">Aanpakbuurten: ${esc(treated)}. Soort: ${esc(e.meta.categoryNamen.join(', '))}.</p>`;
  });
  return `<h2>Evaluaties van de aanpak</h2>
${blocks.join('\n')}
<p class="note">Verschil-in-verschillen tegen vergelijkbare buurten van dezelfde gemeente zonder aanpak (gekozen op niveau en trend vóór de start; buurbuurten tellen niet mee). De marge komt uit een placebotoets met groepen buurten zonder aanpak.</p>`;
}
