// The plan's source as a reader of the Doelen page sees it ("Integraal Veiligheidsplan 2025-2028"),
// changed on its own: a new name for the same targets is a version like any other change.
import { useState, type FormEvent } from 'react';
import { FormError, refusalOf, type Refusal } from './FieldError.tsx';

export function PlanSource({ bron, onSave }: { bron: string; onSave: (bron: string) => Promise<void> }) {
  const [text, setText] = useState(bron);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setRefusal(null);
    try {
      await onSave(text.trim());
    } catch (err) {
      setRefusal(refusalOf(err));
    }
  };
  return (
    <form className="admin-form" onSubmit={(e) => void submit(e)}>
      <div className="form-row">
        <label htmlFor="plan-bron">Bron van het plan</label>
        <input id="plan-bron" value={text} onChange={(e) => setText(e.target.value)} required {...(refusal ? { 'aria-invalid': true, 'aria-describedby': 'plan-bron-error' } : {})} />
      </div>
      <FormError id="plan-bron-error" refusal={refusal} />
      {text.trim() !== bron && <button type="submit">Bron opslaan</button>}
    </form>
  );
}
