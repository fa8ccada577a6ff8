// The entry: the country's first map when the visit opens it (app/countryFirst.ts), then the page itself, loaded as
// its own script so that its evaluation and first render come after that map instead of before it.
import 'maplibre-gl/dist/maplibre-gl.css';
import './app/app.css';
import { drawCountryFirst, type FirstAnswers } from './app/countryFirst.ts';

const root = document.getElementById('root')!;
const mountPage = (answers: FirstAnswers | null) => import('./app/mount.tsx').then((page) => page.mount(root, answers));
drawCountryFirst(location.search, root).then(mountPage, () => mountPage(null));
