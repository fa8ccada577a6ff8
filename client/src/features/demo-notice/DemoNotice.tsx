// The DEMO banner (whenever the API says the figures are partly generated) and the always-visible source credit.

export const SOURCE_CREDIT = 'Bron: CBS, Politie (via CBS), Kadaster/PDOK';

/**
 * What the banner says is generated: the server's own DEMO sentence for the figures on the map (it knows
 * whether types, months or both were generated, and for nuisance only months are); when only the
 * selected area's monthly series is partly generated, that, and that the map's figures are real.
 */
export function demoText(stats: { demo: boolean; notes: string[] } | null | undefined, selected: { demo: boolean; breakdownDemo: boolean } | null | undefined): string | null {
  if (stats?.demo) {
    const note = stats.notes.find((n) => n.startsWith('DEMO'));
    return note ? note.replace(/^DEMO:\s*/, '').replace(/\.$/, '') : 'een deel van deze cijfers is gegenereerd';
  }
  if (selected?.demo && selected.breakdownDemo) return 'het maandverloop en de verdeling naar soort van het gekozen gebied zijn (deels) gegenereerd; de cijfers op de kaart zijn echt';
  if (selected?.demo) return 'het maandverloop van het gekozen gebied is (deels) gegenereerd; de cijfers op de kaart zijn echt';
  if (selected?.breakdownDemo) return 'de verdeling naar soort van het gekozen gebied is gegenereerd; de cijfers op de kaart zijn echt';
  return null;
}

/**
 * Beside a breakdown by type that is (partly) generated: CBS publishes no split by type per buurt, so the split shown
 * is a generated one that adds up to the real total; a reader must not pick buurten on it.
 */
export function BreakdownDemoNote() {
  return (
    <p className="demo-inline" role="note">
      <strong className="flag flag-demo">DEMO</strong> Deze verdeling naar soort is (deels) gegenereerd en telt op tot het echte totaal; ze zegt niets over
      de werkelijke soorten in dit gebied.
    </p>
  );
}

export function DemoNotice({ text }: { text: string | null }) {
  if (!text) return null;
  return (
    <div className="demo-notice" role="note" aria-label="DEMO-gegevens">
      <strong>DEMO-gegevens:</strong> {text} (Bron: CBS, Politie)
    </div>
  );
}

export function SourceCredit() {
  return <p className="source-credit">{SOURCE_CREDIT}</p>;
}
