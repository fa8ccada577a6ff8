// Sign-in form shown instead of the app when the server asks for a session (401). Errors are announced.
import { useId, useRef, useState, type FormEvent } from 'react';
import { ApiRequestError, login } from '../../api/client.ts';
import { formatNumber } from '../../lib/format.ts';

/** The Dutch message for a failed login; exported for the unit tests. */
export function loginErrorText(err: unknown): string {
  if (err instanceof ApiRequestError) {
    if (err.status === 429) {
      return err.retryAfter
        ? `Te veel pogingen, probeer het over ${formatNumber(err.retryAfter)} seconden opnieuw.`
        : 'Te veel pogingen, probeer het later opnieuw.';
    }
    if (err.status === 401) return 'Onbekende gebruikersnaam of onjuist wachtwoord.';
    if (err.status === 400) return 'Vul een gebruikersnaam en een wachtwoord in.';
    return `Aanmelden is niet gelukt (serverfout ${err.status}). Probeer het later opnieuw.`;
  }
  return 'Aanmelden is niet gelukt: de server is niet bereikbaar.';
}

export interface LoginFormProps {
  onLoggedIn: () => void;
  /** Shown above the form, e.g. "Uw sessie is verlopen." */
  reason?: string | null;
  /** Injected in tests; defaults to POST /api/auth/login. */
  submit?: (username: string, password: string) => Promise<void>;
}

export function LoginForm({ onLoggedIn, reason, submit = login }: LoginFormProps) {
  const id = useId();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [missing, setMissing] = useState<{ username: boolean; password: boolean }>({ username: false, password: false });
  const [busy, setBusy] = useState(false);
  const userRef = useRef<HTMLInputElement>(null);
  const passRef = useRef<HTMLInputElement>(null);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const miss = { username: username.trim() === '', password: password === '' };
    setMissing(miss);
    if (miss.username || miss.password) {
      setError(miss.username && miss.password ? 'Vul een gebruikersnaam en een wachtwoord in.' : miss.username ? 'Vul een gebruikersnaam in.' : 'Vul een wachtwoord in.');
      (miss.username ? userRef : passRef).current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await submit(username.trim(), password);
      onLoggedIn();
    } catch (err) {
      setError(loginErrorText(err));
      setPassword('');
      passRef.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  const errorId = `${id}-error`;
  return (
    <main className="login-page" id="inhoud">
      <section className="login-card" aria-labelledby={`${id}-title`}>
        <h1 id={`${id}-title`}>Buurtveiligheidskaart</h1>
        <h2>Aanmelden</h2>
        {reason && <p className="login-reason">{reason}</p>}
        <p className="hint">De cijfers zijn alleen toegankelijk met een account van de gemeente.</p>
        <form onSubmit={(e) => void onSubmit(e)} noValidate aria-describedby={error ? errorId : undefined}>
          <div className="field">
            <label htmlFor={`${id}-user`}>Gebruikersnaam</label>
            <input
              ref={userRef}
              id={`${id}-user`}
              type="text"
              name="username"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              value={username}
              onChange={(e) => setUsername(e.target.value)}
              aria-invalid={missing.username || undefined}
              aria-describedby={error ? errorId : undefined}
              required
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-pass`}>Wachtwoord</label>
            <input
              ref={passRef}
              id={`${id}-pass`}
              type="password"
              name="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              aria-invalid={missing.password || (error !== null && !missing.username) || undefined}
              aria-describedby={error ? errorId : undefined}
              required
            />
          </div>
          <div id={errorId} role="alert" className="login-error">
            {error}
          </div>
          <button type="submit" className="primary-button" disabled={busy}>
            {busy ? 'Bezig met aanmelden…' : 'Aanmelden'}
          </button>
        </form>
      </section>
    </main>
  );
}
