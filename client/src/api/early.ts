// Answers asked for before React was there (the country's first map, app/countryFirst.ts), handed to the first query
// with the same key instead of asking the server again: a preloaded answer can be read once, and the figures the
// first map is coloured with are the ones the page shows. Each is taken once; later queries ask the server.
const answers = new Map<string, Promise<unknown>>();

const keyOf = (key: readonly unknown[]) => JSON.stringify(key);

/** Asks now and keeps the answer for the first query with this key. */
export function askEarly<T>(key: readonly unknown[], ask: () => Promise<T>): Promise<T> {
  const answer = ask();
  answers.set(keyOf(key), answer);
  return answer;
}

/** The early answer for this query key, once; undefined when there is none (the query asks the server). */
export function takeEarly<T>(key: readonly unknown[]): Promise<T> | undefined {
  const k = keyOf(key);
  const answer = answers.get(k) as Promise<T> | undefined;
  answers.delete(k);
  return answer;
}
