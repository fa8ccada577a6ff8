// The plan's effect indicators and targets, entered and changed in the browser: a new plan needs no file
// edit. Every save is a new version of the whole plan on the server (validated there, audited), shown on
// the Doelen page and in the reports at once; older versions can be restored.
import { useMemo, useState } from 'react';
import { saveTargetPlan, type PlanContent, type PlanVersion, type TargetIndicator } from '../../api/client.ts';
import { errorText, useCategoriesQuery, useInvalidate, useSurveyIndicatorsQuery, useTargetPlanQuery } from '../../api/queries.ts';
import { AdminTable } from './AdminTable.tsx';
import { ConfirmStep } from './ConfirmStep.tsx';
import { IndicatorEditor } from './IndicatorEditor.tsx';
import { PlanHistory } from './PlanHistory.tsx';
import { PlanSource } from './PlanSource.tsx';
import { idFor, targetsLine } from './planDraft.ts';
import { FormError, refusalOf, type Refusal } from './FieldError.tsx';

interface Props {
  gemeente: string;
  gemeenteNaam: string;
  announce: (message: string) => void;
}

export function TargetsPanel({ gemeente, gemeenteNaam, announce }: Props) {
  const plan = useTargetPlanQuery(gemeente);
  const surveyIndicators = useSurveyIndicatorsQuery();
  const categories = useCategoriesQuery();
  const invalidate = useInvalidate();
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const current: PlanContent | null = plan.data?.plan ?? null;
  const indicators = useMemo(() => current?.indicators ?? [], [current]);

  /** Saves the whole plan; throws the server's refusal to the caller (the editor marks the field). */
  const save = async (next: PlanContent, message: string) => {
    await saveTargetPlan(gemeente, next);
    setEditing(null);
    setRemoving(null);
    announce(message);
    for (const key of [['target-plan', gemeente], ['targets', gemeente], ['audit']]) invalidate(key);
  };
  /** For actions without a form of their own (remove, restore): the refusal shown under the table. */
  const act = async (next: PlanContent, message: string) => {
    setBusy(true);
    setRefusal(null);
    try {
      await save(next, message);
    } catch (err) {
      setRefusal(refusalOf(err));
    } finally {
      setBusy(false);
    }
  };
  const withIndicator = (ind: TargetIndicator): PlanContent => {
    const list = indicators.some((i) => i.id === ind.id) ? indicators.map((i) => (i.id === ind.id ? ind : i)) : [...indicators, ind];
    return { bron: current?.bron ?? `Veiligheidsplan ${gemeenteNaam}`, indicators: list };
  };
  const restore = (v: PlanVersion) => void act(v.plan, `De versie van het plan is teruggezet; de doelen van ${gemeenteNaam} gelden nu zoals toen.`);
  const editingIndicator = indicators.find((i) => i.id === editing) ?? null;

  return (
    <section className="admin-section" aria-labelledby="targets-admin-title">
      <h2 id="targets-admin-title">Doelen van het plan ({gemeenteNaam})</h2>
      {plan.error && <p role="alert">{errorText(plan.error)}</p>}
      <p className="hint">
        {plan.data?.origin === 'browser' && 'Dit plan is hier in de browser vastgelegd. '}
        {plan.data?.origin === 'file' && 'Dit plan is met de applicatie meegeleverd; een wijziging hier wordt een eigen versie. '}
        {plan.data?.origin === null && `${gemeenteNaam} heeft nog geen plan met doelen. Voeg de eerste indicator toe. `}
        Een doel wordt alleen beoordeeld op een echte, vergelijkbare meting.
      </p>
      {current && <PlanSource bron={current.bron} onSave={(bron) => save({ ...current, bron }, 'De bron van het plan is opgeslagen.')} />}
      {indicators.length > 0 && (
        <AdminTable
          caption={`Indicatoren en doelen (${indicators.length})`}
          label="Indicatoren van het plan"
          columns={['Indicator', 'Gemeten met', 'Doelen']}
          rows={indicators}
          rowKey={(i) => i.id}
          cells={(i) => (
            <>
              <th scope="row">{i.label}</th>
              <td>{i.source === 'politie' ? 'Politie' : 'Veiligheidsmonitor'}</td>
              <td>{targetsLine(i)}</td>
            </>
          )}
          actionsClassName="button-row"
          actions={(i) => (
            <>
              <button type="button" onClick={() => setEditing(i.id)} aria-expanded={editing === i.id} aria-label={`${i.label} wijzigen`}>
                Wijzigen
              </button>
              <ConfirmStep
                open={removing === i.id}
                onOpenChange={(open) => setRemoving(open ? i.id : null)}
                ask="Verwijderen"
                askProps={{ 'aria-label': `${i.label} verwijderen` }}
                label="Verwijderen bevestigen"
                question={`${i.label} uit het plan halen?`}
                confirm="Ja, verwijderen"
                cancel="Niet verwijderen"
                onConfirm={() => void act({ bron: current!.bron, indicators: indicators.filter((x) => x.id !== i.id) }, `${i.label} is uit het plan gehaald.`)}
                busy={busy}
                confirmDisabled={indicators.length === 1}
              />
            </>
          )}
        />
      )}
      <FormError id="targets-admin-error" refusal={refusal} />
      {editing === null ? (
        <button type="button" onClick={() => setEditing('new')} disabled={!plan.data}>
          Indicator toevoegen
        </button>
      ) : (
        <IndicatorEditor
          key={editing}
          indicator={editingIndicator}
          idFor={(label) => idFor(label, new Set(indicators.map((i) => i.id)))}
          surveyIndicators={surveyIndicators.data ?? []}
          categories={categories.data ?? []}
          onSave={(ind) => save(withIndicator(ind), `${ind.label} is opgeslagen in het plan van ${gemeenteNaam}.`)}
          onCancel={() => setEditing(null)}
        />
      )}
      <h3>Versies</h3>
      <PlanHistory history={plan.data?.history ?? []} onRestore={restore} busy={busy} />
    </section>
  );
}
