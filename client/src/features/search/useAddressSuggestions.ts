// Streets, addresses and postcodes for what the user typed, asked of PDOK a moment after the typing stops.
import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { fetchAddressSuggestions, MIN_ADDRESS_QUERY, type AddressSuggestion } from './pdok.ts';

const DEBOUNCE_MS = 250;
const NONE: AddressSuggestion[] = [];

export interface AddressSuggestions {
  results: AddressSuggestion[];
  /** PDOK could not be asked or gave an unusable answer, the last time it was asked (the local suggestions still work). */
  failed: boolean;
}

/** `gemeente` null: no online search (e.g. the country view). */
export function useAddressSuggestions(query: string, gemeente: string | null): AddressSuggestions {
  const [settled, setSettled] = useState(query);
  useEffect(() => {
    const t = window.setTimeout(() => setSettled(query), DEBOUNCE_MS);
    return () => window.clearTimeout(t);
  }, [query]);
  const q = settled.trim();
  const wanted = gemeente !== null && q.length >= MIN_ADDRESS_QUERY && q === query.trim();
  const result = useQuery({
    queryKey: ['pdok-suggest', gemeente, q],
    queryFn: ({ signal }) => fetchAddressSuggestions(q, gemeente ?? '', signal),
    enabled: wanted,
    retry: false,
    staleTime: 10 * 60_000,
  });
  // "Down" lasts until an answer comes (not just until the next keystroke), so the notice does not flicker.
  const [down, setDown] = useState(false);
  if (wanted && result.isError && !down) setDown(true);
  if (wanted && result.isSuccess && down) setDown(false);
  return { results: wanted ? (result.data ?? NONE) : NONE, failed: down };
}
