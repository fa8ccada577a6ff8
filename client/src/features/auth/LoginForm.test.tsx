// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiRequestError } from '../../api/client.ts';
import { LoginForm, loginErrorText } from './LoginForm.tsx';

afterEach(cleanup);

function fill(user: string, pass: string) {
  fireEvent.change(screen.getByLabelText('Gebruikersnaam'), { target: { value: user } });
  fireEvent.change(screen.getByLabelText('Wachtwoord'), { target: { value: pass } });
  fireEvent.click(screen.getByRole('button', { name: 'Aanmelden' }));
}

describe('LoginForm', () => {
  it('asks for both fields before it sends anything, and marks the empty ones', async () => {
    const submit = vi.fn();
    render(<LoginForm onLoggedIn={() => {}} submit={submit} />);
    fill('', '');
    expect(screen.getByRole('alert').textContent).toBe('Vul een gebruikersnaam en een wachtwoord in.');
    expect(screen.getByLabelText('Gebruikersnaam').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText('Gebruikersnaam').getAttribute('aria-describedby')).toBe(screen.getByRole('alert').id);
    expect(document.activeElement).toBe(screen.getByLabelText('Gebruikersnaam'));
    expect(submit).not.toHaveBeenCalled();
  });

  it('announces a wrong password and clears the field', async () => {
    const submit = vi.fn().mockRejectedValue(new ApiRequestError(401, { error: 'unknown username or wrong password' }));
    const onLoggedIn = vi.fn();
    render(<LoginForm onLoggedIn={onLoggedIn} submit={submit} />);
    fill('agent', 'fout-wachtwoord');
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Onbekende gebruikersnaam of onjuist wachtwoord.'));
    expect(submit).toHaveBeenCalledWith('agent', 'fout-wachtwoord');
    expect((screen.getByLabelText('Wachtwoord') as HTMLInputElement).value).toBe('');
    expect(onLoggedIn).not.toHaveBeenCalled();
  });

  it('says how long to wait after too many attempts (429 with Retry-After)', async () => {
    const submit = vi.fn().mockRejectedValue(new ApiRequestError(429, { error: 'too many failed logins' }, 30));
    render(<LoginForm onLoggedIn={() => {}} submit={submit} />);
    fill('agent', 'nog-een-poging');
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Te veel pogingen, probeer het over 30 seconden opnieuw.'));
  });

  it('reports success to the shell', async () => {
    const onLoggedIn = vi.fn();
    render(<LoginForm onLoggedIn={onLoggedIn} submit={() => Promise.resolve()} />);
    fill('agent', 'goed-wachtwoord');
    await waitFor(() => expect(onLoggedIn).toHaveBeenCalledTimes(1));
  });

  it('words other failures', () => {
    expect(loginErrorText(new ApiRequestError(429, null))).toBe('Te veel pogingen, probeer het later opnieuw.');
    expect(loginErrorText(new ApiRequestError(500, null))).toMatch(/serverfout 500/);
    expect(loginErrorText(new TypeError('fetch failed'))).toMatch(/niet bereikbaar/);
  });
});
