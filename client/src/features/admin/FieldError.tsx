// The server's refusal next to the form it belongs to; the field it names is marked invalid (aria-invalid).
import { ApiRequestError } from '../../api/client.ts';
import { errorText, serverReason } from '../../api/errorText.ts';

export interface Refusal {
  message: string;
  /** The field the server named (username, password, role, wijken), if any. */
  field: string | null;
}

export function refusalOf(err: unknown): Refusal {
  if (err instanceof ApiRequestError) {
    if (err.status === 403) return { message: 'Alleen een beheerder mag dit doen. Meld u opnieuw aan als beheerder.', field: null };
    // The server's own Dutch reason ("wachtwoord te gangbaar: …"), as a sentence; without one the general text.
    const reason = serverReason(err);
    return { message: reason ? sentence(reason) : errorText(err), field: err.body?.parameter ?? null };
  }
  return { message: 'De server is niet bereikbaar. Probeer het opnieuw.', field: null };
}

/** The server's reasons are phrases ("er is al een doel voor 2027"); under a form they read as a sentence. */
const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function FormError({ id, refusal }: { id: string; refusal: Refusal | null }) {
  return (
    <p id={id} className="form-error" role="alert">
      {refusal ? refusal.message : ''}
    </p>
  );
}
