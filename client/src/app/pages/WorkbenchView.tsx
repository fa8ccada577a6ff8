// Werkbank: rank and shortlist areas of the view's scope; the attention areas beside it.
import { AttentionAreaForm } from '../../features/attention-areas/AttentionAreaForm.tsx';
import { useAttentionAreas } from '../../features/attention-areas/useAttentionAreas.ts';
import { Workbench } from '../../features/workbench/Workbench.tsx';
import { AttentionPanel } from './AttentionPanel.tsx';
import type { PageProps } from './pageProps.ts';

export function WorkbenchView(props: PageProps) {
  const { view, dispatch, scene, announce } = props;
  const { gemeente, level, category, from, to } = view;
  const attention = useAttentionAreas(gemeente);
  const filter = attention.areas.find((a) => a.id === view.area) ?? null;
  return (
    <main id="inhoud" tabIndex={-1}>
      <Workbench
        scope={{ gemeente, level, category, from, to }}
        gemeenteNaam={scene.gemeenteNaam}
        categoryNaam={scene.categoryNaam}
        period={scene.period}
        statsRows={scene.stats?.rows ?? []}
        areaFilter={filter ? { id: filter.id, name: filter.name } : null}
        weights={view.weights}
        onWeightsChange={(weights) => dispatch({ type: 'setWeights', weights })}
        shortlist={view.shortlist}
        onShortlistChange={(codes) => dispatch({ type: 'setShortlist', codes })}
        onOpenSelection={(codes, weights) => dispatch({ type: 'openSelection', codes, weights })}
        announce={announce}
        aside={
          <>
            <AttentionPanel {...props} attention={attention} />
            <AttentionAreaForm gemeente={gemeente} gemeenteNaam={scene.gemeenteNaam} codes={view.shortlist} onCreated={() => attention.reload()} announce={announce} />
          </>
        }
      />
    </main>
  );
}
