// Area flags in plain Dutch: short words for the table, explanations for the area panel.
import type { AreaFlag, StatsRow } from '../../../server/src/domain/model.ts';
import { formatNumber } from './format.ts';

export const FLAG_WORDS: Record<AreaFlag, string> = {
  lowPopulation: 'weinig inwoners',
  noPopulation: 'geen inwoners',
  withheld: 'gegevens afgeschermd',
  visitors: 'veel bezoekers',
  demo: 'DEMO',
  noData: 'geen gegevens',
  suppressed: 'klein aantal verborgen',
};

/** A sentence per flag for the selected area. */
export function explainFlag(flag: AreaFlag, row: StatsRow, lowPopulationThreshold?: number): string {
  switch (flag) {
    case 'lowPopulation':
      return `${row.naam} heeft ${formatNumber(row.population)} inwoners${
        lowPopulationThreshold ? ` (minder dan ${formatNumber(lowPopulationThreshold)})` : ''
      }; een cijfer per 1.000 inwoners is daar niet betrouwbaar — kijk naar het aantal of de EB-gecorrigeerde waarde.`;
    case 'noPopulation':
      return `In ${row.naam} wonen (vrijwel) geen mensen; een cijfer per 1.000 inwoners bestaat daar niet. Kijk naar het aantal of het aantal per km².`;
    case 'withheld':
      return 'CBS/Politie hebben voor deze periode een of meer cijfers afgeschermd (te klein om te publiceren); het werkelijke aantal kan hoger zijn.';
    case 'visitors':
      return `In ${row.naam} komen veel bezoekers (centrum, uitgaan, winkelen); per inwoner overschat het cijfer het risico voor bewoners.`;
    case 'demo':
      return 'De verdeling naar soort misdrijf en maand is gegenereerd (DEMO); de jaartotalen per buurt zijn echt.';
    case 'noData':
      return 'Er zijn voor deze periode geen registraties bekend voor dit gebied.';
    case 'suppressed':
      return 'Het aantal is zo klein dat iemand herkenbaar zou kunnen zijn; daarom worden de cijfers hier niet getoond.';
  }
}
