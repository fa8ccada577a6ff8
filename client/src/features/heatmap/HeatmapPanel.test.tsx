// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DensityResponse } from '../../api/client.ts';
import { densityLayer, DENSITY_PALETTE } from './densityClasses.ts';
import { HeatmapPanel } from './HeatmapPanel.tsx';

afterEach(cleanup);

const cell = (density: number) => ({ type: 'Feature' as const, geometry: { type: 'Polygon' as const, coordinates: [[[5.7, 50.8], [5.71, 50.8], [5.71, 50.81], [5.7, 50.8]]] }, properties: { density } });
const data: DensityResponse = {
  type: 'FeatureCollection',
  meta: {
    demo: true,
    restricted: true,
    kernel: 'quartic',
    bandwidthM: 258,
    bandwidthRule: 'h = 0,9 · min(SD, √(1/ln 2) · Dm) · n^−0,2 (ArcGIS-regel naar Silverman), minimaal 100 m',
    cellM: 100,
    points: 8293,
    maxDensity: 900,
    unit: 'registraties per km²',
    gemeente: 'GM0935',
    category: '0.0.0',
    from: '2024-01',
    to: '2024-12',
  },
  features: [10, 20, 50, 100, 200, 300, 500, 700, 900].map(cell),
};

describe('densityLayer', () => {
  it('colours every cell from the sequential palette, darkest for the densest', () => {
    const { cells, classification } = densityLayer(data);
    expect(cells.features).toHaveLength(9);
    expect(classification.bins).toHaveLength(5);
    expect(cells.features.at(-1)!.properties.colour).toBe(DENSITY_PALETTE[4]);
    expect(cells.features[0].properties.colour).toBe(DENSITY_PALETTE[0]);
  });
});

describe('HeatmapPanel', () => {
  it('is a labelled toggle with a legend stating kernel, bandwidth, rule, unit and DEMO', () => {
    const onChange = vi.fn();
    const { rerender } = render(<HeatmapPanel on={false} onChange={onChange} data={null} layer={null} error={null} loading={false} scopeText="heel Maastricht" categoryNaam="Totaal misdrijven" />);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Dichtheidskaart (kernel)' }));
    expect(onChange).toHaveBeenCalledWith(true);
    rerender(<HeatmapPanel on onChange={onChange} data={data} layer={densityLayer(data)} error={null} loading={false} scopeText="heel Maastricht" categoryNaam="Totaal misdrijven" />);
    const legend = screen.getByRole('group', { name: 'Legenda dichtheidskaart' });
    expect(legend.textContent).toMatch(/Quartic-kernel, zoekstraal h = 258 m/);
    expect(legend.textContent).toMatch(/Regel: h = 0,9 · min\(SD/);
    expect(legend.textContent).toMatch(/DEMO/);
    expect(legend.textContent).toMatch(/8\.293 registraties/);
    expect(screen.getAllByRole('row').slice(1).map((r) => r.textContent)[0]).toMatch(/per km²$/);
  });
});
