import { decisionAnswer, waitingUntil } from './decisionAnswer';
import {
  CriterionEvidence,
  GateEvaluation,
  GateOverride,
} from './GateEvaluation';

function criterion(
  state: CriterionEvidence['state'],
  askAgainAt?: string,
): Pick<CriterionEvidence, 'state' | 'askAgainAt'> {
  return { state, ...(askAgainAt ? { askAgainAt } : {}) };
}

type Gate = Parameters<typeof waitingUntil>[0][number];

function gate(
  effectiveVerdict: GateEvaluation['effectiveVerdict'],
  criteria: Gate['criteria'],
  more: Partial<Gate> = {},
): Gate {
  return { mode: 'enforce', effectiveVerdict, criteria, ...more };
}

const SOON = '2026-12-06T12:05:00.000Z';
const LATER = '2026-12-06T12:40:00.000Z';

function answer(gates: Gate[]) {
  return decisionAnswer(gates, [], { askAgainAt: waitingUntil(gates) });
}

describe('waitingUntil and decisionAnswer', () => {
  it('is not yet at the earliest time when every failure only waits', () => {
    const gates = [
      gate('fail', [criterion('pass'), criterion('no_data', LATER)]),
      gate('fail', [criterion('no_data', SOON)]),
    ];
    expect(waitingUntil(gates)).toBe(SOON);
    expect(answer(gates)).toBe('not_yet');
  });

  it('is no when something fails for good beside a criterion that waits', () => {
    const gates = [
      gate('fail', [criterion('fail'), criterion('no_data', SOON)]),
    ];
    expect(waitingUntil(gates)).toBeUndefined();
    expect(answer(gates)).toBe('no');
    const twoGates = [
      gate('fail', [criterion('no_data', SOON)]),
      gate('fail', [criterion('no_data')]),
    ];
    expect(answer(twoGates)).toBe('no');
  });

  it('is never yes while a criterion of an enforcing gate waits', () => {
    const gates = [
      gate('pass', [criterion('pass'), criterion('no_data', SOON)]),
    ];
    expect(answer(gates)).toBe('not_yet');
  });

  it('is an error, not a wait, when a gate could not decide', () => {
    const gates = [
      gate('fail', [criterion('no_data', SOON)]),
      gate('error', [criterion('error')]),
    ];
    expect(answer(gates)).toBe('no');
    const passing = [
      gate('pass', [criterion('pass'), criterion('no_data', SOON)]),
      gate('error', [criterion('error')]),
    ];
    expect(answer(passing)).toBe('error');
  });

  it('leaves warn-only, dry-run and overridden gates out of the wait', () => {
    const override = { verdict: 'pass' } as GateOverride;
    expect(
      answer([
        gate('pass', [criterion('no_data', SOON)], { mode: 'warn-only' }),
        gate('pass', [criterion('no_data', SOON)], { mode: 'dry-run' }),
        gate('pass', [criterion('no_data', SOON)], { override }),
      ]),
    ).toBe('yes');
    expect(
      answer([
        gate('fail', [criterion('pass')], {
          override: { ...override, verdict: 'fail' },
        }),
        gate('fail', [criterion('no_data', SOON)]),
      ]),
    ).toBe('no');
  });
});
