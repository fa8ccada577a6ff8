// The page itself: React and the app, rendered into the root (after the country's first map, when there is one).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { FirstAnswers } from './countryFirst.ts';
import { Root } from './Root.tsx';

export function mount(root: HTMLElement, answers: FirstAnswers | null): void {
  // The benchmarks' timeline says when the page came, beside the map's own marks (firstMapTiles).
  performance.mark('bvk-page');
  createRoot(root).render(
    <StrictMode>
      <Root answers={answers} />
    </StrictMode>,
  );
}
