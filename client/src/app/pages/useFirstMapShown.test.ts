// @vitest-environment jsdom
import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FIRST_MAP_WAIT_MS, useFirstMapShown, type IdleMap } from './useFirstMapShown.ts';

/** A map whose 'idle' the test fires by hand; counts how often it was asked for. */
function fakeMap() {
  let fire: () => void = () => {};
  const map = {
    asked: 0,
    idle: () => {
      map.asked++;
      return new Promise<void>((resolve) => {
        fire = resolve;
      });
    },
    fireIdle: async () => {
      await act(async () => fire());
    },
  };
  return map;
}

const NONE = new Map<string, string | null>();
const COLOURS = new Map<string, string | null>([['GM0935', '#b30000']]);

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('useFirstMapShown', () => {
  it('is false until the map is idle with colours, then stays true', async () => {
    const map = fakeMap();
    const { result, rerender } = renderHook(({ m, c }: { m: IdleMap | null; c: Map<string, string | null> }) => useFirstMapShown(m, c), {
      initialProps: { m: null as IdleMap | null, c: NONE },
    });
    expect(result.current).toBe(false);
    // A map without colours yet: its idle (an empty background) is not the first map.
    rerender({ m: map, c: NONE });
    expect(map.asked).toBe(0);
    rerender({ m: map, c: COLOURS });
    expect(map.asked).toBe(1);
    expect(result.current).toBe(false);
    await map.fireIdle();
    expect(result.current).toBe(true);
    rerender({ m: map, c: NONE });
    expect(result.current).toBe(true);
  });

  it('shows the rest after FIRST_MAP_WAIT_MS when no coloured map comes', () => {
    const { result } = renderHook(() => useFirstMapShown(null, NONE));
    act(() => vi.advanceTimersByTime(FIRST_MAP_WAIT_MS - 1));
    expect(result.current).toBe(false);
    act(() => vi.advanceTimersByTime(1));
    expect(result.current).toBe(true);
  });

  it('ignores an idle that resolves after the page was left', async () => {
    const map = fakeMap();
    const { result, unmount } = renderHook(() => useFirstMapShown(map, COLOURS));
    unmount();
    await map.fireIdle();
    expect(result.current).toBe(false);
  });
});
