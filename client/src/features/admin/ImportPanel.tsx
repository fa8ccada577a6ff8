// Imports: upload a file (every format the import takes), see how far the upload is, then the import report or the
// refused lines in a table (a refused file stores nothing); below, every import (this page, the command line, the
// sources loaded at start): who, when, what file, what changed, and undo of the last one.
import { useRef, useState, type FormEvent } from 'react';
import { reimportImport, undoImport, uploadImport, type ImportHistoryRow, type UploadOutcome } from '../../api/client.ts';
import { useImportsQuery, useInvalidate } from '../../api/queries.ts';
import { AdminTable } from './AdminTable.tsx';
import { ConfirmStep } from './ConfirmStep.tsx';
import { FormError, refusalOf, type Refusal } from './FieldError.tsx';
import { dateTime, detailText, fieldLabel } from './words.ts';

const FORMATS: Record<string, string> = {
  'cbs-47022NED': 'CBS-tabel 47022NED (misdrijven per buurt en maand)',
  'cbs-47018NED': 'CBS-tabel 47018NED (misdrijven per soort en jaar)',
  'cbs-47024NED': 'CBS-tabel 47024NED (overlastregistraties per soort en jaar)',
  'cbs-85984NED': 'CBS Kerncijfers wijken en buurten (inwoners)',
  'yearly-totals': 'jaartotalen per buurt',
  'police-extract': 'politie-extract (registraties met plaats)',
  survey: 'Veiligheidsmonitor-uitkomsten',
  'survey-plan': 'Veiligheidsmonitor-waarden uit het veiligheidsplan',
  'source-seed': 'jaartotalen en inwoners uit de bronbestanden',
  'source-seed-gemeente-types': 'misdrijven per gemeente en soort uit de bronbestanden',
};
const VIA: Record<ImportHistoryRow['via'], string> = { pagina: '', opdrachtregel: 'opdrachtregel', bron: 'bij de start geladen' };
const nl = (n: number) => n.toLocaleString('nl-NL');

