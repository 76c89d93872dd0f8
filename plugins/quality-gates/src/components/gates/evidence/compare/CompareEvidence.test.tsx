import { screen, within } from '@testing-library/react';
import { renderInTestApp } from '@backstage/test-utils';
import { CriterionEvidence } from '@can-i-deploy/plugin-quality-gates-common';
import { CriterionEvidenceItem } from '../CriterionEvidenceItem';
import {
  quietCanaryErrorRatio,
  regressedErrorRatio,
  unchangedLatency,
} from './__fixtures__/compareCriteria';
import { readCompareDetails } from './compareDetails';

async function renderCriterion(criterion: CriterionEvidence) {
  await renderInTestApp(
    <ul>
      <CriterionEvidenceItem criterion={criterion} />
    </ul>,
  );
  return screen.getByRole('listitem', {
    name: criterion.title ?? criterion.key,
  });
}

/** The cells after the heading of the side-by-side table's row `heading`. */
function tableRow(item: HTMLElement, heading: string): string[] {
  const table = within(item).getByRole('table', {
    name: 'Baseline against candidate',
  });
  const cells = within(table)
    .getAllByRole('row')
    .map(row =>
      within(row)
        .queryAllByRole('cell')
        .map(c => c.textContent ?? ''),
    )
    .find(row => row[0] === heading);
  if (!cells) throw new Error(`No row ${heading}`);
  return cells.slice(1);
}

/** The statistics list as label → value. */
function statistics(item: HTMLElement): Record<string, string[]> {
  const list = within(item).getByLabelText('Statistics');
  const facts: Record<string, string[]> = {};
  list.querySelectorAll('dt').forEach(term => {
    const value = term.nextElementSibling?.textContent ?? '';
    facts[term.textContent!] = [...(facts[term.textContent!] ?? []), value];
  });
  return facts;
}

describe('compare evidence of a criterion', () => {
  it('shows a regressed error ratio side by side with the test that failed it', async () => {
    const item = await renderCriterion(regressedErrorRatio);
    expect(
      within(item).getByText(
        'v1 (canary, chosen by auto) over 30m: 2026-11-24 01:56–02:26 UTC',
      ),
    ).toBeInTheDocument();
    expect(
      within(item).getByText(/^v1 served beside v2 in the last 7m30s/),
    ).toBeInTheDocument();
    expect(
      within(item).getByText('v2 over 30m: 2026-11-24 01:56–02:26 UTC'),
    ).toBeInTheDocument();

    expect(
      within(item).getByRole('columnheader', { name: 'Baseline v1' }),
    ).toBeInTheDocument();
    expect(tableRow(item, 'Requests')).toEqual(['22,867', '5,717', '']);
    expect(tableRow(item, 'Errors')).toEqual(['114', '86', '']);
    expect(tableRow(item, 'Error ratio')).toEqual([
      '0.499 %',
      '1.5 %',
      '×3.02',
    ]);

    expect(statistics(item)).toEqual({
      Comparison: ['fail'],
      Test: ['Two-proportion z test'],
      'p-value': ['1.67e-16'],
      'Interval of the change': [
        '+0.749 % to +1.3 % (90 %, newcombe-hybrid-score)',
      ],
      Effect: [
        '3.017 (error ratio, candidate over baseline, 2.389 to 3.812 at 90 %)',
      ],
      'Sample sizes': [
        'baseline 22,867, candidate 5,717 requests (at least 500 per side)',
      ],
    });
    expect(
      within(item).getByText(/^two-proportion z test p = 1\.67e-16/),
    ).toBeInTheDocument();

    const baselineLink = within(item).getByRole('link', {
      name: /^Baseline in Prometheus/,
    });
    const candidateLink = within(item).getByRole('link', {
      name: /^Candidate in Prometheus/,
    });
    expect(baselineLink.getAttribute('href')).toContain('version%3D%22v1%22');
    expect(candidateLink.getAttribute('href')).toBe(regressedErrorRatio.link);
    // The raw details are not dumped as JSON beside the readable view.
    expect(within(item).queryByText(/figures:/)).not.toBeInTheDocument();
  });

  it('shows each quantile of a histogram with its interval', async () => {
    const item = await renderCriterion(unchangedLatency);
    expect(tableRow(item, 'Observations')).toEqual(['22,867', '5,717', '']);
    expect(tableRow(item, 'p50')).toEqual([
      '0.04167 [0.04113, 0.04221]',
      '0.04167 [0.04058, 0.04277]',
      '×1.00',
    ]);
    expect(tableRow(item, 'p99')[2]).toBe('×1.00');
    // p99's interval reaches as low as the buckets allow, not only as low
    // as even spreading inside its bucket would put it.
    expect(tableRow(item, 'p99')[0]).toBe('0.375 [0.2663, 0.3918]');
    expect(statistics(item)).toMatchObject({
      Comparison: ['pass'],
      Test: ['Mann-Whitney rank test over the histogram buckets'],
      'p-value': ['0.5'],
      Effect: [
        '1 (latency as a whole, candidate over baseline, 0.9784 to 1.022 at 90 %)',
      ],
    });
  });

  it('says how much traffic a quiet canary lacks and how long to wait', async () => {
    const item = await renderCriterion(quietCanaryErrorRatio);
    expect(within(item).getByText('No data')).toBeInTheDocument();
    expect(tableRow(item, 'Requests')).toEqual(['22,866', '114', '']);
    expect(statistics(item)).toMatchObject({
      Comparison: ['inconclusive'],
      'Sample sizes': [
        'baseline 22,866, candidate 114 requests (at least 500 per side)',
      ],
      'Missing traffic': [
        'candidate needs 386 more requests (about 1 hr, 41 min, 35 sec at the current rate)',
      ],
    });
  });
});

describe('readCompareDetails', () => {
  it('reads only compare criteria with the parts every comparison has', () => {
    expect(
      readCompareDetails('compare', regressedErrorRatio.details)?.baseline
        .version,
    ).toBe('v1');
    expect(
      readCompareDetails('prometheus', regressedErrorRatio.details),
    ).toBeUndefined();
    expect(readCompareDetails('compare', { state: 'fail' })).toBeUndefined();
    expect(readCompareDetails('compare', undefined)).toBeUndefined();
  });
});
