// Presentations as the application sees them: a request body checked against the data (codes in
// one gemeente, known category, months inside the data) and every answer with the link that opens it.
import type { Dataset } from '../store/dataset.ts';
import type { Presentation, PresentationInput, PresentationView } from '../store/presentations.ts';
import type { Level } from '../domain/model.ts';
import { ApiError } from './errors.ts';

/** A request body after schema validation (routes/presentations.ts). */
export interface PresentationBody {
  title: string;
  shared?: boolean;
  views: (Omit<PresentationView, 'focus'> & { focus: { level: Level; codes: string[] } })[];
}

export type PresentationOut = Presentation & { url: string };

export const presentationUrl = (id: number) => `/?view=presentatie&presentation=${id}`;
export const withUrl = (p: Presentation): PresentationOut => ({ ...p, url: presentationUrl(p.id) });

/** Checks what zod cannot: the codes exist in one gemeente, the category is known, the months are in the data. */
export function resolvePresentationInput(ds: Dataset, body: PresentationBody): PresentationInput {
  const views: PresentationView[] = body.views.map((v, i) => {
    const at = (field: string) => `views.${i}.${field}`;
    let gemeente: string | undefined;
    v.focus.codes.forEach((code, j) => {
      const area = ds.area(code);
      if (!area || area.level !== v.focus.level) throw new ApiError(400, `${at(`focus.codes.${j}`)}: ${code} is not a ${v.focus.level} in the data`, at(`focus.codes.${j}`));
      gemeente ??= area.gemeentecode;
      if (area.gemeentecode !== gemeente) throw new ApiError(400, `${at(`focus.codes.${j}`)}: ${code} is not in ${gemeente} like the codes before it`, at(`focus.codes.${j}`));
    });
    if (!ds.categories.has(v.category)) throw new ApiError(400, `${at('category')}: unknown category '${v.category}' (see /api/categories)`, at('category'));
    const months = ds.cube(gemeente!).months;
    const first = months[0];
    const last = months[months.length - 1];
    for (const f of ['from', 'to'] as const) {
      if (v[f] < first || v[f] > last) throw new ApiError(400, `${at(f)}: ${v[f]} is outside the data (${first} … ${last})`, at(f));
    }
    return { ...v, focus: { level: v.focus.level, codes: [...new Set(v.focus.codes)], gemeente: gemeente! } };
  });
  return { title: body.title, gemeente: views[0].focus.gemeente, views, ...(body.shared === undefined ? {} : { shared: body.shared }) };
}

