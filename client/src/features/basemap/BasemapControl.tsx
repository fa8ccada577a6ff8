// "Achtergrondkaart": the choice of background under the map, and a quiet line when it cannot be reached.
import type { BasemapChoice } from './useBasemap.ts';

export function BasemapControl({ basemap }: { basemap: BasemapChoice }) {
  if (basemap.choices.length === 0) return null;
  return (
    <div className="basemap-control">
      <label htmlFor="basemap-choice">Achtergrondkaart</label>
      <select id="basemap-choice" value={basemap.chosen?.id ?? 'none'} onChange={(e) => basemap.choose(e.target.value)}>
        {basemap.choices.map((b) => (
          <option key={b.id} value={b.id}>
            {b.label}
          </option>
        ))}
      </select>
      <p className="hint" role="status">
        {basemap.unavailable && basemap.chosen?.tiles ? 'De achtergrondkaart is nu niet bereikbaar; de kaart werkt zonder.' : ''}
      </p>
    </div>
  );
}
