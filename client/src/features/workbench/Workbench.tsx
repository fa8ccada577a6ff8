// The selection workbench for the gebiedsgerichte aanpak: weigh criteria, rank, shortlist, compare,
// save and export. Self-contained view: it asks the API for ranking, hotspots, series and selections;
// the shell gives it the scope, the stats rows it already has and the URL state (weights, shortlist).
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { StatsRow } from '../../../../server/src/domain/model.ts';
import type { ScopeQuery, Selection } from '../../api/client.ts';
import { errorText, useHotspotsQuery, useRankingQuery } from '../../api/queries.ts';
import { formatNumber, pluralArea } from '../../lib/format.ts';
import { Comparison } from './Comparison.tsx';
import { ExportLinks } from './ExportLinks.tsx';
import { RankingTable } from './RankingTable.tsx';
import { SavedSelections } from './SavedSelections.tsx';
import { parseWeights, serializeWeights } from './weights.ts';
import { WeightsForm } from './WeightsForm.tsx';

export interface WorkbenchProps {
  scope: ScopeQuery;
  gemeenteNaam: string;
  categoryNaam: string;
  /** "jan 2024 – dec 2024" */
  period: string;
  /** The shell's stats rows for the same scope (already restricted to the attention area, if any). */
  statsRows: StatsRow[];
  /** Restriction to an attention area; the ranking stays city-wide, the table shows only its areas. */
  areaFilter: { id: number; name: string } | null;
  weights: string | null;
  onWeightsChange: (weights: string | null) => void;
  shortlist: string[];
  onShortlistChange: (codes: string[]) => void;
  /** Opening a saved selection: its codes and the weights stored with it. */
  onOpenSelection: (codes: string[], weights: string | null) => void;
  announce: (message: string) => void;
  /** Controls the shell adds to the side column (attention-area filter and form). */
  aside?: ReactNode;
  /** Level, category and period, first in the side column: the ranking is for what they say. */
  scopeControls?: ReactNode;
}

