import { criterion } from '../__testUtils__/answers';
import { formatNumber, reasonOf } from './formatEvidence';

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
});
