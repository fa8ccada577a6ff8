// Vergelijking: the gemeente against a group of comparable gemeenten.
import { useEffect } from 'react';
import { errorText, useBenchmarkQuery } from '../../api/queries.ts';
import { BenchmarkPage } from '../../features/benchmark/BenchmarkPage.tsx';
import type { PageProps } from './pageProps.ts';

export function BenchmarkView({ view, dispatch, announce }: PageProps) {
  const benchmark = useBenchmarkQuery({ gemeente: view.gemeente, group: view.groep, year: view.benchmarkYear, category: view.benchmarkCategory });
  const data = benchmark.data ?? null;
  useEffect(() => {
    if (data) announce(`Vergelijking bijgewerkt: ${data.meta.categoryNaam}, ${data.meta.groupLabel}, ${data.meta.year}`);
  }, [data, announce]);
  return (
    <main id="inhoud" tabIndex={-1}>
      <BenchmarkPage
        data={data}
        error={benchmark.error ? errorText(benchmark.error) : null}
        group={view.groep}
        year={view.benchmarkYear}
        category={view.benchmarkCategory}
        onChange={(patch) => dispatch({ type: 'setBenchmark', groep: patch.groep, year: patch.benchmarkYear, category: patch.category })}
      />
    </main>
  );
}
