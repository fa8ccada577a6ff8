// The panel beside the map: Mijn wijk (restricted) and the selected area's figures, series and kerncijfers.
import { errorText } from '../../api/queries.ts';
import { AreaPanel } from '../../features/area-panel/AreaPanel.tsx';
import { mayViewRestricted } from '../../features/auth/capabilities.ts';
import { ContextFigures } from '../../features/context/ContextFigures.tsx';
import { MyWijkPanel } from '../../features/my-wijk/MyWijkPanel.tsx';
import type { RecentRegistration } from '../../features/my-wijk/RecentRegistrations.tsx';
import { StreetsSection } from '../../features/my-wijk/StreetsSection.tsx';
import { useSelectedSeries } from '../useMapScene.ts';
import type { PageProps } from './pageProps.ts';

export interface AreaDetailsProps extends PageProps {
  mijnWijk: string | null;
  /** Centres the map on one recent registration of "Mijn wijk". */
  onShowRegistration: (r: RecentRegistration) => void;
}

export function AreaDetails({ view, dispatch, session, scene, mijnWijk, onShowRegistration }: AreaDetailsProps) {
  const series = useSelectedSeries(view);
  const { stats, data } = scene;
  const selectedRow = view.selected ? (stats?.rows.find((r) => r.code === view.selected) ?? null) : null;
  if (!mijnWijk && !(selectedRow && stats)) return null;
  const context = data.context;
  const contextRow = view.selected ? (context?.rows.find((r) => r.code === view.selected) ?? null) : null;
  const selectedWijk = selectedRow ? (view.level === 'wijk' ? selectedRow.code : (selectedRow.wijkcode ?? null)) : null;
  const { gemeente, category, from, to } = view;
  return (
    <aside className="panel-area" aria-label={selectedRow ? `Details ${selectedRow.naam}` : 'Mijn wijk'}>
      {mijnWijk && <MyWijkPanel wijk={mijnWijk} onClose={() => dispatch({ type: 'openMijnWijk', wijk: null })} onShowRegistration={onShowRegistration} />}
      {selectedRow && stats && (
        <AreaPanel
          row={selectedRow}
          meta={stats.meta}
          registrations={scene.ctx.registrations}
          series={series.data ?? null}
          seriesError={series.error ? errorText(series.error) : null}
          onClose={() => dispatch({ type: 'select', code: null })}
          extra={
            <>
              {context && <ContextFigures meta={context.meta} row={contextRow} />}
              {view.level === 'buurt' && mayViewRestricted(session, selectedWijk) && (
                <StreetsSection gemeente={gemeente} buurt={selectedRow.code} category={category} from={from} to={to} />
              )}
              {view.level === 'wijk' && mayViewRestricted(session, selectedRow.code) && (
                <p>
                  <button type="button" onClick={() => dispatch({ type: 'openMijnWijk', wijk: selectedRow.code })}>
                    Mijn wijk openen voor {selectedRow.naam}
                  </button>
                </p>
              )}
            </>
          }
        />
      )}
    </aside>
  );
}
