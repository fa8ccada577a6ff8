// Which links may open the national map, read from the link alone. The entry (main.tsx) decides with it whether to
// load the country's first map (countryFirst.ts) or the page at once, so it imports nothing: it is part of the entry.

/** Whether a link may open the national map (checked before anything is asked: only such visits ask early). */
export function mayOpenCountry(search: string): boolean {
  const q = new URLSearchParams(search);
  return q.get('gemeente') === 'NL' && q.get('view') !== 'presentatie';
}