function Outcome({ outcome }: { outcome: UploadOutcome }) {
  if (outcome.ok) {
    const r = outcome.report;
    return (
      <div className="import-report" role="status">
        <p>
          <strong>{r.file}</strong> is geïmporteerd als {FORMATS[r.format] ?? r.format}:{' '}
          {r.alreadyImported ? 'dit bestand was al geïmporteerd, er is niets veranderd.' : `${nl(r.changedRows)} rijen toegevoegd of gewijzigd.`}
        </p>
        {Object.keys(r.summary).length > 0 && <p className="hint">{detailText(r.summary)}</p>}
        {r.warnings.length > 0 && (
          <ul aria-label="Waarschuwingen">
            {r.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        )}
      </div>
    );
  }
  const f = outcome.refusal;
  return (
    <div className="import-refusal" role="alert">
      <p>
        Het bestand is geweigerd; er is niets opgeslagen. {f.issueCount === 1 ? 'Eén fout' : `${nl(f.issueCount ?? 0)} fouten`}:
      </p>
      <AdminTable
        caption="Fouten per regel"
        label="Fouten in het bestand"
        columns={['Regel', 'Veld', 'Reden']}
        rows={f.issues ?? []}
        rowKey={(i) => `${i.line}-${i.field}-${i.reason}`}
        cells={(i) => (
          <>
            <td className="num">{i.line > 0 ? nl(i.line) : '—'}</td>
            <td>{fieldLabel(i.field)}</td>
            <td>{i.reason}</td>
          </>
        )}
      />
      {(f.more ?? 0) > 0 && <p>En nog {nl(f.more ?? 0)} fouten; verbeter eerst deze.</p>}
    </div>
  );
}

/** The history's undo cell: the button on the newest undoable import, then an inline confirmation. */
function UndoCell({ row, busy, onUndo }: { row: ImportHistoryRow; busy: boolean; onUndo: (row: ImportHistoryRow) => void }) {
  const [confirming, setConfirming] = useState(false);
  if (!row.undoable) return <span className="hint">{row.undoNote}</span>;
  return (
    <ConfirmStep
      open={confirming}
      onOpenChange={setConfirming}
      ask="Laatste import ongedaan maken"
      askProps={{ 'aria-describedby': 'import-undo-hint' }}
      label="Ongedaan maken bevestigen"
      question={`${row.file} echt ongedaan maken?`}
      confirm="Ja, ongedaan maken"
      cancel="Nee"
      onConfirm={() => onUndo(row)}
      busy={busy}
      danger
    />
  );
}

function History({ announce }: { announce: (m: string) => void }) {
  const history = useImportsQuery();
  const invalidate = useInvalidate();
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const regionRef = useRef<HTMLDivElement>(null);

  const reimport = async (id: number, file: string) => {
    setBusy(true);
    setRefusal(null);
    setDone(null);
    try {
      const r = await reimportImport(id);
      const message = `${file} is opnieuw geïmporteerd: ${nl(r.changedRows)} rijen toegevoegd of gewijzigd.`;
      setDone(message);
      announce(message);
      invalidate([]);
      regionRef.current?.focus();
    } catch (err) {
      setRefusal(refusalOf(err));
    } finally {
      setBusy(false);
    }
  };

  const undo = async (row: ImportHistoryRow) => {
    setBusy(true);
    setRefusal(null);
    setDone(null);
    try {
      const r = await undoImport(row.id);
      const message = `De import van ${r.undone.file} is ongedaan gemaakt: ${nl(r.restoredRows)} rijen teruggezet. Het bestand kan opnieuw worden geïmporteerd.`;
      setDone(message);
      announce(message);
      // Other figures: every answer the app holds may have changed, the history included.
      invalidate([]);
      regionRef.current?.focus();
    } catch (err) {
      setRefusal(refusalOf(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {done && (
        <p className="import-report" role="status">
          {done}
        </p>
      )}
      <FormError id="import-undo-error" refusal={refusal} />
      {history.isError && <p role="alert">De importgeschiedenis kon niet worden geladen. Probeer het opnieuw.</p>}
      <AdminTable
        ref={regionRef}
        caption="Alle imports, nieuwste eerst: via deze pagina, via de opdrachtregel, automatische updates en de bronbestanden die bij de start zijn geladen"
        label="Eerdere imports"
        columns={['Tijdstip', 'Bestand', 'Soort', 'Door', 'Gewijzigde rijen']}
        rows={history.data?.imports ?? []}
        rowKey={(i) => i.id}
        cells={(i) => (
          <>
            <td>{dateTime(i.importedAt)}</td>
            <th scope="row" className="import-file">
              {i.file}
            </th>
            <td>{FORMATS[i.format] ?? i.format}</td>
            <td>{i.importedBy ?? (i.automatic ? 'automatische update' : VIA[i.via])}</td>
            <td className="num">{i.changedRows === null ? 'onbekend' : nl(i.changedRows)}</td>
          </>
        )}
        actionsHeader="Ongedaan maken"
        actionsClassName="import-undo"
        actions={(i) => <UndoCell row={i} busy={busy} onUndo={(row) => void undo(row)} />}
      />
      {(history.data?.reimportable.length ?? 0) > 0 && (
        <ul className="import-reimport" aria-label="Ongedaan gemaakte uploads">
          {history.data?.reimportable.map((r) => (
            <li key={r.id}>
              {`${r.file} (import ${r.id}, ongedaan gemaakt) `}
              <button type="button" onClick={() => void reimport(r.id, r.file)} disabled={busy}>
                Opnieuw importeren
              </button>
            </li>
          ))}
        </ul>
      )}
      <p id="import-undo-hint" className="hint">
        Alleen de laatste import kan ongedaan worden gemaakt: wat die toevoegde verdwijnt, wat die wijzigde krijgt de vorige waarde terug. Een geüpload
        bestand wordt bewaard en kan daarna opnieuw worden geïmporteerd.
      </p>
    </>
  );
}

export interface ImportPanelProps {
  /** The gemeente a police extract is for (null: the server's default gemeente). */
  gemeente: string | null;
  gemeenteNaam: string | null;
  announce: (m: string) => void;
}

export function ImportPanel({ gemeente, gemeenteNaam, announce }: ImportPanelProps) {
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [outcome, setOutcome] = useState<UploadOutcome | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [partial, setPartial] = useState(false);
  const invalidate = useInvalidate();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setOutcome(null);
    setRefusal(null);
    setProgress(0);
    try {
      const result = await uploadImport(file, gemeente, setProgress, partial);
      setOutcome(result);
      announce(result.ok ? `${file.name} is geïmporteerd.` : `${file.name} is geweigerd; er is niets opgeslagen.`);
      // New figures: every answer the app holds may have changed.
      if (result.ok) invalidate([]);
      else invalidate(['audit']);
    } catch (err) {
      setRefusal(refusalOf(err));
    } finally {
      setProgress(null);
    }
  };

  return (
    <section className="admin-section" aria-labelledby="imports-title">
      <h2 id="imports-title">Imports</h2>
      <form className="admin-form" onSubmit={(e) => void submit(e)} aria-labelledby="imports-title">
        <div className="form-row">
          <label htmlFor="import-file">Bestand</label>
          <input id="import-file" type="file" accept=".csv,.txt,.json,.zip" aria-describedby="import-hint" onChange={(e) => setFile(e.target.files?.[0] ?? null)} required />
          <p id="import-hint" className="hint">
            CBS-tabellen (47022NED, 47024NED, 47018NED), jaartotalen per buurt, het maandextract van de politie of uitkomsten van de Veiligheidsmonitor. {gemeenteNaam ? `Een politie-extract hoort bij ${gemeenteNaam}.` : 'Een politie-extract hoort bij de standaardgemeente; kies eerst een gemeente voor een andere.'}
          </p>
        </div>
        <div className="form-row">
          <label className="check">
            <input type="checkbox" checked={partial} onChange={(e) => setPartial(e.target.checked)} aria-describedby="import-partial-hint" />
            Onvolledige maanden toch vervangen
          </label>
          <p id="import-partial-hint" className="hint">
            Een politie-extract vervangt de hele maand. Bevat het veel minder misdrijven dan de maand nu telt, dan wordt het geweigerd, tenzij dit is aangevinkt.
          </p>
        </div>
        <button type="submit" disabled={!file || progress !== null}>
          Importeren
        </button>
        {progress !== null && (
          <p>
            <label htmlFor="import-progress">Uploaden: </label>
            <progress id="import-progress" max={1} value={progress}>
              {Math.round(progress * 100)}%
            </progress>{' '}
            {progress >= 1 ? 'bestand ontvangen, wordt gecontroleerd…' : `${Math.round(progress * 100)}%`}
          </p>
        )}
        <FormError id="import-error" refusal={refusal} />
      </form>
      {outcome && <Outcome outcome={outcome} />}
      <History announce={announce} />
    </section>
  );
}
