// New police figures from CBS at the press of a button: what is fetched and for which gemeenten, whether it also
// happens by itself every month, and what the last press brought (per table), or why nothing changed.
import { useState } from 'react';
import { ApiRequestError, runCbsUpdate, type CbsUpdateAnswer } from '../../api/client.ts';
import { useCbsUpdateQuery, useInvalidate } from '../../api/queries.ts';
import { formatMonth, formatNumber } from '../../lib/format.ts';
import { AdminTable } from './AdminTable.tsx';
import { refusalOf } from './FieldError.tsx';
import { dateTime } from './words.ts';

/** A list as Dutch prose: "a, b en c". */
const listNl = (items: string[]): string => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} en ${items.at(-1)}`);

interface Failure {
  message: string;
  /** The server's full reason (which table, which address), for whoever looks into it. */
  detail: string | null;
}

function failureOf(err: unknown): Failure {
  if (err instanceof ApiRequestError && err.status === 502 && err.body) {
    return { message: 'CBS kon niet worden bereikt of gaf geen bruikbaar antwoord. Er is niets veranderd in de cijfers; probeer het later opnieuw.', detail: err.body.error };
  }
  return { message: refusalOf(err).message, detail: null };
}

function Result({ answer }: { answer: CbsUpdateAnswer }) {
  return (
    <AdminTable
      caption={`Opgehaald bij CBS op ${dateTime(answer.at)}`}
      label="Opgehaald bij CBS"
      columns={['Tabel', 'Opgehaalde rijen', 'Nieuwe maanden of jaren', 'Geïmporteerd']}
      rows={answer.tables}
      rowKey={(t) => t.table}
      cells={(t) => (
        <>
          <th scope="row">{t.label}</th>
          <td className="num">{formatNumber(t.rows)}</td>
          <td>{t.periods.length ? listNl(t.periods.map((p) => formatMonth(p, 'long'))) : 'geen'}</td>
          <td>{t.imported ? `ja, ${formatNumber(t.changedRows)} ${t.changedRows === 1 ? 'rij' : 'rijen'} nieuw of gewijzigd` : t.alreadyImported ? 'nee, was al geïmporteerd' : 'nee'}</td>
        </>
      )}
    />
  );
}

/** The outcome is said by its own status region (and a failure as an alert), not by the page's announcer as well. */
export function CbsUpdatePanel() {
  const status = useCbsUpdateQuery();
  const invalidate = useInvalidate();
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<CbsUpdateAnswer | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const s = status.data;

  const run = async () => {
    setBusy(true);
    setAnswer(null);
    setFailure(null);
    try {
      const a = await runCbsUpdate();
      setAnswer(a);
      // New figures (or at least a new "last fetched"): every answer the app holds may have changed.
      invalidate([]);
    } catch (err) {
      setFailure(failureOf(err));
      invalidate(['audit']);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="admin-section cbs-update" aria-labelledby="cbs-update-title" aria-busy={busy}>
      <h2 id="cbs-update-title">Nieuwe cijfers van CBS</h2>
      <p id="cbs-update-hint">
        Haalt de nieuwste politiecijfers op bij CBS
        {s ? ` (${listNl(s.tables.map((t) => t.label.toLowerCase()))}) voor ${listNl(s.gemeenten.map((g) => g.naam))}` : ''}. Alleen maanden en jaren die
        hier nog ontbreken worden opgehaald; ze worden geïmporteerd zoals een gedownload bestand en staan daarna bij de imports hierboven. Kan CBS niet
        worden bereikt, dan verandert er niets.
      </p>
      {status.isError && <p role="alert">Het overzicht kon niet worden geladen. Probeer het opnieuw.</p>}
      {s && (
        <dl className="fixed-settings">
          <dt>Automatisch ophalen</dt>
          <dd>{s.schedule === 'maandelijks' ? 'aan: eens per maand' : 'uit: alleen met de knop'}</dd>
          <dt>Laatst opgehaald</dt>
          <dd>{s.lastRun ? `${dateTime(s.lastRun.at)}${s.lastRun.by ? ` door ${s.lastRun.by}` : ' (automatisch)'}` : 'nog nooit'}</dd>
        </dl>
      )}
      <div className="button-row cbs-update-action">
        <button type="button" onClick={() => void run()} disabled={busy} aria-describedby="cbs-update-hint">
          Nu ophalen bij CBS
        </button>
      </div>
      <p className={answer ? 'cbs-update-status import-report' : 'cbs-update-status'} role="status">
        {busy ? 'Bezig met ophalen bij CBS…' : (answer?.summary ?? '')}
      </p>
      {failure && (
        <div className="import-refusal" role="alert">
          <p>{failure.message}</p>
          {failure.detail && (
            <details>
              <summary>Meer over de fout</summary>
              <p className="cbs-update-detail">{failure.detail}</p>
            </details>
          )}
        </div>
      )}
      {answer && <Result answer={answer} />}
    </section>
  );
}
