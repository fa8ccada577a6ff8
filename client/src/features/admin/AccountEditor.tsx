// Changing one account: its role and wijken, a new password (ends the user's sessions), or removing it, with a
// confirmation step. The server refuses what would leave the gemeente without a beheerder; the reason is shown.
import { useState, type FormEvent } from 'react';
import { changeAccount, removeAccount, type Account, type AccountRole } from '../../api/client.ts';
import { ConfirmStep } from './ConfirmStep.tsx';
import { FormError, refusalOf, type Refusal } from './FieldError.tsx';
import { parseWijken, ROLES } from './words.ts';

export interface AccountEditorProps {
  account: Account;
  onDone: (message: string) => void;
  onCancel: () => void;
}

export function AccountEditor({ account, onDone, onCancel }: AccountEditorProps) {
  const [role, setRole] = useState<AccountRole>(account.role);
  const [wijken, setWijken] = useState(account.wijken.join(', '));
  const [password, setPassword] = useState('');
  const [confirmRemove, setConfirmRemove] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [busy, setBusy] = useState(false);
  const invalid = (field: string) => (refusal?.field === field ? { 'aria-invalid': true, 'aria-describedby': 'account-edit-error' } : {});

  const run = async (action: () => Promise<string>) => {
    setBusy(true);
    setRefusal(null);
    try {
      onDone(await action());
    } catch (err) {
      setRefusal(refusalOf(err));
    } finally {
      setBusy(false);
    }
  };
  const save = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const roleChanged = role !== account.role || parseWijken(wijken).join() !== account.wijken.join();
      await changeAccount(account.username, {
        ...(roleChanged ? { role, wijken: role === 'wijkagent' ? parseWijken(wijken) : [] } : {}),
        ...(password ? { password } : {}),
      });
      const parts = [roleChanged ? 'rol en wijken gewijzigd' : '', password ? 'nieuw wachtwoord ingesteld (de gebruiker moet opnieuw aanmelden)' : ''].filter(Boolean);
      return `Account ${account.username}: ${parts.join('; ') || 'niets gewijzigd'}.`;
    });
  };
  const remove = () =>
    void run(async () => {
      await removeAccount(account.username);
      return `Account ${account.username} verwijderd.`;
    });

  return (
    <form className="admin-form admin-editor" onSubmit={save} aria-labelledby="account-edit-title">
      <h3 id="account-edit-title">Account {account.username} wijzigen</h3>
      <div className="form-row">
        <label htmlFor="edit-role">Rol</label>
        <select id="edit-role" value={role} onChange={(e) => setRole(e.target.value as AccountRole)} {...invalid('role')}>
          {ROLES.map((r) => (
            <option key={r.role} value={r.role}>
              {r.label}
            </option>
          ))}
        </select>
      </div>
      {role === 'wijkagent' && (
        <div className="form-row">
          <label htmlFor="edit-wijken">Wijken (CBS-wijkcodes)</label>
          <input id="edit-wijken" value={wijken} onChange={(e) => setWijken(e.target.value)} required {...invalid('wijken')} />
        </div>
      )}
      <div className="form-row">
        <label htmlFor="edit-password">Nieuw wachtwoord (leeg laten om het te houden)</label>
        <input id="edit-password" type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="new-password" {...invalid('password')} />
      </div>
      <FormError id="account-edit-error" refusal={refusal} />
      <div className="button-row">
        <button type="submit" disabled={busy}>
          Opslaan
        </button>
        <button type="button" onClick={onCancel} disabled={busy}>
          Annuleren
        </button>
        <ConfirmStep
          open={confirmRemove}
          onOpenChange={setConfirmRemove}
          ask="Account verwijderen…"
          label="Verwijderen bevestigen"
          question={`${account.username} echt verwijderen?`}
          confirm="Ja, verwijderen"
          cancel="Nee"
          onConfirm={remove}
          busy={busy}
          danger
        />
      </div>
    </form>
  );
}
