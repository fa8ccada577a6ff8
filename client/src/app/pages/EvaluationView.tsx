// Evaluatie: the effect of an approach in buurten, against matched controls.
import { mayPrepare } from '../../features/auth/capabilities.ts';
import { EvaluationPage } from '../../features/evaluation/EvaluationPage.tsx';
import type { Category } from '../../../../server/src/api/types.ts';
import type { PageProps } from './pageProps.ts';

export function EvaluationView({ view, session, scene, categories }: PageProps & { categories: Category[] }) {
  return (
    <main id="inhoud" tabIndex={-1}>
      <EvaluationPage gemeente={view.gemeente} gemeenteNaam={scene.gemeenteNaam} categories={categories} from={view.from} to={view.to} mayWrite={mayPrepare(session)} />
    </main>
  );
}
