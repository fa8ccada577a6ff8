// All view controls: gemeente, level, category, measure, period and classification. Labelled and keyboard-usable.
import { useId, useMemo, useState } from 'react';
import type { Category, Gemeente, Measure } from '../../../../server/src/domain/model.ts';
import { CLASS_METHODS, MAX_CLASSES, MIN_CLASSES, type ClassMethod } from '../../lib/classes.ts';
import { formatMonth, formatNumber, parseDutchNumber, compareNl } from '../../lib/format.ts';
import { MEASURES, measureInfo, registrationsOf } from '../../lib/measures.ts';
import type { AreaLevel } from '../../lib/level.ts';

export interface FilterValues {
  gemeente: string;
  level: AreaLevel;
  category: string;
  from: string;
  to: string;
  measure: Measure;
  method: ClassMethod;
  classes: number;
  fixed: boolean;
  breaks: number[];
}

export interface FiltersProps {
  values: FilterValues;
  gemeenten: Gemeente[];
  categories: Category[];
  /** All selectable months, ascending (YYYY-MM). */
  months: string[];
  /** Thresholds currently used on the map (shown as starting point for manual bounds). */
  currentBreaks: number[];
  decimals: number;
  onChange: (patch: Partial<FilterValues>) => void;
}

interface CategoryGroup {
  label: string;
  items: Category[];
}

/**
 * Orders categories for the select: totaal, composite groups, main groups, the crime types per CBS main
 * group, then police nuisance registrations.
 */
export function groupCategories(categories: Category[]): CategoryGroup[] {
  const numeric = (a: Category, b: Category) => compareNl(a.code, b.code);
  const isTotal = (c: Category) => c.code === '0.0.0' || c.groep === 'totaal';
  const total = categories.filter(isTotal);
  const composite = categories.filter((c) => !isTotal(c) && c.groep === 'samengesteld');
  const overlast = categories.filter((c) => !isTotal(c) && c.groep === 'overlast');
  const rest = categories.filter((c) => !isTotal(c) && c.groep !== 'samengesteld' && c.groep !== 'overlast');
  const mains = rest.filter((c) => c.kind === 'group');
  const types = rest.filter((c) => c.kind === 'type');
  const groups: CategoryGroup[] = [];
  if (total.length) groups.push({ label: 'Totaal', items: total });
  if (composite.length) groups.push({ label: 'Samengestelde groepen', items: composite });
  if (mains.length) groups.push({ label: 'Hoofdgroepen', items: mains });
  const byGroep = new Map<string, Category[]>();
  for (const t of types) {
    const list = byGroep.get(t.groep) ?? [];
    list.push(t);
    byGroep.set(t.groep, list);
  }
  for (const [groep, items] of [...byGroep].sort(([a], [b]) => compareNl(a, b))) {
    groups.push({ label: `Soorten misdrijf ${groep}.x`, items: items.sort(numeric) });
  }
  if (overlast.length) {
    groups.push({ label: 'Overlast (registraties)', items: overlast.sort((a, b) => (a.kind === b.kind ? numeric(a, b) : a.kind === 'group' ? -1 : 1)) });
  }
  return groups;
}

function categoryLabel(c: Category): string {
  // Crime types carry their CBS code ("1.1.1 Diefstal/inbraak woning"); groups and nuisance codes do not.
  return c.kind === 'type' && /^\d/.test(c.code) && !c.naam.startsWith(c.code) ? `${c.code} ${c.naam}` : c.naam;
}

type FieldProps = Pick<FiltersProps, 'values' | 'onChange'>;

export function Filters({ values, gemeenten, categories, months, currentBreaks, decimals, onChange }: FiltersProps) {
  const id = useId();
  const sortedGemeenten = useMemo(() => [...gemeenten].sort((a, b) => compareNl(a.naam, b.naam)), [gemeenten]);
  return (
    <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label="Filters">
      <fieldset>
        <legend>Gebied</legend>
        <div className="field">
          <label htmlFor={`${id}-gemeente`}>Gemeente</label>
          <select id={`${id}-gemeente`} value={values.gemeente} onChange={(e) => onChange({ gemeente: e.target.value })}>
            {sortedGemeenten.length === 0 && values.gemeente !== 'NL' && <option value={values.gemeente}>{values.gemeente}</option>}
            {/* The whole country: every buurt at once (gemeente=NL on the API; not in /api/gemeenten). */}
            <option value="NL">Nederland (alle gemeenten)</option>
            {sortedGemeenten.map((g) => (
              <option key={g.code} value={g.code}>
                {g.naam}
              </option>
            ))}
          </select>
        </div>
        <LevelField values={values} onChange={onChange} />
      </fieldset>

      <fieldset>
        <legend>Registraties</legend>
        <CategoryField values={values} categories={categories} onChange={onChange} />
        <div className="field">
          <label htmlFor={`${id}-measure`}>Maat</label>
          <select id={`${id}-measure`} value={values.measure} onChange={(e) => onChange({ measure: e.target.value as Measure })}>
            {MEASURES.map((m) => (
              <option key={m.key} value={m.key}>
                {measureInfo(m.key, registrationsOf(categories, values.category)).title}
              </option>
            ))}
          </select>
        </div>
      </fieldset>

      <fieldset>
        <legend>Periode</legend>
        <PeriodFields values={values} months={months} onChange={onChange} />
      </fieldset>

      <ClassingFields values={values} currentBreaks={currentBreaks} decimals={decimals} onChange={onChange} />
    </form>
  );
}

