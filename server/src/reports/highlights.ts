// "Wat valt op": the first thing a mayor reads, generated from the data — changes that are more than
// chance, buurten that rose significantly, the state of the plan's targets — followed by the items
// other sections contribute (the signals of the month). Every item is one plain Dutch sentence.
import type { StatsRow } from '../domain/model.ts';
import type { TargetOut } from '../compute/targets.ts';
import { esc, num } from './format.ts';
import { isLowPopulation } from './sections.ts';
import { percentAllowed, TOO_FEW_FOR_PERCENT } from './change.ts';

/** One item: a sentence (plain text, escaped here) or ready HTML from another section. */
export type Highlight = { text: string; demo?: boolean } | { html: string };

const pctWords = (v: number) => `${num(Math.abs(v), 0)}%`;

/** The gemeente's themes whose change against a year earlier is more than chance; the others in one sentence.
 * A percentage only on a base of at least MIN_BASE (reports/change.ts); below it the two counts speak. */
export function themeHighlights(themes: { label: string; row: StatsRow; demo: boolean }[], period: string, previous: string): Highlight[] {
  const out: Highlight[] = [];
  const quiet: string[] = [];
  for (const t of themes) {
    const r = t.row;
    if (r.count === null || r.previousCount === null) continue;
    if (r.changeSignificant && r.count !== r.previousCount) {
      const direction = r.count > r.previousCount ? 'een stijging' : 'een daling';
      const percent = percentAllowed(r.count, r.previousCount) && r.changePct !== null;
      const size = percent ? `${direction} van ${pctWords(r.changePct!)}` : direction;
      out.push({ text: `${t.label}: ${num(r.count)} in ${period} tegen ${num(r.previousCount)} in ${previous}, ${size} die groter is dan toeval${percent ? '' : ` (${TOO_FEW_FOR_PERCENT})`}.`, demo: t.demo });
    } else quiet.push(t.label.toLowerCase());
  }
  if (quiet.length) out.push({ text: `Geen verandering groter dan toeval bij ${quiet.join(', ')} (${period} tegen ${previous}).` });
  return out;
}

/** Buurten (with enough inhabitants) whose count rose significantly, largest difference first. */
export function buurtRiseHighlights(rows: StatsRow[], period: string, n = 3): Highlight[] {
  const risen = rows
    .filter((r) => r.changeSignificant === true && r.count !== null && r.previousCount !== null && r.count > r.previousCount && !isLowPopulation(r))
    .sort((a, b) => b.count! - b.previousCount! - (a.count! - a.previousCount!))
    .slice(0, n);
  if (risen.length === 0) return [{ text: `Geen buurt steeg in ${period} meer dan toeval verklaart.` }];
  return [{ text: `Duidelijk gestegen in ${period}: ${risen.map((r) => `${r.naam} (${num(r.previousCount)} → ${num(r.count)})`).join(', ')}.`, demo: rows.some((r) => r.flags.includes('demo')) }];
}

/** The plan's targets in one or two sentences: what was judged, and why the rest is not. */
export function targetHighlights(targets: TargetOut[]): Highlight[] {
  if (targets.length === 0) return [];
  const on = targets.filter((t) => t.status === 'onTrack').length;
  const off = targets.filter((t) => t.status === 'offTrack').length;
  const old = targets.filter((t) => t.status === 'noRecentData').length;
  const ind = targets.filter((t) => t.status === 'indicative').length;
  const parts: string[] = [];
  if (on + off > 0) parts.push(`${on} op koers en ${off} niet op koers`);
  if (old > 0) parts.push(`${old} zonder recente meting`);
  if (ind > 0) parts.push(`${ind} alleen met cijfers van een andere definitie (indicatie)`);
  const none = targets.length - on - off - old - ind;
  if (none > 0) parts.push(`${none} zonder gegevens`);
  const ended = targets.filter((t) => t.planEnded).flatMap((t) => t.targets.map((x) => x.year));
  const end = ended.length ? ` De planperiode liep tot en met ${Math.max(...ended)}.` : '';
  return [{ text: `Doelen van het veiligheidsplan (${targets.length} effectindicatoren): ${parts.join(', ')}.${end}` }];
}

/** The section: a heading, the list, and the notes of the contributing sections. */
export function whatStandsOut(items: Highlight[], notes: string[] = []): string {
  const li = items.map((i) => ('html' in i ? i.html : `<li>${esc(i.text)}${i.demo ? ' <span class="demo-tag">DEMO</span>' : ''}</li>`));
  return `<h2>Wat valt op</h2>
<ul class="highlights">${li.join('\n')}</ul>
<p class="note">"Groter dan toeval": een exacte toets op de twee aantallen (5 %); kleine aantallen veranderen vaak fors zonder dat er iets aan de hand is.${notes.length ? ` ${notes.join(' ')}` : ''}</p>`;
}
