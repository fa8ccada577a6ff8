// Which days Mijn wijk looks at: the newest registrations (the daily check), a chosen week (the weekly
// meeting) or a chosen month (the monthly report). A week's 7-day window is that week; a month's is its last days.
import { useState } from 'react';
import type { MyWijkPeriod } from '../../api/client.ts';

type Kind = 'latest' | 'week' | 'month';

export function PeriodChoice({ period, onChange }: { period: MyWijkPeriod; onChange: (p: MyWijkPeriod) => void }) {
  const [kind, setKind] = useState<Kind>(period.week ? 'week' : period.month ? 'month' : 'latest');
  const choose = (k: Kind) => {
    setKind(k);
    if (k === 'latest') onChange({});
  };
  return (
    <fieldset className="period-choice">
      <legend>Periode</legend>
      <div className="button-row">
        {(
          [
            ['latest', 'Nieuwste registraties'],
            ['week', 'Een week'],
            ['month', 'Een maand'],
          ] as const
        ).map(([k, label]) => (
          <label key={k} className="check">
            <input type="radio" name="my-wijk-period" value={k} checked={kind === k} onChange={() => choose(k)} />
            {label}
          </label>
        ))}
      </div>
      {kind === 'week' && (
        <label className="period-input">
          Week (maandag t/m zondag){' '}
          <input type="week" value={period.week ?? ''} onChange={(e) => e.target.value && onChange({ week: e.target.value })} placeholder="2025-W49" />
        </label>
      )}
      {kind === 'month' && (
        <label className="period-input">
          Maand <input type="month" value={period.month ?? ''} onChange={(e) => e.target.value && onChange({ month: e.target.value })} placeholder="2025-11" />
        </label>
      )}
    </fieldset>
  );
}