const LEVEL_LABELS: Record<AreaLevel, string> = { gemeente: 'Gemeenten', buurt: 'Buurten', wijk: 'Wijken' };

/** Buurten or wijken as radio buttons; for the whole country its gemeenten too (and first). */
export function LevelField({ values, onChange }: FieldProps) {
  const id = useId();
  const levels: AreaLevel[] = values.gemeente === 'NL' ? ['gemeente', 'buurt', 'wijk'] : ['buurt', 'wijk'];
  return (
    <div className="field">
      <span className="field-label" id={`${id}-level-label`}>
        Niveau
      </span>
      <div className="segmented" role="radiogroup" aria-labelledby={`${id}-level-label`}>
        {levels.map((lvl) => (
          <label key={lvl} className="segmented-option">
            <input type="radio" name={`${id}-level`} value={lvl} checked={values.level === lvl} onChange={() => onChange({ level: lvl })} />
            <span>{LEVEL_LABELS[lvl]}</span>
          </label>
        ))}
      </div>
    </div>
  );
}

/** The crime type or group, grouped as the police and CBS group them. */
export function CategoryField({ values, categories, onChange }: FieldProps & { categories: Category[] }) {
  const id = useId();
  const groups = useMemo(() => groupCategories(categories), [categories]);
  return (
    <div className="field">
      <label htmlFor={`${id}-category`}>Soort misdrijf of overlast</label>
      <select id={`${id}-category`} value={values.category} onChange={(e) => onChange({ category: e.target.value })}>
        {groups.length === 0 && <option value={values.category}>{values.category}</option>}
        {groups.map((g) => (
          <optgroup key={g.label} label={g.label}>
            {g.items.map((c) => (
              <option key={c.code} value={c.code}>
                {categoryLabel(c)}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
}

/** From and to month, with quick picks for the last month, the last twelve and each calendar year. */
export function PeriodFields({ values, months, onChange }: FieldProps & { months: string[] }) {
  const id = useId();
  const years = useMemo(() => [...new Set(months.map((m) => m.slice(0, 4)))], [months]);
  const last = months.at(-1) ?? values.to;
  const twelveBack = months[Math.max(0, months.length - 12)] ?? values.from;
  const setPeriod = (from: string, to: string) => onChange(from <= to ? { from, to } : { from: to, to: from });
  return (
    <>
      <div className="field-row">
        <MonthField id={`${id}-from`} label="Van" value={values.from} months={months} onChange={(m) => setPeriod(m, values.to)} />
        <MonthField id={`${id}-to`} label="Tot en met" value={values.to} months={months} onChange={(m) => setPeriod(values.from, m)} />
      </div>
      <div className="quick-picks" role="group" aria-label="Snelkeuze periode">
        <button type="button" aria-pressed={values.from === last && values.to === last} onClick={() => setPeriod(last, last)}>
          Laatste maand
        </button>
        <button type="button" aria-pressed={values.from === twelveBack && values.to === last} onClick={() => setPeriod(twelveBack, last)}>
          Laatste 12 maanden
        </button>
        {years.map((y) => (
          <button
            key={y}
            type="button"
            aria-pressed={values.from === `${y}-01` && values.to === `${y}-12`}
            aria-label={`Kalenderjaar ${y}`}
            onClick={() => setPeriod(`${y}-01`, `${y}-12`)}
          >
            {y}
          </button>
        ))}
      </div>
    </>
  );
}

/** Class method, number of classes, manual bounds and "fix the classes". */
function ClassingFields({ values, currentBreaks, decimals, onChange }: Pick<FiltersProps, 'values' | 'currentBreaks' | 'decimals' | 'onChange'>) {
  const id = useId();
  const [manualText, setManualText] = useState('');
  const [manualError, setManualError] = useState<string | null>(null);
  // The text follows the bounds only when switching to manual or when they change from outside (URL),
  // not while the user types.
  const manualBreaks = values.method === 'manual' ? values.breaks.join(',') : null;
  const [shownBreaks, setShownBreaks] = useState<string | null>(null);
  if (manualBreaks !== shownBreaks) {
    setShownBreaks(manualBreaks);
    if (manualBreaks !== null) setManualText(values.breaks.map((b) => formatNumber(b, decimals)).join('; '));
  }

  const applyManual = () => {
    const parts = manualText.split(/[;\s]+/).filter((s) => s !== '');
    const nums = parts.map(parseDutchNumber);
    if (nums.length < MIN_CLASSES - 1 || nums.length > MAX_CLASSES - 1 || nums.some((n) => n === null)) {
      setManualError(`Geef ${MIN_CLASSES - 1} tot ${MAX_CLASSES - 1} getallen, gescheiden door een puntkomma, bijvoorbeeld "10; 20; 40".`);
      return;
    }
    const sorted = [...new Set(nums as number[])].sort((a, b) => a - b);
    if (sorted.length !== nums.length) {
      setManualError('Elke grens mag maar één keer voorkomen.');
      return;
    }
    setManualError(null);
    onChange({ method: 'manual', breaks: sorted, classes: sorted.length + 1 });
  };

  return (
    <fieldset>
      <legend>Klassen en kleuren</legend>
      <div className="field">
        <label htmlFor={`${id}-method`}>Indeling</label>
        <select
          id={`${id}-method`}
          value={values.method}
          disabled={values.fixed}
          aria-describedby={values.fixed ? `${id}-fixed-hint` : undefined}
          onChange={(e) => {
            const method = e.target.value as ClassMethod;
            if (method === 'manual') onChange({ method, breaks: currentBreaks, classes: currentBreaks.length + 1 });
            else onChange({ method, breaks: [] });
          }}
        >
          {CLASS_METHODS.map((m) => (
            <option key={m.key} value={m.key}>
              {m.label}
            </option>
          ))}
        </select>
      </div>
      {values.method !== 'manual' && (
        <div className="field">
          <label htmlFor={`${id}-classes`}>Aantal klassen</label>
          <select
            id={`${id}-classes`}
            value={values.classes}
            disabled={values.fixed}
            aria-describedby={values.fixed ? `${id}-fixed-hint` : undefined}
            onChange={(e) => onChange({ classes: Number(e.target.value) })}
          >
            {Array.from({ length: MAX_CLASSES - MIN_CLASSES + 1 }, (_, i) => MIN_CLASSES + i).map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </div>
      )}
      {values.method === 'manual' && (
        <div className="field">
          <label htmlFor={`${id}-manual`}>Klassegrenzen</label>
          <div className="field-inline">
            <input
              id={`${id}-manual`}
              type="text"
              inputMode="decimal"
              value={manualText}
              aria-invalid={manualError ? true : undefined}
              aria-describedby={`${id}-manual-hint${manualError ? ` ${id}-manual-error` : ''}`}
              onChange={(e) => setManualText(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  applyManual();
                }
              }}
            />
            <button type="button" onClick={applyManual}>
              Toepassen
            </button>
          </div>
          <p className="hint" id={`${id}-manual-hint`}>
            Gescheiden door een puntkomma, bijvoorbeeld 10; 20; 40.
          </p>
          {manualError && (
            <p className="error" id={`${id}-manual-error`}>
              {manualError}
            </p>
          )}
        </div>
      )}
      <div className="field field-check">
        <input
          id={`${id}-fixed`}
          type="checkbox"
          checked={values.fixed}
          aria-describedby={`${id}-fixed-hint`}
          onChange={(e) => onChange({ fixed: e.target.checked })}
        />
        <label htmlFor={`${id}-fixed`}>Klassen vastzetten</label>
      </div>
      <p className="hint" id={`${id}-fixed-hint`}>
        Houdt de klassegrenzen gelijk als u periode of soort misdrijf wijzigt, zodat maanden te vergelijken zijn.
      </p>
    </fieldset>
  );
}

function MonthField({ id, label, value, months, onChange }: { id: string; label: string; value: string; months: string[]; onChange: (month: string) => void }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {months.map((m) => (
          <option key={m} value={m}>
            {formatMonth(m)}
          </option>
        ))}
      </select>
    </div>
  );
}
