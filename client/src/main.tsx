// The entry. A link to the national map gets the country's first map (app/countryFirst.ts, with MapLibre; named in
// index.html as module preloads by scripts/preloadFirstMap.ts) and only after that the page itself, loaded as its own
// script so that neither its download nor its evaluation competes with that map. Every other link gets the page at
// once. The entry itself imports nothing but the style sheets, so it runs as soon as the document is parsed.
import 'maplibre-gl/dist/maplibre-gl.css';
import './app/app.css';
import type { FirstAnswers } from './app/countryFirst.ts';
import { mayOpenCountry } from './app/countryLink.ts';

const root = document.getElementById('root')!;
const mountPage = (answers: FirstAnswers | null) => import('./app/mount.tsx').then((page) => page.mount(root, answers));
if (mayOpenCountry(location.search)) {
  import('./app/countryFirst.ts')
    .then((first) => first.drawCountryFirst(location.search, root))
    .then(mountPage, () => mountPage(null));
} else {
  void mountPage(null);
}
