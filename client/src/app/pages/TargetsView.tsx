// Doelen: the plan's targets of the gemeente and its monthly and quarterly reports.
import { errorText, useTargetsQuery } from '../../api/queries.ts';
import { ReportsPanel } from '../../features/reports/ReportsPanel.tsx';
import { TargetsPage } from '../../features/targets/TargetsPage.tsx';
import type { PageProps } from './pageProps.ts';

export function TargetsView({ view, scene, months }: PageProps & { months: string[] }) {
  const targets = useTargetsQuery(view.gemeente);
  return (
    <main id="inhoud" tabIndex={-1}>
      <TargetsPage gemeenteNaam={scene.gemeenteNaam} targets={targets.data ?? null} error={targets.error ? errorText(targets.error) : null} />
      <ReportsPanel gemeente={view.gemeente} gemeenteNaam={scene.gemeenteNaam} months={months} defaultMonth={view.to} />
    </main>
  );
}
