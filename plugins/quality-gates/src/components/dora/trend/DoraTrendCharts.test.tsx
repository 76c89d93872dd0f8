import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/test-utils';
import { DoraTrendCharts } from './DoraTrendCharts';

const WEEKS = ['2026-11-02', '2026-11-09', '2026-11-16'].map((day, index) => ({
  weekStart: `${day}T00:00:00.000Z`,
  deployments: 4,
  leadTimeMedianSeconds: 3600,
  changeFailureRate: 0,
  recoveryMedianSeconds: [3.8, 2.9, 1.9][index] * 3600,
  reworkRate: 0,
}));

function ticksOf(series: string): string[] {
  const figure = document.querySelector(`[data-series="${series}"]`)!;
  // Six tick marks drawn, and their labels (jsdom lays no text out).
  expect(
    figure.querySelectorAll('.recharts-yAxis .recharts-cartesian-axis-tick'),
  ).toHaveLength(figure.getAttribute('data-value-ticks')!.split(', ').length);
  return figure.getAttribute('data-value-ticks')!.split(', ');
}

describe('DoraTrendCharts', () => {
  it('reads all-zero rates on 0–10 % and recovery on whole hours', async () => {
    await renderInTestApp(<DoraTrendCharts items={WEEKS} />);
    expect(screen.getByText('Rework rate')).toBeInTheDocument();
    expect(ticksOf('reworkPercent')).toEqual([
      '0%',
      '2%',
      '4%',
      '6%',
      '8%',
      '10%',
    ]);
    expect(ticksOf('changeFailurePercent').pop()).toBe('10%');
    expect(ticksOf('recoveryHours')).toEqual([
      '0 s',
      '1 h',
      '2 h',
      '3 h',
      '4 h',
    ]);
  });
});
