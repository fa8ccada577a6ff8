// The attention-area list with its map toggle and figure filter, on the map page and in the workbench alike.
import { deleteAttentionArea, type AttentionArea } from '../../api/client.ts';
import { errorText } from '../../api/queries.ts';
import { AttentionAreasPanel } from '../../features/attention-areas/AttentionAreasPanel.tsx';
import type { PageProps } from './pageProps.ts';

export interface AttentionPanelProps extends Pick<PageProps, 'view' | 'dispatch' | 'scene' | 'announce' | 'reportError'> {
  attention: { areas: AttentionArea[]; error: string | null; reload: () => void };
}

export function AttentionPanel({ view, dispatch, scene, announce, reportError, attention }: AttentionPanelProps) {
  const summary = scene.stats?.meta.area ?? null;
  const onDelete = async (a: { id: number; name: string }) => {
    if (!window.confirm(`Aandachtsgebied "${a.name}" verwijderen?`)) return;
    try {
      await deleteAttentionArea(a.id);
      announce(`Aandachtsgebied "${a.name}" verwijderd.`);
      dispatch({ type: 'attentionAreaDeleted', id: a.id });
      attention.reload();
    } catch (e) {
      reportError(`Verwijderen mislukt. ${errorText(e)}`);
    }
  };
  return (
    <AttentionAreasPanel
      areas={attention.areas}
      error={attention.error}
      visible={view.aandacht}
      onVisibleChange={(on) => dispatch({ type: 'showAttention', on })}
      area={view.area}
      onAreaChange={(id) => dispatch({ type: 'setArea', id })}
      summary={summary && summary.id === view.area ? summary : null}
      onDelete={(a) => void onDelete(a)}
    />
  );
}
