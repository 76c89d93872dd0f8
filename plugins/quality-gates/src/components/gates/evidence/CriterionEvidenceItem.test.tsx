import { screen, within } from '@testing-library/react';
import { renderInTestApp } from '@backstage/test-utils';
import { CriterionEvidence } from '@can-i-deploy/plugin-quality-gates-common';
import { CriterionEvidenceItem } from './CriterionEvidenceItem';
import { describeDetail } from './evidenceFacts';

const base: CriterionEvidence = {
  key: 'ci',
  title: 'CI passed',
  source: 'pipeline',
  state: 'pass',
  weight: 1,
  keyCriterion: true,
  score: 1,
  observed: 1,
  threshold: { pass: '>= 1' },
  message: 'CI run #4185 succeeded',
  durationMs: 4,
};

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

/** The labelled list `name` as label → text. */
function listed(item: HTMLElement, name: string): Record<string, string> {
  const list = within(item).getByLabelText(name);
  const facts: Record<string, string> = {};
  list.querySelectorAll('dt').forEach(term => {
    facts[term.textContent!] = term.nextElementSibling?.textContent ?? '';
  });
  return facts;
}

describe('a criterion card', () => {
  it('says its sentence with links as links and times relative, and lists its facts', async () => {
    const deployedAt = new Date(Date.now() - 2 * 3_600_000).toISOString();
    const item = await renderCriterion({
      ...base,
      summary: [
        'CI run ',
        { kind: 'link', text: '#4185', url: 'https://ci.example.com/4185' },
        ' succeeded',
      ],
      facts: [
        { kind: 'text', text: 'build', label: 'Pipeline' },
        { kind: 'time', at: deployedAt, label: 'Finished' },
        { kind: 'duration', ms: 754_000, label: 'Took' },
      ],
      details: { pipelineName: 'build', runId: '4185', nested: { a: 1 } },
    });
    // The link says it opens a new window, for screen readers.
    expect(within(item).getByTestId('criterion-sentence').textContent).toMatch(
      /^CI run #4185.* succeeded$/,
    );
    expect(
      within(item).getByRole('link', { name: /#4185/ }).getAttribute('href'),
    ).toBe('https://ci.example.com/4185');
    const facts = listed(item, 'Evidence');
    expect(facts).toMatchObject({
      Pipeline: 'build',
      Finished: '2 h ago',
      Took: '12 min 34 s',
      'Pass when': '>= 1',
      Points: '1 of 1',
    });
    // The absolute time is on hover.
    const time = item.querySelector('time')!;
    expect(time.getAttribute('title')).toMatch(
      /^\d{4}-\d\d-\d\d \d\d:\d\d UTC$/,
    );
    // Facts replace the raw details: no JSON, no raw observed number.
    expect(item.textContent).not.toMatch(/[{}]/);
    expect(facts.Observed).toBeUndefined();
  });

  it('falls back to the message, observed value and thresholds of older evaluations, with details as short text', async () => {
    const item = await renderCriterion({
      ...base,
      state: 'no_data',
      observed: null,
      message: 'no data',
      details: {
        reason: 'no pipeline run built abc123',
        unmetChecks: ['owner', 'runbook'],
        labels: { job: 'api', instance: 'a:9090' },
        pairs: [{ name: '1h/5m' }, { name: '6h/30m' }],
      },
    });
    expect(within(item).getByTestId('criterion-sentence').textContent).toBe(
      'no data',
    );
    expect(listed(item, 'Evidence')).toMatchObject({
      Observed: 'no data',
      'Pass when': '>= 1',
    });
    expect(listed(item, 'Details')).toEqual({
      Reason: 'no pipeline run built abc123',
      'Unmet checks': 'owner, runbook',
      Labels: 'job: api, instance: a:9090',
      Pairs: '2 items',
    });
    expect(item.textContent).not.toMatch(/[{}[\]]/);
  });
});

describe('describeDetail', () => {
  it('says any value in short words, never JSON', () => {
    expect(describeDetail('x'.repeat(300))).toHaveLength(160);
    expect(describeDetail(422446)).toBe('422,446');
    expect(describeDetail(true)).toBe('yes');
    expect(describeDetail(null)).toBe('none');
    expect(describeDetail([1, 2, 3, 4, 5, 6, 7])).toBe(
      '1, 2, 3, 4, 5 and 2 more',
    );
    expect(describeDetail({ a: 1, b: { c: 2 } })).toBe('2 fields');
    expect(describeDetail([])).toBe('none');
  });
});
