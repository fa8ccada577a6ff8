// Presentation mode on a big screen: fills the viewport, large high-contrast type, a visible and announced
// step counter, keyboard control (→/Space/PageDown, ←/PageUp, Home/End, Esc) and a fullscreen button.
import { useEffect, useRef, type ReactNode } from 'react';
import { stepForKey, stepText } from './steps.ts';

export interface PresentationLayoutProps {
  /** Title of the draaiboek. */
  title: string;
  viewTitle: string;
  caption: string;
  /** "Maastricht · Totaal misdrijven · jan 2024 – dec 2024" */
  subtitle: string;
  index: number;
  total: number;
  onStep: (index: number) => void;
  onLeave: () => void;
  map: ReactNode;
  legend: ReactNode;
  table: ReactNode;
  /** DEMO notice and source credit. */
  footer: ReactNode;
}

export function PresentationLayout(props: PresentationLayoutProps) {
  const { title, viewTitle, caption, subtitle, index, total, onStep, onLeave, map, legend, table, footer } = props;
  const latest = useRef({ index, total, onStep, onLeave });
  latest.current = { index, total, onStep, onLeave };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
      // Space and arrows on a focused button or field keep their own meaning.
      const t = e.target as HTMLElement | null;
      if (t && (t.tagName === 'INPUT' || t.tagName === 'SELECT' || t.tagName === 'TEXTAREA')) return;
      if (t && t.tagName === 'BUTTON' && (e.key === ' ' || e.key === 'Enter')) return;
      const { index: i, total: n, onStep: step, onLeave: leave } = latest.current;
      const action = stepForKey(e.key, i, n);
      if (!action) return;
      e.preventDefault();
      if (action.type === 'leave') {
        if (document.fullscreenElement) return; // the browser leaves fullscreen first
        leave();
      } else if (action.index !== i) step(action.index);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const fullscreen = () => {
    const el = document.documentElement;
    if (document.fullscreenElement) void document.exitFullscreen?.();
    else void el.requestFullscreen?.().catch(() => {});
  };

  const counter = stepText(index, total);
  return (
    <div className="presentation" lang="nl">
      <header className="presentation-header">
        <div className="presentation-titles">
          <p className="presentation-deck">{title}</p>
          <h1 className="presentation-title">{viewTitle}</h1>
          <p className="presentation-subtitle">{subtitle}</p>
        </div>
        <nav className="presentation-controls" aria-label="Presentatie">
          <p className="presentation-counter" aria-hidden="true">
            {counter}
          </p>
          <button type="button" onClick={() => onStep(Math.max(0, index - 1))} disabled={index === 0}>
            ← Vorige
          </button>
          <button type="button" onClick={() => onStep(Math.min(total - 1, index + 1))} disabled={index >= total - 1}>
            Volgende →
          </button>
          <button type="button" onClick={fullscreen}>
            Volledig scherm
          </button>
          <button type="button" onClick={onLeave}>
            Presentatie verlaten
          </button>
        </nav>
      </header>
      <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
        {`${counter}: ${viewTitle}`}
      </div>
      <main className="presentation-main">
        <section className="presentation-map" aria-label="Kaart">
          {map}
          <div className="presentation-legend-box">{legend}</div>
        </section>
        <aside className="presentation-side" aria-label="Toelichting en cijfers">
          {caption && <p className="presentation-caption">{caption}</p>}
          {table}
        </aside>
      </main>
      <footer className="presentation-footer">
        {footer}
        <p className="presentation-keys">Toetsen: → of spatie volgende, ← vorige, Home eerste, End laatste, Esc verlaten</p>
      </footer>
    </div>
  );
}
