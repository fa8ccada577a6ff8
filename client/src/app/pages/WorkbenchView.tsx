// Werkbank: rank and shortlist areas of the view's scope; the attention areas beside it.
import type { Category } from '../../../../server/src/domain/model.ts';
import { AttentionAreaForm } from '../../features/attention-areas/AttentionAreaForm.tsx';
import { useAttentionAreas } from '../../features/attention-areas/useAttentionAreas.ts';
import { CategoryField, LevelField, PeriodFields } from '../../features/filters/Filters.tsx';
import { Workbench } from '../../features/workbench/Workbench.tsx';
import { filterTransitions } from '../urlState.ts';
import { AttentionPanel } from './AttentionPanel.tsx';
import type { PageProps } from './pageProps.ts';
import { analysisLevel } from '../../lib/level.ts';

export function WorkbenchView(props: PageProps & { categories: Category[]; months: string[] }) {
  const { view, dispatch, scene, announce } = props;
  const { gemeente, level, category, from, to } = view;
  const attention = useAttentionAreas(gemeente);
  const filter = attention.areas.find((a) => a.id === view.area) ?? null;
  const onScope = (patch: Parameters<typeof filterTransitions>[1]) => dispatch(filterTransitions(view, patch, []));
  return (
    <main id="inhoud" tabIndex={-1}>
      <h2 className="visually-hidden" data-page-heading>
        Werkbank: {view.level === 'buurt' ? 'buurten' : 'wijken'} van {scene.gemeenteNaam} kiezen voor de gebiedsgerichte aanpak
      </h2>
      <Workbench
        scope={{ gemeente, level: analysisLevel(level), category, from, to }}
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
        scopeControls={
          // The same URL state as the map page: a choice here is the map's choice too.
          <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label="Gebied, soort en periode">
            <fieldset>
              <legend>Rangorde van</legend>
              <LevelField values={view} onChange={onScope} />
              <CategoryField values={view} categories={props.categories} onChange={onScope} />
              <PeriodFields values={view} months={props.months} onChange={onScope} />
            </fieldset>
          </form>
        }
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
