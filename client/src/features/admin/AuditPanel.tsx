// The audit trail: who did what, when; narrowed by user, action, part of the application and days, and exported as CSV for a spreadsheet.
import { useState, type FormEvent } from 'react';
import { auditCsvUrl, type AuditFilter } from '../../api/client.ts';
import { errorText, useAuditQuery } from '../../api/queries.ts';
import { AdminTable } from './AdminTable.tsx';
import { ACTIONS, actionLabel, dateTime, detailText, RESOURCES, resourceLabel, roleLabel } from './words.ts';

export function AuditPanel() {
  const [draft, setDraft] = useState<AuditFilter>({});
  const [filter, setFilter] = useState<AuditFilter>({});
  const audit = useAuditQuery(filter);
  const entries = audit.data?.entries ?? [];
  const apply = (e: FormEvent) => {
    e.preventDefault();
    setFilter({ ...draft });
  };
  const set = (k: keyof AuditFilter) => (v: string) => setDraft((d) => ({ ...d, [k]: v || undefined }));

  return (
    <section className="admin-section" aria-labelledby="audit-title">
      <h2 id="audit-title">Audittrail</h2>
      <form className="admin-filter" onSubmit={apply} aria-label="Audittrail filteren">
        <div className="form-row">
          <label htmlFor="audit-user">Gebruiker</label>
          <input id="audit-user" value={draft.username ?? ''} onChange={(e) => set('username')(e.target.value)} />
        </div>
        <div className="form-row">
          <label htmlFor="audit-action">Actie</label>
          <select id="audit-action" value={draft.action ?? ''} onChange={(e) => set('action')(e.target.value)}>
            <option value="">Alle acties</option>
            {Object.entries(ACTIONS).map(([k, label]) => (
              <option key={k} value={k}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="form-row">
          <label htmlFor="audit-resource">Onderdeel</label>
          <select id="audit-resource" value={draft.resource ?? ''} onChange={(e) => set('resource')(e.target.value)}>
            <option value="">Alle onderdelen</option>
            {RESOURCES.map((r) => (
              <option key={r.prefix} value={r.prefix}>
                {r.label}
              </option>
            ))}
          </select>
        </div>
        <div className="form-row">
          <label htmlFor="audit-from">Van</label>
          <input id="audit-from" type="date" value={draft.from ?? ''} onChange={(e) => set('from')(e.target.value)} />
        </div>
        <div className="form-row">
          <label htmlFor="audit-to">Tot en met</label>
          <input id="audit-to" type="date" value={draft.to ?? ''} onChange={(e) => set('to')(e.target.value)} />
        </div>
        <button type="submit">Filteren</button>
        <a className="button-link" href={auditCsvUrl(filter)} download>
          Exporteren (CSV)
        </a>
      </form>
      {audit.error && <p role="alert">{errorText(audit.error)}</p>}
      <AdminTable
        caption={`Audittrail: ${entries.length === 500 ? 'de nieuwste 500 regels' : entries.length === 1 ? '1 regel' : `${entries.length} regels`}, nieuwste eerst`}
        label="Audittrail"
        columns={['Tijdstip', 'Gebruiker', 'Rol', 'Actie', 'Onderdeel', 'Details']}
        rows={entries}
        rowKey={(e) => e.id}
        cells={(e) => (
          <>
            <td>{dateTime(e.at)}</td>
            <td>{e.username ?? '—'}</td>
            <td>{roleLabel(e.role)}</td>
            <td>{actionLabel(e.action)}</td>
            <td>{resourceLabel(e.resource)}</td>
            <td className="audit-detail">{detailText(e.detail)}</td>
          </>
        )}
      />
    </section>
  );
}
