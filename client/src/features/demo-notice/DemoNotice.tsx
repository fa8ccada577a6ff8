// The DEMO banner (whenever the API says the figures are partly generated) and the always-visible source credit.

export const SOURCE_CREDIT = 'Bron: CBS, Politie (via CBS), Kadaster/PDOK';

export function DemoNotice({ demo }: { demo: boolean }) {
  if (!demo) return null;
  return (
    <div className="demo-notice" role="note" aria-label="DEMO-gegevens">
      <strong>DEMO-gegevens:</strong> de verdeling naar soort misdrijf en maand is gegenereerd; de jaartotalen per buurt
      zijn echt (Bron: CBS, Politie)
    </div>
  );
}

export function SourceCredit() {
  return <p className="source-credit">{SOURCE_CREDIT}</p>;
}
