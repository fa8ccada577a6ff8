// The pages that exist per gemeente only (werkbank, doelen, vergelijking) at gemeente=NL: say so in Dutch and let
// the user pick a gemeente right here, instead of asking the API for what it refuses for the whole country.
import { useId, useMemo } from 'react';
import { compareNl } from '../../lib/format.ts';

export interface PerGemeenteNoticeProps {
  /** The page's own heading, e.g. "Werkbank". */
  title: string;
  /** What the page offers, as the subject of a sentence: "De werkbank (rangschikken en selecteren)". */
  subject: string;
  gemeenten: { code: string; naam: string }[];
  onChoose: (code: string) => void;
}

export function PerGemeenteNotice({ title, subject, gemeenten, onChoose }: PerGemeenteNoticeProps) {
  const id = useId();
  const sorted = useMemo(() => [...gemeenten].sort((a, b) => compareNl(a.naam, b.naam)), [gemeenten]);
  return (
    <main id="inhoud" tabIndex={-1} className="per-gemeente-notice">
      <h2>{title}</h2>
      <p>
        {subject} is er per gemeente. Het landelijk overzicht heeft de kaart en de tabel van alle buurten; kies een
        gemeente om hier verder te gaan.
      </p>
      <label htmlFor={id}>Gemeente</label>
      <select id={id} defaultValue="" onChange={(e) => e.target.value && onChoose(e.target.value)}>
        <option value="" disabled>
          Kies een gemeente
        </option>
        {sorted.map((g) => (
          <option key={g.code} value={g.code}>
            {g.naam}
          </option>
        ))}
      </select>
    </main>
  );
}
