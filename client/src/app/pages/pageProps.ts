// What the shell hands every page: the view and its transitions, who is signed in, the map scene and the status line.
import type { Session } from '../../api/client.ts';
import type { MapScene } from '../useMapScene.ts';
import type { ViewState } from '../urlState.ts';
import type { Dispatch } from '../useViewState.ts';

export type SignedSession = Extract<Session, { authenticated: true }>;

export interface PageProps {
  view: ViewState;
  dispatch: Dispatch;
  session: SignedSession;
  scene: MapScene;
  /** Says something in the status region (read by screen readers). */
  announce: (message: string) => void;
  /** Shows an error banner (null clears it). */
  reportError: (message: string | null) => void;
}
