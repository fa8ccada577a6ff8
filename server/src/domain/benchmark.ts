// Benchmark groups (reference gemeenten of the plan, G32, G40) as data, and the group average:
// weighted, i.e. the sum of registrations over the sum of inhabitants, so a large city counts fully.
import { z } from 'zod';

export const benchmarkFileSchema = z.object({
  groups: z
    .array(
      z.object({
        id: z.string().regex(/^[A-Za-z0-9_-]+$/),
        label: z.string().min(1),
        source: z.string().min(1),
        /** The gemeente whose plan this group belongs to: offered only to that gemeente. */
        gemeente: z.string().regex(/^GM\d{4}$/).optional(),
        members: z.array(z.object({ code: z.string().regex(/^GM\d{4}$/), naam: z.string().min(1), note: z.string().optional() })).min(1),
      }),
    )
    .min(1),
});
export type BenchmarkFile = z.infer<typeof benchmarkFileSchema>;

/** Id of the computed group of gemeenten of similar size (compute/benchmark.ts similarSizeGroup). */
export const SIMILAR_SIZE = 'grootte';

type Group = BenchmarkFile['groups'][number];

/** The groups a gemeente may compare with: every group except another gemeente's own plan group. */
export function groupsFor(groups: Group[], gemeente: string): Group[] {
  return groups.filter((g) => !g.gemeente || g.gemeente === gemeente);
}

/** The group a gemeente's comparison opens on: its own plan's group, else the G40 when it is a member,
 * else another group it belongs to, else gemeenten of similar size — never another gemeente's choice. */
export function defaultGroupId(groups: Group[], gemeente: string): string {
  const mine = groupsFor(groups, gemeente);
  const member = (g: Group) => g.members.some((m) => m.code === gemeente);
  return (mine.find((g) => g.gemeente === gemeente) ?? mine.find((g) => g.id === 'G40' && member(g)) ?? mine.find(member))?.id ?? SIMILAR_SIZE;
}

export interface BenchmarkFigure {
  code: string;
  count: number | null;
  population: number | null;
}

export const ratePer1000 = (count: number | null, population: number | null): number | null =>
  count === null || !population ? null : Math.round((count / population) * 1000 * 100) / 100;

/** Weighted group average over the members that have both a count and inhabitants. */
export function weightedAverage(figures: BenchmarkFigure[]): { ratePer1000: number | null; count: number; population: number; members: number } {
  const ok = figures.filter((f) => f.count !== null && f.population);
  const count = ok.reduce((s, f) => s + f.count!, 0);
  const population = ok.reduce((s, f) => s + f.population!, 0);
  return { ratePer1000: ratePer1000(ok.length ? count : null, population), count, population, members: ok.length };
}
