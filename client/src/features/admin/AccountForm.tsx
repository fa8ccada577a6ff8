// Adding an account: name, first password, role and (for a wijkagent) the wijken. The server applies the
// rules (the same as the command line) and names the field it refuses; the form marks that field.
import { useState, type FormEvent } from 'react';
import { createAccount, type Account, type AccountRole } from '../../api/client.ts';
import { FormError, refusalOf, type Refusal } from './FieldError.tsx';
import { parseWijken, ROLES } from './words.ts';

export function AccountForm({ onAdded }: { onAdded: (a: Account) => void }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<AccountRole>('analist');
  const [wijken, setWijken] = useState('');
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const invalid = (field: string) => (refusal?.field === field ? { 'aria-invalid': true, 'aria-describedby': 'account-add-error' } : {});

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setRefusal(null);
    try {
      const added = await createAccount({ username: username.trim(), password, role, wijken: role === 'wijkagent' ? parseWijken(wijken) : [] });
      setUsername('');
      setPassword('');
      setWijken('');
      onAdded(added);
    } catch (err) {
      setRefusal(refusalOf(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="admin-form" onSubmit={(e) => void submit(e)} aria-labelledby="account-add-title">
      <h3 id="account-add-title">Account toevoegen</h3>
      <div className="form-row">
        <label htmlFor="account-username">Gebruikersnaam</label>
        <input id="account-username" value={username} onChange={(e) => setUsername(e.target.value)} required autoComplete="off" {...invalid('username')} />
      </div>
      <div className="form-row">
        <label htmlFor="account-password">Eerste wachtwoord</label>
        <input id="account-password" type="password" value={password} onChange={(e) => setPassword(e.target.value)} required autoComplete="new-password" aria-describedby="account-password-hint" {...invalid('password')} />
        <p id="account-password-hint" className="hint">Minstens 10 tekens, niet de gebruikersnaam en geen veelgebruikt wachtwoord. Geef het persoonlijk door.</p>
      </div>
      <div className="form-row">
        <label htmlFor="account-role">Rol</label>
        <select id="account-role" value={role} onChange={(e) => setRole(e.target.value as AccountRole)} aria-describedby="account-role-hint" {...invalid('role')}>
          {ROLES.map((r) => (
            <option key={r.role} value={r.role}>
              {r.label}
            </option>
          ))}
        </select>
        <p id="account-role-hint" className="hint">{ROLES.find((r) => r.role === role)?.sees}</p>
      </div>
      {role === 'wijkagent' && (
        <div className="form-row">
          <label htmlFor="account-wijken">Wijken (CBS-wijkcodes)</label>
          <input id="account-wijken" value={wijken} onChange={(e) => setWijken(e.target.value)} required placeholder="WK093502, WK093504" aria-describedby="account-wijken-hint" {...invalid('wijken')} />
          <p id="account-wijken-hint" className="hint">Gescheiden door komma&apos;s of spaties.</p>
        </div>
      )}
      <FormError id="account-add-error" refusal={refusal} />
      <button type="submit" disabled={busy}>
        {busy ? 'Bezig…' : 'Toevoegen'}
      </button>
    </form>
  );
}
