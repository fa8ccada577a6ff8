// Arriving on a page of the app: the browser tab says which page and gemeente, and after a move between
// pages (not on the first load) focus goes to the new page's heading and the status region says where
// the user is, as a screen reader user would expect from a real page load (WCAG 2.4.2, 2.4.3, 4.1.3).
import { useEffect, useRef } from 'react';
import { APP_VIEWS, type AppView } from './urlState.ts';

export const APP_NAME = 'Buurtveiligheidskaart';

export function pageTitle(page: AppView, gemeenteNaam: string | null): string {
  const label = APP_VIEWS.find((v) => v.key === page)?.label ?? APP_NAME;
  return [label, gemeenteNaam, APP_NAME].filter(Boolean).join(' — ');
}

/** The page's own heading: one marked `data-page-heading`, else the first h2 of the visible main. */
function pageHeading(): HTMLElement | null {
  const main = document.querySelector<HTMLElement>('main:not([hidden])');
  return main?.querySelector<HTMLElement>('[data-page-heading]') ?? main?.querySelector<HTMLElement>('h2') ?? main ?? null;
}

export function usePageArrival(page: AppView, gemeenteNaam: string | null, announce: (message: string) => void): void {
  useEffect(() => {
    document.title = pageTitle(page, gemeenteNaam);
  }, [page, gemeenteNaam]);

  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    // After React has drawn the new page. A page that loads on first use (React.lazy) shows no main until its script
    // has arrived, so this looks again every frame until it is there (a few seconds at most).
    let frame = 0;
    let tries = 0;
    const arrive = () => {
      const heading = pageHeading();
      if (!heading && tries++ < 600) {
        frame = requestAnimationFrame(arrive);
        return;
      }
      if (heading) {
        if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
        heading.focus();
      }
      announce(`${APP_VIEWS.find((v) => v.key === page)?.label ?? ''} geopend${heading?.textContent ? `: ${heading.textContent}` : ''}`);
    };
    frame = requestAnimationFrame(arrive);
    return () => cancelAnimationFrame(frame);
  }, [page, announce]);
}
