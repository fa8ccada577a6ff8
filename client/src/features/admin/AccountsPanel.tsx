// Accounts: who may sign in, with which role and wijken; add, change, reset a password, remove.
import { useState } from 'react';
import { errorText, useAccountsQuery, useInvalidate } from '../../api/queries.ts';
import { AccountEditor } from './AccountEditor.tsx';
import { AccountForm } from './AccountForm.tsx';
import { AdminTable } from './AdminTable.tsx';
import { dateTime, roleLabel } from './words.ts';

export function AccountsPanel({ announce }: { announce: (message: string) => void }) {
  const accounts = useAccountsQuery();
  const invalidate = useInvalidate();
  const [editing, setEditing] = useState<string | null>(null);
  const changed = (message: string) => {
    setEditing(null);
    announce(message);
    invalidate(['accounts']);
    invalidate(['audit']);
  };
  const list = accounts.data?.accounts ?? [];
  const current = list.find((a) => a.username === editing) ?? null;

  return (
    <section className="admin-section" aria-labelledby="accounts-title">
      <h2 id="accounts-title">Accounts</h2>
      {accounts.error && <p role="alert">{errorText(accounts.error)}</p>}
      <AdminTable
        caption={`Accounts (${list.length})`}
        label="Accounts"
        columns={['Gebruikersnaam', 'Rol', 'Wijken', 'Aangemaakt']}
        rows={list}
        rowKey={(a) => a.username}
        cells={(a) => (
          <>
            <th scope="row">{a.username}</th>
            <td>{roleLabel(a.role)}</td>
            <td>{a.wijken.join(', ') || '—'}</td>
            <td>{dateTime(a.createdAt)}</td>
          </>
        )}
        actions={(a) => (
          <button type="button" onClick={() => setEditing(a.username)} aria-label={`${a.username} wijzigen`} aria-expanded={editing === a.username}>
            Wijzigen
          </button>
        )}
      />
      {current && <AccountEditor key={current.username} account={current} onDone={changed} onCancel={() => setEditing(null)} />}
      <AccountForm onAdded={(a) => changed(`Account ${a.username} toegevoegd als ${roleLabel(a.role).toLowerCase()}.`)} />
    </section>
  );
}
