// The trend under the benchmark's bar chart: the gemeente against the group average over all years, as a
// line chart and, for everyone who cannot read a chart, a table with the same figures.
import type { BenchmarkResponse } from '../../api/client.ts';
import { formatNumber, formatSignedNumber } from '../../lib/format.ts';
import { ScrollTable } from '../area-table/TableParts.tsx';
import { TrendChart } from './TrendChart.tsx';
import { benchmarkWhat } from './BenchmarkChart.tsx';
import { populationCaveat, type TrendPoint } from './trendText.ts';

/** Difference of the figures as the table shows them (one decimal), so a reader's own subtraction agrees. */
const shown = (v: number) => Number(v.toFixed(1));
const difference = (a: number | null, b: number | null) => (a === null || b === null ? null : shown(a) - shown(b));

/** A small line sample for the key, drawn like the line it stands for. */
function KeySample({ colour, dash, square }: { colour: string; dash?: string; square?: boolean }) {
  return (
    <svg width="36" height="12" aria-hidden="true" className="trend-key-sample">
      <line x1="2" x2="34" y1="6" y2="6" stroke={colour} strokeWidth="2.5" strokeDasharray={dash} />
      {square ? <rect x="14" y="2" width="8" height="8" fill="#ffffff" stroke={colour} strokeWidth="2" /> : <circle cx="18" cy="6" r="3.5" fill={colour} />}
    </svg>
  );
}

export function BenchmarkTrend({ data, headingId }: { data: BenchmarkResponse; headingId: string }) {
  const { trend, meta } = data;
  const selfNaam = data.rows.find((r) => r.isSelf)?.naam ?? meta.gemeente;
  const first = trend[0]?.year;
  const last = trend.at(-1)?.year;
  const hasGaps = trend.some((p) => p.ratePer1000 === null || p.averageRatePer1000 === null);
  // A year whose average rests on fewer members than the others is another group: the table says so.
  const fullGroup = Math.max(0, ...trend.map((p) => p.members));
  const partial = (p: TrendPoint) => p.averageRatePer1000 !== null && p.members < fullGroup;
  const notes = [
    hasGaps ? '– : geen cijfer voor dat jaar in de gegevens (bijvoorbeeld door CBS afgeschermd).' : null,
    trend.some(partial) ? `(n van ${fullGroup}): gemiddelde over de n groepsleden met een cijfer voor dat jaar.` : null,
  ].filter((n): n is string => n !== null);
  return (
    <section className="benchmark-trend" aria-labelledby={headingId}>
      <h3 id={headingId}>{first === undefined ? 'Ontwikkeling' : `Ontwikkeling sinds ${first}`}</h3>
      {trend.length < 2 ? (
        <p className="hint">Te weinig jaren met cijfers om een ontwikkeling te tonen.</p>
      ) : (
        <>
          <figure className="benchmark-figure">
            <TrendChart trend={trend} selfNaam={selfNaam} groupLabel={meta.groupLabel} selectedYear={meta.year} />
            <figcaption>
              <ul className="trend-key">
                <li>
                  <KeySample colour="#154273" /> {selfNaam} (doorgetrokken lijn, stippen)
                </li>
                <li>
                  <KeySample colour="#a6190d" dash="7 4" square /> Gewogen gemiddelde {meta.groupLabel} (gestreepte lijn, vierkantjes)
                </li>
                <li>Stippellijn en vet jaartal: {meta.year}, het jaar van het staafdiagram hierboven.</li>
              </ul>
            </figcaption>
          </figure>
          <p className="trend-caveat">{populationCaveat(meta.populationYear)}</p>
        </>
      )}
      {trend.length > 0 && (
        <ScrollTable
          label={`Tabel: ontwikkeling ${first}–${last}`}
          caption={`${benchmarkWhat(meta)} per 1.000 inwoners per jaar, ${first}–${last}: ${selfNaam} en het gewogen gemiddelde van ${meta.groupLabel}; verschil = ${selfNaam} min gemiddelde`}
          after={notes.length ? notes.map((n) => <p key={n} className="hint">{n}</p>) : undefined}
        >
          <thead>
            <tr>
              <th scope="col">Jaar</th>
              <th scope="col" className="num">
                {selfNaam} per 1.000
              </th>
              <th scope="col" className="num">
                Groepsgemiddelde per 1.000
              </th>
              <th scope="col" className="num">
                Verschil
              </th>
            </tr>
          </thead>
          <tbody>
            {trend.map((p) => (
              <tr key={p.year} className={p.year === meta.year ? 'selected' : undefined}>
                <th scope="row">{p.year}</th>
                <td className="num">{formatNumber(p.ratePer1000, 1)}</td>
                <td className="num">
                  {formatNumber(p.averageRatePer1000, 1)}
                  {partial(p) && ` (${p.members} van ${fullGroup})`}
                </td>
                <td className="num">{formatSignedNumber(difference(p.ratePer1000, p.averageRatePer1000), 1)}</td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
    </section>
  );
}
