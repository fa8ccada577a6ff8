// What a link asked for that the page does not show, and what it shows instead: a link never changes without a word.
// A visible notice (a named region); the page announces it through its one status region (App.tsx), not a second
// live region of its own.

export interface LinkNoticeProps {
  /** One Dutch sentence per value the link held that could not be honoured. */
  texts: string[];
  onDismiss: () => void;
}

export function LinkNotice({ texts, onDismiss }: LinkNoticeProps) {
  if (texts.length === 0) return null;
  return (
    <section className="open-mode-notice link-notice" aria-label="Melding over de link">
      <div>
        {texts.map((t) => (
          <p key={t}>{t}</p>
        ))}
      </div>
      <button type="button" className="small-button" onClick={onDismiss} aria-label="Melding over de link sluiten">
        Sluiten
      </button>
    </section>
  );
}
