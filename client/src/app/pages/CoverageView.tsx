// Gegevens: where the data of the gemeente stands (real, DEMO, missing; sources and imports).
import { errorText, useCoverageQuery } from '../../api/queries.ts';
import { CoveragePage } from '../../features/coverage/CoveragePage.tsx';
import type { PageProps } from './pageProps.ts';

export function CoverageView({ view }: PageProps) {
  const coverage = useCoverageQuery(view.gemeente);
  return (
    <main id="inhoud" tabIndex={-1}>
      <CoveragePage data={coverage.data ?? null} error={coverage.error ? errorText(coverage.error) : null} />
    </main>
  );
}
