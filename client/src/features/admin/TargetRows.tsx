// The targets of one indicator as rows: year, comparison, value (or, while the value is not published,
// the reference it will be, e.g. "G32-gemiddelde"). Rows are added and removed with buttons; each
// field is labelled for a screen reader with its row ("Doel 2: jaar").
import { emptyTarget, OPERATORS, type TargetDraft } from './planDraft.ts';

interface Props {
  rows: TargetDraft[];
  onChange: (rows: TargetDraft[]) => void;
  /** aria-invalid and aria-describedby for the field the last refusal named (e.g. 'targets.1.year'). */
  invalid: (field: string) => Record<string, unknown>;
}

export function TargetRows({ rows, onChange, invalid }: Props) {
  const set = (i: number, change: Partial<TargetDraft>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...change } : r)));
  return (
    <fieldset className="target-rows">
      <legend>Doelen</legend>
      <table className="area-table">
        <caption className="visually-hidden">Doelen per jaar</caption>
        <thead>
          <tr>
            <th scope="col">Jaar</th>
            <th scope="col">Vergelijking</th>
            <th scope="col">Waarde</th>
            <th scope="col">Of referentie</th>
            <th scope="col">
              <span className="visually-hidden">Verwijderen</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              <td>
                <input inputMode="numeric" size={5} value={r.year} onChange={(e) => set(i, { year: e.target.value })} aria-label={`Doel ${i + 1}: jaar`} {...invalid(`targets.${i}.year`)} />
              </td>
              <td>
                <select value={r.operator} onChange={(e) => set(i, { operator: OPERATORS.find((o) => o.op === e.target.value)?.op ?? '<=' })} aria-label={`Doel ${i + 1}: vergelijking`} {...invalid(`targets.${i}.operator`)}>
                  {OPERATORS.map((o) => (
                    <option key={o.op} value={o.op}>
                      {o.label}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <input inputMode="decimal" size={6} value={r.value} onChange={(e) => set(i, { value: e.target.value })} aria-label={`Doel ${i + 1}: waarde`} {...invalid(`targets.${i}.value`)} />
              </td>
              <td>
                <input size={14} value={r.reference} onChange={(e) => set(i, { reference: e.target.value })} aria-label={`Doel ${i + 1}: referentie (als de waarde nog niet bekend is)`} {...invalid(`targets.${i}.reference`)} />
              </td>
              <td>
                <button type="button" onClick={() => onChange(rows.filter((_, j) => j !== i))} disabled={rows.length === 1} aria-label={`Doel ${i + 1} verwijderen`}>
                  Verwijderen
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={() => onChange([...rows, emptyTarget()])}>
        Doel toevoegen
      </button>
    </fieldset>
  );
}
