// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HotspotsResponse } from '../../api/client.ts';
import { countHotspotClasses, HotspotPanel } from './HotspotPanel.tsx';

afterEach(cleanup);

type Row = HotspotsResponse['rows'][number];
const r = (code: string, cls: Row['class'], excluded: Row['excluded'] = null): Row => ({
  code,
  naam: code,
  value: excluded ? null : 1,
  z: excluded ? null : 1,
  p: excluded ? null : 0.5,
  q: excluded ? null : 0.5,
  significant: cls !== 'none',
  class: cls,
  monthsSignificant: 0,
  trend: 'none',
  trendZ: 0,
  excluded,
});

const rows = [r('A', 'hot99'), r('B', 'hot95'), r('C', 'hot95'), r('D', 'cold95'), r('E', 'none'), r('F', 'none', 'lowPopulation')];
const data = {
  meta: {
    demo: false,
    bron: 'CBS',
    gemeente: 'GM0935',
    level: 'buurt',
    category: '0.0.0',
    categoryNaam: 'Totaal misdrijven',
    from: '2024-01',
    to: '2024-12',
    method: 'gistar',
    measure: 'densityPerKm2',
    alpha: 0.05,
    correction: 'benjamini-hochberg',
    minPopulation: 200,
    permutations: null,
    seed: null,
    historyFrom: '2024-01',
    historyTo: '2024-12',
    historyMonths: 12,
    tested: 5,
    significant: 4,
    notes: ['Getis-Ord Gi* met binaire queen-buren.'],
  },
  rows,
} as HotspotsResponse;

describe('countHotspotClasses', () => {
  it('counts every class, and the excluded areas separately', () => {
    const c = countHotspotClasses(rows);
    expect(c.byClass).toEqual({ hot99: 1, hot95: 2, hot90: 0, cold90: 0, cold95: 1, cold99: 0, none: 2 });
    expect(c.excluded).toBe(1);
    expect(c.total).toBe(6);
  });
});

describe('HotspotPanel', () => {
  it('is a labelled toggle that turns the layer on with Gi*', () => {
    const onChange = vi.fn();
    render(<HotspotPanel method={null} onChange={onChange} data={null} error={null} loading={false} areaWord="buurten" />);
    expect(screen.queryByRole('table')).toBeNull();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Hotspots tonen' }));
    expect(onChange).toHaveBeenCalledWith('gistar');
  });

  it('shows the classes possible at alpha 5% with counts, method, measure and the FDR correction', () => {
    render(<HotspotPanel method="gistar" onChange={() => {}} data={data} error={null} loading={false} areaWord="buurten" />);
    const table = screen.getByRole('table', { name: /Legenda hotspots/ });
    const texts = within(table).getAllByRole('row').slice(1).map((tr) => tr.textContent);
    expect(texts).toEqual([
      'Hotspot, zeer duidelijk (FDR 1%)(1)',
      'Hotspot, duidelijk (FDR 5%)(2)',
      'Koude plek, duidelijk (FDR 5%)(1)',
      'Koude plek, zeer duidelijk (FDR 1%)(0)',
      'Niet significant(2)',
    ]);
    const region = screen.getByRole('region', { name: 'Hotspots' });
    expect(region.textContent).toMatch(/Getis-Ord Gi\* op registraties per km²/);
    expect(region.textContent).toMatch(/FDR-gecorrigeerd \(Benjamini–Hochberg\), α = 5%/);
    expect(region.textContent).toMatch(/1 niet getest/);
    // FDR wording: a statement about the set of flagged areas, never a per-area certainty.
    expect(region.textContent).not.toMatch(/betrouwbaar/);
    expect(region.textContent).toMatch(/hooguit 5% toeval/);
    // Both methods explained side by side, whichever is shown.
    expect(region.textContent).toMatch(/Getis-Ord Gi\* \(nu getoond\)Kijkt naar een gebied samen met/);
    expect(region.textContent).toMatch(/Local Moran's IKijkt of een gebied lijkt op/);
    expect((screen.getByRole('radio', { name: 'Getis-Ord Gi*' }) as HTMLInputElement).checked).toBe(true);
  });
});
