import { answer, criterion, evaluation, soak } from '../__testUtils__/answers';
import { waitingCriteria } from './waitingCriteria';

describe('waitingCriteria', () => {
  const failing = (overrides: Parameters<typeof evaluation>[0]) =>
    evaluation({ verdict: 'fail', effectiveVerdict: 'fail', ...overrides });

  it('finds a soak that has run, but not long enough, and when it is due', () => {
    const waiting = waitingCriteria(
      answer({
        evaluations: [failing({ criteria: [criterion(), soak(60, 3600)] })],
      }),
    );
    expect(waiting).toEqual([
      {
        gateId: 'production-slo',
        key: 'soak',
        observed: 60,
        threshold: '>= 3600',
        decideAt: new Date('2026-03-02T11:00:00.000Z'),
      },
    ]);
  });

  it('reads the strictest lower bound of a combined threshold', () => {
    const combined = {
      ...soak(5, 60),
      threshold: { pass: '>= 60 and > 120 and <= 9999' },
    };
    const [waiting] = waitingCriteria(
      answer({ evaluations: [failing({ criteria: [combined] })] }),
    );
    expect(waiting.decideAt).toEqual(new Date('2026-03-02T10:02:00.000Z'));
  });

  it('waits without a due time when the threshold is not a lower bound', () => {
    const relative = { ...soak(5, 60), threshold: { pass: '>=+10%' } };
    const [waiting] = waitingCriteria(
      answer({ evaluations: [failing({ criteria: [relative] })] }),
    );
    expect(waiting).toMatchObject({ key: 'soak', observed: 5 });
    expect(waiting.decideAt).toBeUndefined();
  });

  it('does not wait for a version that is not deployed where it soaks', () => {
    expect(
      waitingCriteria(
        answer({ evaluations: [failing({ criteria: [soak(null, 3600)] })] }),
      ),
    ).toEqual([]);
  });

  it('does not wait when nothing is left to decide', () => {
    // Passed already.
    expect(waitingCriteria(answer({ evaluations: [evaluation()] }))).toEqual(
      [],
    );
    // An error is final: fail closed rather than wait it out.
    expect(
      waitingCriteria(
        answer({
          verdict: 'error',
          evaluations: [failing({ criteria: [soak(60, 3600)] })],
        }),
      ),
    ).toEqual([]);
    // A dry run decides nothing; an active override has decided.
    expect(
      waitingCriteria(
        answer({
          verdict: 'fail',
          evaluations: [
            failing({ mode: 'dry-run', criteria: [soak(60, 3600)] }),
            failing({
              criteria: [soak(60, 3600)],
              override: {
                id: 'o1',
                verdict: 'fail',
                reason: 'broken release',
                createdBy: 'user:default/admin',
                createdAt: '2026-03-02T10:00:00.000Z',
                expiresAt: '2026-03-03T10:00:00.000Z',
                active: true,
              },
            }),
          ],
        }),
      ),
    ).toEqual([]);
  });

  it('waits on a warning too: --fail-on-warn turns it into a failure', () => {
    const warned = answer({
      verdict: 'warn',
      evaluations: [
        evaluation({
          verdict: 'warn',
          effectiveVerdict: 'warn',
          criteria: [{ ...soak(60, 3600), state: 'warning' }],
        }),
      ],
    });
    expect(waitingCriteria(warned).map(w => w.key)).toEqual(['soak']);
  });
});
