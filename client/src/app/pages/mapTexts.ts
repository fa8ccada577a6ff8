// What leaves the map page as a file or a draaiboek step: the PNG export's texts and the current view as a draft.
import { SOURCE_CREDIT } from '../../features/demo-notice/DemoNotice.tsx';
import type { ExportContent } from '../../features/map-export/composeMapImage.ts';
import type { DraftView } from '../../features/presentation/DraaiboekEditor.tsx';
import { binLabel, legendBins } from '../../lib/classes.ts';
import type { HotspotsResponse } from '../../api/client.ts';
import { countHotspotClasses } from '../../features/hotspots/HotspotPanel.tsx';
import { FDR_EXPLANATION, HOTSPOT_MEASURE_NAMES, METHOD_NAMES } from '../../lib/hotspotWords.ts';
import { HOTSPOT_STYLES } from '../../lib/overlayStyles.ts';
import { measureInfo } from '../../lib/measures.ts';
import type { MapScene } from '../useMapScene.ts';
import type { ViewState } from '../urlState.ts';
import { analysisLevel } from '../../lib/level.ts';

/**
 * `basemapCredit`: the attribution of the background map drawn under the areas (null: none drawn).
 * `hotspots`: the hotspot answer when that layer is on the map, so the PNG carries its legend too.
 */
export function exportContent(view: ViewState, scene: MapScene, basemapCredit: string | null = null, hotspots: HotspotsResponse | null = null): ExportContent {
  const info = measureInfo(view.measure, scene.ctx.registrations);
  const classification = scene.sourceView.classification;
  return {
    ...(hotspots ? { hotspotLegend: hotspotLegend(hotspots) } : {}),
    title: `${info.title} — ${scene.gemeenteNaam}`,
    subtitle: `${scene.categoryNaam}, ${scene.period} · ${scene.levelPlural}`,
    legendTitle: info.title,
    legendRows: classification
      ? [
          ...legendBins(classification).map((b) => ({ colour: b.colour, label: binLabel(b, info.decimals), count: b.count })),
          ...(classification.excluded ? [{ colour: classification.excluded.colour, label: classification.excluded.label, count: classification.excluded.count }] : []),
          { colour: '#d9d9d9', label: 'geen gegevens', count: classification.noDataCount, hatch: true },
        ]
      : [],
    areaWords: [view.level, scene.levelPlural],
    notes: [
      ...(classification?.excluded ? [classification.excluded.note] : []),
      // The server's own DEMO sentence: it knows whether types, months or both were generated.
      ...(scene.stats?.meta.demo ? scene.stats.meta.notes.filter((n) => n.startsWith('DEMO')) : []),
      'Ondergrens hoort bij de klasse, bovengrens bij de volgende.',
      ...(hotspots ? [FDR_EXPLANATION] : []),
    ],
    credit: basemapCredit ? `${SOURCE_CREDIT}; achtergrondkaart: ${basemapCredit}` : SOURCE_CREDIT,
  };
}

function hotspotLegend(h: HotspotsResponse): NonNullable<ExportContent['hotspotLegend']> {
  const counts = countHotspotClasses(h.rows);
  return {
    title: `Hotspots: ${METHOD_NAMES[h.meta.method]} op ${HOTSPOT_MEASURE_NAMES[h.meta.measure] ?? h.meta.measure}`,
    rows: HOTSPOT_STYLES.filter((s) => s.key === 'none' || counts.byClass[s.key] > 0).map((style) => ({ style, count: counts.byClass[style.key] })),
  };
}

export function draftView(view: ViewState, scene: MapScene, mijnWijk: string | null): DraftView {
  const selectedRow = view.selected ? (scene.stats?.rows.find((r) => r.code === view.selected) ?? null) : null;
  return {
    title: `${selectedRow ? `${selectedRow.naam}: ` : ''}${scene.categoryNaam}`,
    caption: '',
    focus: selectedRow
      ? { level: view.level, codes: [selectedRow.code] }
      : mijnWijk
        ? { level: 'wijk', codes: [mijnWijk] }
        : { level: 'gemeente', codes: [view.gemeente] },
    level: analysisLevel(view.level),
    measure: view.measure,
    category: view.category,
    from: view.from,
    to: view.to,
    layers: ['choropleth', ...(view.hotspots ? (['hotspots'] as const) : [])],
  };
}
