import { DateTime } from 'luxon';
import { explainEffectiveVerdict } from './verdictExplanation';

describe('explainEffectiveVerdict', () => {
  const override = {
    id: 'o1',
    entityRef: 'component:default/checkout',
    environment: 'production',
    version: '1.0.0',
    verdict: 'pass' as const,
    reason: 'The spike is the load test',
    createdBy: 'user:default/jane',
    createdAt: '2026-11-20T10:00:00.000Z',
    expiresAt: '2026-11-21T10:00:00.000Z',
  };

  it('says nothing when the recorded verdict is the one that counts', () => {
    expect(
      explainEffectiveVerdict({
        mode: 'enforce',
        verdict: 'fail',
        effectiveVerdict: 'fail',
      }),
    ).toBeUndefined();
    // A dry-run gate that passed: nothing to explain.
    expect(
      explainEffectiveVerdict({
        mode: 'dry-run',
        verdict: 'pass',
        effectiveVerdict: 'pass',
      }),
    ).toBeUndefined();
  });

  it('names the mode that changed it', () => {
    expect(
      explainEffectiveVerdict({
        mode: 'dry-run',
        verdict: 'fail',
        effectiveVerdict: 'pass',
      }),
    ).toBe('Fail — dry-run, not enforced');
    expect(
      explainEffectiveVerdict({
        mode: 'warn-only',
        verdict: 'error',
        effectiveVerdict: 'warn',
      }),
    ).toBe('Error — warn-only, reported as a warning');
  });

  it('names who overrode it and until when; an active override wins over the mode', () => {
    const until = DateTime.fromISO(override.expiresAt).toLocaleString(
      DateTime.DATETIME_MED,
    );
    expect(
      explainEffectiveVerdict({
        mode: 'dry-run',
        verdict: 'fail',
        effectiveVerdict: 'pass',
        override: { ...override, active: true },
      }),
    ).toBe(`Fail — overridden to pass by user:default/jane until ${until}`);
    expect(
      explainEffectiveVerdict({
        mode: 'enforce',
        verdict: 'pass',
        effectiveVerdict: 'fail',
        override: { ...override, verdict: 'fail', active: true },
      }),
    ).toBe(`Pass — overridden to fail by user:default/jane until ${until}`);
  });
});