export function Workbench(props: WorkbenchProps) {
  const { scope, gemeenteNaam, categoryNaam, period, statsRows, areaFilter, weights, onWeightsChange, shortlist, onShortlistChange, onOpenSelection, announce, aside, scopeControls } = props;
  const { gemeente, level, category, from, to } = scope;
  const [draft, setDraft] = useState<Record<string, number> | null>(null);
  const [comparing, setComparing] = useState(false);
  // The saved selection last opened; its name goes with the export while the shortlist is still its areas.
  const [opened, setOpened] = useState<{ name: string; codes: string } | null>(null);
  const selectionName = opened && opened.codes === [...shortlist].sort().join(',') ? opened.name : null;
  const comparisonRef = useRef<HTMLElement>(null);
  const areaWord = level === 'buurt' ? 'buurten' : 'wijken';

  const rankingQuery = useRankingQuery({ gemeente, level, category, from, to, weights });
  const ranking = rankingQuery.data ?? null;
  const rankingError = rankingQuery.error ? `Rangorde kon niet worden berekend. ${errorText(rankingQuery.error)}` : null;
  useEffect(() => {
    if (ranking && !rankingQuery.isPlaceholderData) announce(`Rangorde bijgewerkt: ${pluralArea(ranking.rows.length, ranking.meta.level)}; hoogste score ${ranking.rows[0]?.naam ?? '–'}.`);
  }, [ranking, rankingQuery.isPlaceholderData, announce]);
  useEffect(() => {
    if (rankingError) announce('Rangorde kon niet worden berekend.');
  }, [rankingError, announce]);
  const hotspots = useHotspotsQuery({ gemeente, level, category, from, to, method: 'gistar' }).data ?? null;

  const criteria = useMemo(() => ranking?.meta.criteria ?? [], [ranking]);
  const order = useMemo(() => criteria.map((c) => c.id), [criteria]);
  // The sliders show the URL's weights, else the server's defaults; a move is committed after a short pause.
  const committed = useMemo(() => parseWeights(weights, order) ?? ranking?.meta.weights ?? null, [weights, order, ranking]);
  const shownWeights = draft ?? committed ?? {};
  useEffect(() => {
    if (!draft) return;
    const t = window.setTimeout(() => {
      const text = serializeWeights(draft, order);
      if (text) onWeightsChange(text);
      setDraft(null);
    }, 350);
    return () => window.clearTimeout(t);
  }, [draft, order, onWeightsChange]);
  const allZero = draft !== null && !Object.values(draft).some((w) => w > 0);

  // A criterion the server cannot measure here is left out of the score: no column that says "median".
  const used = criteria.filter((c) => (committed?.[c.id] ?? 0) > 0 && !c.unavailable);
  // The filtered codes as one string, so a new statsRows array with the same codes keeps the rows memoised.
  const allowedKey = areaFilter ? statsRows.map((r) => r.code).join(',') : null;
  const allowed = useMemo(() => (allowedKey === null ? null : new Set(allowedKey.split(','))), [allowedKey]);
  const rows = useMemo(
    () => (ranking && ranking.meta.gemeente === gemeente && ranking.meta.level === level ? ranking.rows.filter((r) => !allowed || allowed.has(r.code)) : []),
    [ranking, gemeente, level, allowed],
  );
  const names = useMemo(() => new Map((ranking?.rows ?? []).map((r) => [r.code, r.naam])), [ranking]);
  const rankingBy = useMemo(() => new Map((ranking?.rows ?? []).map((r) => [r.code, r])), [ranking]);
  const statsBy = useMemo(() => new Map(statsRows.map((r) => [r.code, r])), [statsRows]);

  const toggle = (code: string, on: boolean) => {
    const next = on ? [...shortlist.filter((c) => c !== code), code] : shortlist.filter((c) => c !== code);
    onShortlistChange(next);
    announce(`${names.get(code) ?? code} ${on ? 'op' : 'van'} de shortlist; ${pluralArea(next.length, level)} op de shortlist.`);
  };

  const openComparison = () => {
    setComparing((c) => !c);
    if (!comparing) requestAnimationFrame(() => comparisonRef.current?.focus());
  };

  const openSelection = (s: Selection) => {
    const w = typeof s.criteria?.weights === 'string' ? s.criteria.weights : null;
    onOpenSelection(s.codes, w);
    setOpened({ name: s.name, codes: [...s.codes].sort().join(',') });
    setComparing(true);
    announce(`Selectie "${s.name}" geopend: ${pluralArea(s.codes.length, s.codes[0]?.startsWith('WK') ? 'wijk' : 'buurt')} op de shortlist.`);
  };

  const caption = `Rangorde ${areaWord} in ${gemeenteNaam}${areaFilter ? ` (alleen aandachtsgebied ${areaFilter.name}; rang binnen de gemeente)` : ''} — ${categoryNaam}, ${period}. Score 0–100; per criterium de waarde en de percentielrang (p0–p100).`;

  return (
    <div className="workbench">
      <aside className="workbench-side" aria-label="Criteria, selecties en export">
        {scopeControls}
        {criteria.length > 0 && (
          <WeightsForm
            criteria={criteria}
            weights={shownWeights}
            onChange={(id, w) => setDraft({ ...shownWeights, [id]: w })}
            onReset={() => {
              setDraft(null);
              onWeightsChange(null);
            }}
          />
        )}
        {allZero && (
          <p className="error" role="alert">
            Geef minstens één criterium een gewicht boven 0.
          </p>
        )}
        {aside}
        <SavedSelections
          gemeente={gemeente}
          shortlist={shortlist}
          criteria={{ weights: serializeWeights(committed ?? {}, order), level, category, from, to }}
          onOpen={openSelection}
          announce={announce}
        />
        <ExportLinks
          scope={scope}
          codes={shortlist.length > 0 ? shortlist : allowed ? [...allowed] : []}
          allCount={allowed ? allowed.size : ranking?.rows.length ?? 0}
          weights={committed ? serializeWeights(committed, order) : null}
          selection={selectionName}
        />
      </aside>
      <div className="workbench-main">
        <section className="shortlist-bar" aria-labelledby="shortlist-title">
          <h2 id="shortlist-title">Shortlist</h2>
          {shortlist.length === 0 ? (
            <p className="hint">Vink {areaWord} aan in de rangorde om ze te vergelijken, op te slaan of te exporteren.</p>
          ) : (
            <ul className="shortlist-chips">
              {shortlist.map((code) => (
                <li key={code}>
                  {names.get(code) ?? code}
                  <button type="button" className="chip-remove" onClick={() => toggle(code, false)} aria-label={`Haal ${names.get(code) ?? code} van de shortlist`}>
                    ✕
                  </button>
                </li>
              ))}
            </ul>
          )}
          <div className="shortlist-actions">
            <button type="button" onClick={openComparison} disabled={shortlist.length === 0} aria-expanded={comparing && shortlist.length > 0} aria-controls="vergelijking">
              Vergelijken{shortlist.length > 0 ? ` (${formatNumber(shortlist.length)})` : ''}
            </button>
            {shortlist.length > 0 && (
              <button type="button" onClick={() => onShortlistChange([])}>
                Shortlist leegmaken
              </button>
            )}
          </div>
        </section>
        {comparing && shortlist.length > 0 && (
          <section id="vergelijking" ref={comparisonRef} tabIndex={-1} className="comparison" aria-label="Vergelijking shortlist">
            <h2>Vergelijking</h2>
            <Comparison
              codes={shortlist}
              gemeente={gemeente}
              category={category}
              from={from}
              to={to}
              names={names}
              stats={statsBy}
              ranking={rankingBy}
              hotspots={hotspots}
              onRemove={(code) => toggle(code, false)}
            />
          </section>
        )}
        <section className="ranking" aria-labelledby="ranking-title">
          <h2 id="ranking-title">Rangorde</h2>
          {rankingError && (
            <p className="error" role="alert">
              {rankingError}
            </p>
          )}
          {ranking ? (
            <>
              {ranking.meta.demo && (
                <div className="demo-notice" role="note" aria-label="DEMO-gegevens in de rangorde">
                  <strong>DEMO-gegevens:</strong>{' '}
                  {ranking.meta.demoCriteria.length > 0
                    ? `${criteria.filter((c) => ranking.meta.demoCriteria.includes(c.id)).map((c) => c.naam).join(', ')} ${ranking.meta.demoCriteria.length === 1 ? 'rekent' : 'rekenen'} (deels) met gegenereerde cijfers (de verdeling naar soort of maand).`
                    : 'de verdeling naar soort misdrijf en maand is gegenereerd.'}{' '}
                  Deze rangorde laat zien hoe de werkbank werkt; kies er geen buurten mee.
                </div>
              )}
              <p className="hint">
                Gewogen criteria: {used.map((c) => `${c.naam} (${formatNumber(committed?.[c.id] ?? 0, 1)})`).join(', ')}.
              </p>
              <RankingTable rows={rows} criteria={used} caption={caption} shortlist={shortlist} onToggle={toggle} />
              <details>
                <summary>Over de rangorde</summary>
                <ul className="hint-list">
                  {ranking.meta.notes.map((n) => (
                    <li key={n}>{n}</li>
                  ))}
                </ul>
              </details>
            </>
          ) : (
            !rankingError && <p className="hint">Rangorde wordt berekend…</p>
          )}
        </section>
      </div>
    </div>
  );
}
