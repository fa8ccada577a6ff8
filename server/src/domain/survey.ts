// Survey indicators (Veiligheidsmonitor, buurtpeiling) as data: the schema of
// server/data/survey-indicators.json and of the plan's published gemeente values.
import { z } from 'zod';

export const surveyIndicatorSchema = z.object({
  code: z.string().regex(/^[a-z0-9_]+$/, 'lower-case letters, digits and _ only'),
  label: z.string().min(1),
  unit: z.enum(['percentage', 'rapportcijfer']),
  betterWhen: z.enum(['lower', 'higher']),
  source: z.string().min(1),
});
export type SurveyIndicator = z.infer<typeof surveyIndicatorSchema>;

export const surveyIndicatorFileSchema = z
  .object({ indicators: z.array(surveyIndicatorSchema).min(1) })
  .refine((f) => new Set(f.indicators.map((i) => i.code)).size === f.indicators.length, 'indicator codes must be unique');

export const surveyPlanFileSchema = z.object({
  bron: z.string().min(1),
  rows: z.array(
    z.object({
      area: z.string().regex(/^(GM\d{4}|WK\d{6}|BU\d{8})$/),
      year: z.number().int().min(2000).max(2100),
      indicator: z.string().min(1),
      value: z.number(),
      lower: z.number().nullable().optional(),
      upper: z.number().nullable().optional(),
      respondents: z.number().int().min(0).nullable().optional(),
    }),
  ),
});
export type SurveyPlanFile = z.infer<typeof surveyPlanFileSchema>;

/** Valid value range of a unit: values outside are clamped in demo data and rejected nowhere else. */
export function unitRange(unit: SurveyIndicator['unit']): [number, number] {
  return unit === 'percentage' ? [0, 100] : [1, 10];
}

/** Below this many respondents a survey figure is flagged 'smallSample'. */
export const SMALL_SAMPLE = 30;
