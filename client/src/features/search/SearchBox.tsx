// One search box for the map (WAI-ARIA 1.2 combobox with a listbox popup): buurten and wijken of the gemeente at
// once from the map's own boundaries, streets, addresses and postcodes from PDOK when it can be reached.
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { matchAreas, type AreaSuggestion, type SearchArea } from './matchAreas.ts';
import type { AddressSuggestion, AddressType } from './pdok.ts';
import { useAddressSuggestions } from './useAddressSuggestions.ts';

export type Suggestion = AreaSuggestion | AddressSuggestion;

export const UNAVAILABLE = 'Zoeken op adres is nu niet beschikbaar';

const ADDRESS_WORDS: Record<AddressType, string> = { weg: 'straat', adres: 'adres', postcode: 'postcode' };

export interface SearchBoxProps {
  areas: readonly SearchArea[];
  /** CBS code of the gemeente whose streets and addresses PDOK is asked for; null = only buurten and wijken. */
  gemeente: string | null;
  onChoose: (s: Suggestion) => void;
  /** Says something in the page's status region (polite): how many suggestions there are. */
  announce: (message: string) => void;
}

function detailOf(s: Suggestion): string {
  return s.kind === 'area' ? s.detail : ADDRESS_WORDS[s.type];
}

function keyOf(s: Suggestion): string {
  return s.kind === 'area' ? s.code : s.id;
}

function countText(n: number): string {
  if (n === 0) return 'Geen suggesties';
  return n === 1 ? '1 suggestie' : `${n} suggesties`;
}

export function SearchBox({ areas, gemeente, onChoose, announce }: SearchBoxProps) {
  const id = useId();
  const listId = `${id}-lijst`;
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  // Only while the list is open: the name a choice puts in the box is not sent to PDOK.
  const online = useAddressSuggestions(open ? query : '', gemeente);
  const options: Suggestion[] = [...matchAreas(areas, query), ...online.results];
  const typed = query.trim() !== '';
  const expanded = open && typed && options.length > 0;
  const showPopup = open && typed;
  const activeIndex = active < options.length ? active : -1;
  const optionId = (i: number) => `${id}-optie-${i}`;

  // The count goes to the page's one status region; PDOK being down is added once (not on every keystroke).
  const failureSaid = useRef(false);
  const count = options.length;
  useEffect(() => {
    if (!online.failed) failureSaid.current = false;
    if (!showPopup) return;
    const failure = online.failed && !failureSaid.current;
    if (failure) failureSaid.current = true;
    announce(failure ? `${countText(count)}. ${UNAVAILABLE}.` : countText(count));
  }, [announce, showPopup, count, online.failed]);


  const choose = (s: Suggestion) => {
    setQuery(s.naam);
    setOpen(false);
    setActive(-1);
    onChoose(s);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const n = options.length;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!typed || n === 0) return;
      setOpen(true);
      if (e.key === 'ArrowDown') setActive(!expanded || activeIndex >= n - 1 ? 0 : activeIndex + 1);
      else setActive(!expanded || activeIndex <= 0 ? n - 1 : activeIndex - 1);
    } else if (e.key === 'Enter') {
      // Enter without a highlighted option takes the first: typing a full name and Enter is the quick way.
      const s = expanded ? options[activeIndex >= 0 ? activeIndex : 0] : undefined;
      if (s) {
        e.preventDefault();
        choose(s);
      }
    } else if (e.key === 'Escape') {
      e.preventDefault();
      if (expanded || showPopup) setOpen(false);
      else setQuery('');
      setActive(-1);
    }
  };

  return (
    <div className="map-search">
      <label htmlFor={`${id}-invoer`} className="map-search-label">
        Zoek een buurt, wijk, straat of postcode
      </label>
      <div className="map-search-field">
        <input
          id={`${id}-invoer`}
          type="text"
          role="combobox"
          autoComplete="off"
          spellCheck={false}
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={expanded && activeIndex >= 0 ? optionId(activeIndex) : undefined}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setOpen(true);
            setActive(-1);
          }}
          onKeyDown={onKeyDown}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
        />
        <div className="map-search-popup" hidden={!showPopup}>
          <div id={listId} role="listbox" aria-label="Zoekresultaten" hidden={!expanded}>
            {options.map((s, i) => (
              <div
                key={`${s.kind}-${keyOf(s)}`}
                id={optionId(i)}
                role="option"
                aria-selected={i === activeIndex}
                className={i === activeIndex ? 'active' : undefined}
                // Focus stays in the box (aria-activedescendant); an option is only focusable by script, like a native list.
                tabIndex={-1}
                onMouseDown={(e) => e.preventDefault()}
                // Taken on release, as a native select list does; the keyboard works through the box (onKeyDown above).
                onMouseUp={() => choose(s)}
              >
                <span className="map-search-name">{s.naam}</span> <span className="map-search-detail">— {detailOf(s)}</span>
              </div>
            ))}
          </div>
          {options.length === 0 && <p className="map-search-note">Geen buurt of wijk gevonden</p>}
          {online.failed && <p className="map-search-note">{UNAVAILABLE}</p>}
        </div>
      </div>
    </div>
  );
}
