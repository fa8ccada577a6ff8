// Every map source, in the order the source choice offers them. A new source is one module and one line here.
import type { MapSource } from '../urlState.ts';
import { bivariateSource } from './bivariate.tsx';
import { kerncijfersSource } from './kerncijfers.tsx';
import { policeSource } from './police.tsx';
import { surveySource } from './survey.tsx';
import type { MapSourceModule } from './types.ts';

export const MAP_SOURCES: readonly MapSourceModule[] = [policeSource, surveySource, bivariateSource, kerncijfersSource];

export function mapSource(id: MapSource): MapSourceModule {
  return MAP_SOURCES.find((s) => s.id === id) ?? policeSource;
}
