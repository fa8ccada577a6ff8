// Imports: upload a file (every format the import takes), see how far the upload is, then the import report or the
// refused lines in a table (a refused file stores nothing); below, who imported what and when.
import { useState, type FormEvent } from 'react';
import { uploadImport, type UploadOutcome } from '../../api/client.ts';
import { useAuditQuery, useInvalidate } from '../../api/queries.ts';
import { FormError, refusalOf, type Refusal } from './FieldError.tsx';
import { dateTime, detailText } from './words.ts';

const FORMATS: Record<string, string> = {
  'cbs-47022NED': 'CBS-tabel 47022NED (misdrijven per buurt en maand)',
  'cbs-47018NED': 'CBS-tabel 47018NED (misdrijven per gemeente en soort)',
  'cbs-47024NED': 'CBS-tabel 47024NED (misdrijven per buurt en jaar)',
  'yearly-totals': 'jaartotalen per buurt',
  'police-extract': 'politie-extract (registraties met plaats)',
  survey: 'Veiligheidsmonitor-uitkomsten',
};
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
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Fouten in het bestand">
        <table className="area-table">
          <caption>Fouten per regel</caption>
          <thead>
            <tr>
              <th scope="col">Regel</th>
              <th scope="col">Veld</th>
              <th scope="col">Reden</th>
            </tr>
          </thead>
          <tbody>
            {(f.issues ?? []).map((i) => (
              <tr key={`${i.line}-${i.field}-${i.reason}`}>
                <td className="num">{i.line > 0 ? nl(i.line) : '—'}</td>
                <td>{i.field || '—'}</td>
                <td>{i.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {(f.more ?? 0) > 0 && <p>En nog {nl(f.more ?? 0)} fouten; verbeter eerst deze.</p>}
    </div>
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
  const history = useAuditQuery({ action: 'import' });
  const invalidate = useInvalidate();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setOutcome(null);
    setRefusal(null);
    setProgress(0);
    try {
      const result = await uploadImport(file, gemeente, setProgress);
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
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Eerdere imports">
        <table className="area-table">
          <caption>Eerdere imports via deze pagina (imports via de opdrachtregel staan onder Gegevens)</caption>
          <thead>
            <tr>
              <th scope="col">Tijdstip</th>
              <th scope="col">Door</th>
              <th scope="col">Wat</th>
            </tr>
          </thead>
          <tbody>
            {(history.data?.entries ?? []).map((e) => (
              <tr key={e.id}>
                <td>{dateTime(e.at)}</td>
                <td>{e.username ?? '—'}</td>
                <td className="audit-detail">{detailText(e.detail)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
