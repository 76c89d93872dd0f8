import { effectiveGateVerdict, scoreGate } from './gateScore';

const passAt = { passPercent: 90, warningPercent: 75 };

describe('scoreGate', () => {
  it('weighs pass fully, warning by half, fail and no data not at all', () => {
    // 2 + 1/2 + 0 + 0 of 2 + 1 + 1 + 1 = 2.5 / 5 = 50 %.
    expect(
      scoreGate(
        [
          { state: 'pass', weight: 2, keyCriterion: false },
          { state: 'warning', weight: 1, keyCriterion: false },
          { state: 'fail', weight: 1, keyCriterion: false },
          { state: 'no_data', weight: 1, keyCriterion: false },
        ],
        passAt,
      ),
    ).toEqual({ verdict: 'fail', score: 50 });
  });

  it('passes, warns and fails at the gate’s percentages', () => {
    const gate = (states: Array<'pass' | 'warning' | 'fail'>) =>
      scoreGate(
        states.map(state => ({ state, weight: 1, keyCriterion: false })),
        passAt,
      );
    expect(gate(['pass', 'pass', 'pass', 'pass'])).toEqual({
      verdict: 'pass',
      score: 100,
    });
    // 3.5 / 4 = 87.5 %: below 90, above 75.
    expect(gate(['pass', 'pass', 'pass', 'warning'])).toEqual({
      verdict: 'warn',
      score: 87.5,
    });
    expect(gate(['pass', 'pass', 'fail', 'fail']).verdict).toBe('fail');
  });

  it('fails on a failing key criterion whatever the score', () => {
    expect(
      scoreGate(
        [
          { state: 'pass', weight: 10, keyCriterion: false },
          { state: 'fail', weight: 1, keyCriterion: true },
        ],
        passAt,
      ),
    ).toEqual({ verdict: 'fail', score: 90.91 });
  });

  it('fails closed: an error makes the verdict error, no criteria too', () => {
    expect(
      scoreGate(
        [
          { state: 'pass', weight: 10, keyCriterion: false },
          { state: 'error', weight: 1, keyCriterion: false },
        ],
        passAt,
      ).verdict,
    ).toBe('error');
    expect(scoreGate([], passAt)).toEqual({ verdict: 'error', score: null });
  });
});

describe('effectiveGateVerdict', () => {
  it('applies the mode and an active override', () => {
    expect(effectiveGateVerdict('fail', 'enforce')).toBe('fail');
    expect(effectiveGateVerdict('error', 'warn-only')).toBe('warn');
    expect(effectiveGateVerdict('fail', 'dry-run')).toBe('pass');
    expect(
      effectiveGateVerdict('fail', 'enforce', {
        verdict: 'pass',
        active: true,
      }),
    ).toBe('pass');
    expect(
      effectiveGateVerdict('fail', 'enforce', {
        verdict: 'pass',
        active: false,
      }),
    ).toBe('fail');
  });
});
