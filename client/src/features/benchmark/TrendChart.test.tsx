// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { TrendChart } from './TrendChart.tsx';
import { trendSummary, type TrendPoint } from './trendText.ts';

afterEach(cleanup);

const trend: TrendPoint[] = [
  { year: 2012, ratePer1000: 6.12, averageRatePer1000: 5.04, members: 6 },
  { year: 2013, ratePer1000: 5.5, averageRatePer1000: 4.8, members: 6 },
  { year: 2014, ratePer1000: null, averageRatePer1000: 4.1, members: 6 },
  { year: 2015, ratePer1000: 4.2, averageRatePer1000: 3.9, members: 6 },
  { year: 2016, ratePer1000: 3.38, averageRatePer1000: 2.9, members: 6 },
];

const renderChart = (t = trend, selectedYear = 2015) =>
  render(<TrendChart trend={t} selfNaam="Maastricht" groupLabel="Referentiegemeenten" selectedYear={selectedYear} />);

describe('TrendChart', () => {
  it('summarises both series in Dutch in its accessible name, with nl-NL numbers', () => {
    renderChart();
    screen.getByRole('img', {
      name: 'Maastricht 2012–2016: van 6,1 naar 3,4 per 1.000 inwoners; gemiddelde Referentiegemeenten van 5,0 naar 2,9. In 4 van de 4 jaren hoger dan het gemiddelde.',
    });
  });

  it('leaves a gap for a year without a figure instead of drawing it as zero', () => {
    renderChart();
    const chart = screen.getByRole('img');
    const self = chart.querySelector('.trend-self path')!.getAttribute('d')!;
    // Two pieces: 2012–2013 and 2015–2016; the pen lifts over 2014.
    expect(self.match(/M/g)).toHaveLength(2);
    expect(chart.querySelectorAll('.trend-self circle')).toHaveLength(4);
    expect(chart.querySelector('.trend-self circle[data-year="2014"]')).toBeNull();
    const group = chart.querySelector('.trend-group path')!.getAttribute('d')!;
    expect(group.match(/M/g)).toHaveLength(1);
    expect(chart.querySelectorAll('.trend-group rect')).toHaveLength(5);
  });

  it('tells the lines apart without colour: solid vs dashed, and labels at the line ends', () => {
    renderChart();
    const chart = screen.getByRole('img');
    expect(chart.querySelector('.trend-self path')!.getAttribute('stroke-dasharray')).toBeNull();
    expect(chart.querySelector('.trend-group path')!.getAttribute('stroke-dasharray')).toBeTruthy();
    expect(chart.querySelector('.trend-end-self')!.textContent).toBe('Maastricht 3,4');
    expect(chart.querySelector('.trend-end-group')!.textContent).toBe('Groepsgemiddelde 2,9');
  });

  it('keeps the end labels apart when the lines end close together', () => {
    renderChart([
      { year: 2020, ratePer1000: 10, averageRatePer1000: 2, members: 6 },
      { year: 2021, ratePer1000: 5, averageRatePer1000: 5.05, members: 6 },
    ]);
    const chart = screen.getByRole('img');
    const ys = ['.trend-end-self', '.trend-end-group'].map((s) => Number(chart.querySelector(s)!.getAttribute('y')));
    expect(Math.abs(ys[0]! - ys[1]!)).toBeGreaterThanOrEqual(16);
  });

  it('marks the selected year with a line, a bold year and larger points', () => {
    renderChart();
    const chart = screen.getByRole('img');
    expect(chart.querySelector('.trend-selected')!.getAttribute('data-year')).toBe('2015');
    const bold = chart.querySelector('.trend-x-selected')!;
    expect(bold.textContent).toBe('2015');
    expect(bold.getAttribute('font-weight')).toBe('700');
    expect(Number(chart.querySelector('.trend-self circle[data-year="2015"]')!.getAttribute('r'))).toBeGreaterThan(
      Number(chart.querySelector('.trend-self circle[data-year="2016"]')!.getAttribute('r')),
    );
  });

  it('starts the y axis at 0 and writes its ticks with a decimal comma', () => {
    renderChart();
    const ticks = [...screen.getByRole('img').querySelectorAll('.trend-y-tick text')].map((t) => t.textContent);
    expect(ticks[0]).toBe('0');
    expect(ticks.some((t) => t!.includes(','))).toBe(false);
    renderChart([
      { year: 2020, ratePer1000: 1.3, averageRatePer1000: 1.2, members: 6 },
      { year: 2021, ratePer1000: 1.1, averageRatePer1000: 1.4, members: 6 },
    ]);
    const small = [...screen.getAllByRole('img')[1]!.querySelectorAll('.trend-y-tick text')].map((t) => t.textContent);
    expect(small).toEqual(['0,0', '0,5', '1,0', '1,5', '2,0']);
  });

  it('labels every year when there is room', () => {
    renderChart();
    expect([...screen.getByRole('img').querySelectorAll('.trend-x-tick')].map((t) => t.textContent)).toEqual(['2012', '2013', '2014', '2015', '2016']);
  });

  it('on a narrow screen labels fewer years, always the selected one, and drops the figures from the end labels', () => {
    const long: TrendPoint[] = Array.from({ length: 14 }, (_, i) => ({ year: 2012 + i, ratePer1000: 5 + i, averageRatePer1000: 4, members: 6 }));
    render(<TrendChart trend={long} selfNaam="Maastricht" groupLabel="G40" selectedYear={2024} width={320} />);
    const chart = screen.getByRole('img');
    const years = [...chart.querySelectorAll('.trend-x-tick')].map((t) => Number(t.textContent));
    expect(years).toContain(2024);
    expect(years.length).toBeLessThanOrEqual(7);
    expect(years[0]).toBe(2012);
    expect(chart.getAttribute('viewBox')).toBe('0 0 320 300');
    expect(chart.querySelector('.trend-end-group')!.textContent).toBe('Gemiddelde');
  });
});

describe('trendSummary', () => {
  it('names the years where a series starts or ends inside the range, and says nothing about direction', () => {
    const gaps: TrendPoint[] = [
      { year: 2012, ratePer1000: null, averageRatePer1000: 5, members: 6 },
      { year: 2013, ratePer1000: 4, averageRatePer1000: 5, members: 6 },
      { year: 2014, ratePer1000: 6, averageRatePer1000: null, members: 6 },
    ];
    expect(trendSummary(gaps, 'Vaals', 'G40')).toBe(
      'Vaals 2012–2014: van 4,0 (2013) naar 6,0 per 1.000 inwoners; gemiddelde G40 van 5,0 naar 5,0 (2013). In 0 van de 1 jaren hoger dan het gemiddelde, in 1 lager.',
    );
    expect(trendSummary(gaps, 'Vaals', 'G40')).not.toMatch(/daal|stijg/);
  });

  it('says when a series has no figures at all', () => {
    expect(trendSummary([{ year: 2012, ratePer1000: null, averageRatePer1000: 2, members: 6 }, { year: 2013, ratePer1000: null, averageRatePer1000: 3, members: 6 }], 'Vaals', 'G40')).toBe(
      'Vaals 2012–2013: geen cijfers; gemiddelde G40 van 2,0 naar 3,0.',
    );
  });
});
