import { CriterionEvidence } from '@can-i-deploy/plugin-quality-gates-common';
import { evidenceFacts } from './evidenceFacts';

const latency: CriterionEvidence = {
  key: 'p95',
  source: 'prometheus',
  state: 'pass',
  weight: 1,
  keyCriterion: false,
  score: 1,
  observed: 105,
  threshold: { pass: '<=+10%' },
  message: 'observed 105',
  durationMs: 12,
};

const baselineOf = (criterion: CriterionEvidence) =>
  evidenceFacts(criterion).find(fact => fact.label === 'Baseline')?.value;

describe('the baseline fact', () => {
  it('names a pinned baseline by its version and who pinned it, not its id', () => {
    expect(
      baselineOf({
        ...latency,
        baseline: {
          value: 100,
          aggregate: 'pinned ev-1',
          from: 1,
          pinned: {
            evaluationId: 'ev-1',
            version: '3.0.0',
            evaluatedAt: '2026-12-05T09:00:00.000Z',
            pinnedBy: 'user:default/jane',
            pinnedAt: '2026-12-05T09:05:00.000Z',
          },
        },
      }),
    ).toBe('100 (pinned: version 3.0.0 by jane)');
  });

  it('says when nothing is pinned for the entity', () => {
    expect(
      baselineOf({
        ...latency,
        baseline: { value: null, aggregate: 'pinned', from: 0 },
      }),
    ).toBe('none yet (none pinned for this entity here)');
  });

  it('keeps the aggregate of recent passing evaluations', () => {
    expect(
      baselineOf({
        ...latency,
        baseline: { value: 100, aggregate: 'avg', from: 5 },
      }),
    ).toBe('100 (avg of 5 passing evaluations)');
  });
});
