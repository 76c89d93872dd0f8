import { pinnedBaselineSentence } from '@can-i-deploy/plugin-quality-gates-common';
import { criterion } from '../__testUtils__/answers';
import { formatBaseline, formatNumber, reasonOf } from './formatEvidence';

describe('criterion evidence in the CLI', () => {
  it("says a compare criterion's reasons, not just no data", () => {
    const sentence =
      'no data: error ratio 0.95 % → 1.28 % (+34.7 %, 99 % interval +12 … +61 %) against 1.4.1; inconclusive: candidate needs 380 more requests (about 6 min at the current rate)';
    expect(
      reasonOf(
        criterion({
          key: 'errors-vs-baseline',
          source: 'compare',
          state: 'no_data',
          observed: null,
          message: sentence,
          summary: [sentence],
        }),
      ),
    ).toBe(sentence);
  });

  it('falls back to the message and the source reason of older evaluations', () => {
    expect(
      reasonOf(
        criterion({
          key: 'errors-vs-baseline',
          source: 'compare',
          state: 'no_data',
          observed: null,
          message: 'no data',
          details: {
            noData: 'inconclusive: candidate has 12 requests, fewer than 500',
          },
        }),
      ),
    ).toBe('no data: inconclusive: candidate has 12 requests, fewer than 500');
  });

  it('says numbers as the evidence formatter does', () => {
    expect(formatNumber(null)).toBe('-');
    expect(formatNumber(422446)).toBe('422,446');
    expect(formatNumber(0.0345678)).toBe('0.03457');
  });

  it('names a pinned baseline by its version, and says who pinned it when', () => {
    const pinned = {
      evaluationId: 'ev-1',
      version: '3.0.0',
      evaluatedAt: '2026-12-05T09:00:00.000Z',
      pinnedBy: 'user:default/jane',
      pinnedAt: '2026-12-05T09:05:00.000Z',
    };
    expect(
      formatBaseline({ value: 100, aggregate: 'pinned ev-1', from: 1, pinned }),
    ).toBe('100 (pinned 3.0.0)');
    expect(
      reasonOf(
        criterion({
          key: 'p95',
          source: 'prometheus',
          state: 'pass',
          observed: 105,
          message: '',
          summary: ['observed 105; ', ...pinnedBaselineSentence(pinned)],
        }),
      ),
    ).toBe(
      'observed 105; the baseline is version 3.0.0, evaluated 2026-12-05 09:00 UTC, pinned by jane 2026-12-05 09:05 UTC',
    );
  });
});
