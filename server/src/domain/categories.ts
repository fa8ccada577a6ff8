// Crime types (the 47022NED/47018NED code list) and nuisance types (47024NED), plus composite
// groups defined as data. Resolves a category code to the list of types it sums.
import { z } from 'zod';
import type { Category } from './model.ts';

export interface TypeDef {
  code: string; // '1.1.1' or 'E35'
  naam: string;
  kind: 'misdrijf' | 'overlast';
}

/**
 * The part of a real yearly total that the source does not publish per crime type (47018NED per buurt
 * leaves out zeden and a few other types): its own type, so the official total stays whole.
 */
export const UNSPLIT_TYPE = 'NIET_UITGESPLITST';
export const UNSPLIT_TYPE_DEF: TypeDef = { code: UNSPLIT_TYPE, naam: 'Niet naar soort uitgesplitst', kind: 'misdrijf' };

export const groupFileSchema = z.object({
  groups: z.array(
    z.object({
      code: z.string().min(1),
      naam: z.string().min(1),
      groep: z.string().min(1),
      note: z.string().optional(),
      members: z.array(z.string().min(1)).min(1),
    }),
  ),
});
export type GroupFile = z.infer<typeof groupFileSchema>;

export class Categories {
  readonly types: TypeDef[];
  readonly list: Category[];
  private readonly members = new Map<string, string[]>();

  constructor(types: TypeDef[], groups: GroupFile) {
    this.types = types;
    const cats: Category[] = [];
    for (const g of groups.groups) {
      const m = expandMembers(g.members, types);
      if (m.length === 0) throw new Error(`category group ${g.code}: its members (${g.members.join(', ')}) match no known crime type`);
      this.members.set(g.code, m);
      cats.push({ code: g.code, naam: g.naam, groep: g.groep, kind: 'group', members: m });
    }
    for (const t of types) {
      if (this.members.has(t.code)) continue;
      this.members.set(t.code, [t.code]);
      const groep = t.kind === 'overlast' ? 'overlast' : t.code === UNSPLIT_TYPE ? 'totaal' : t.code.split('.')[0];
      cats.push({ code: t.code, naam: t.naam, groep, kind: 'type' });
    }
    this.list = cats;
  }

  has(code: string): boolean {
    return this.members.has(code);
  }

  /** The crime or nuisance types a category sums; undefined for an unknown code. */
  typesOf(code: string): string[] | undefined {
    return this.members.get(code);
  }

  naam(code: string): string {
    return this.list.find((c) => c.code === code)?.naam ?? code;
  }

  isNuisance(code: string): boolean {
    const m = this.members.get(code);
    return !!m && m.length > 0 && m.every((t) => this.types.find((x) => x.code === t)?.kind === 'overlast');
  }
}

function expandMembers(members: string[], types: TypeDef[]): string[] {
  const out = new Set<string>();
  for (const m of members) {
    if (m === '*') types.filter((t) => t.kind === 'misdrijf').forEach((t) => out.add(t.code));
    else if (m === 'overlast:*') types.filter((t) => t.kind === 'overlast').forEach((t) => out.add(t.code));
    else if (m.endsWith('.x')) {
      const prefix = m.slice(0, -1);
      types.filter((t) => t.kind === 'misdrijf' && t.code.startsWith(prefix)).forEach((t) => out.add(t.code));
    } else if (types.some((t) => t.code === m)) out.add(m);
  }
  return [...out];
}
