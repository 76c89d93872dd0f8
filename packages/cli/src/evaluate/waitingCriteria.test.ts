import {
  answer,
  criterion,
  evaluation,
  notYet,
  soak,
} from '../__testUtils__/answers';
import { askAgainAtOf, waitingCriteria } from './waitingCriteria';

describe('waitingCriteria', () => {
  it('finds the criteria a not-yet answer waits for, and when to ask again', () => {
    const waiting = waitingCriteria(notYet(60, 3600));
    expect(waiting).toEqual([
      {
        gateId: 'production-slo',
        key: 'soak',
        askAgainAt: new Date('2026-03-02T11:00:00.000Z'),
        message: 'in staging 60s of the required 3600s',
      },
    ]);
    expect(askAgainAtOf(notYet(60, 3600), waiting)).toEqual(
      new Date('2026-03-02T11:00:00.000Z'),
    );
  });

  it('asks again at the decision time, else at the earliest criterion', () => {
    const waited = notYet(60, 3600);
    const traffic = criterion({
      key: 'canary-errors',
      source: 'compare',
      state: 'no_data',
      observed: null,
      askAgainAt: '2026-03-02T10:05:00.000Z',
    });
    waited.evaluations[0].criteria.push(traffic);
    const { askAgainAt: _given, ...withoutTime } = waited;
    const waiting = waitingCriteria(withoutTime);
    expect(waiting.map(w => w.key)).toEqual(['soak', 'canary-errors']);
    expect(askAgainAtOf(withoutTime, waiting)).toEqual(
      new Date('2026-03-02T10:05:00.000Z'),
    );
  });

  it('waits for nothing unless the answer is not yet', () => {
    // A soak short of its time beside a final failure: no.
    const failing = answer({
      verdict: 'fail',
      answer: 'no',
      evaluations: [
        evaluation({
          verdict: 'fail',
          effectiveVerdict: 'fail',
          criteria: [soak(60, 3600), criterion({ state: 'fail' })],
        }),
      ],
    });
    expect(waitingCriteria(failing)).toEqual([]);
    expect(waitingCriteria(answer({ evaluations: [evaluation()] }))).toEqual(
      [],
    );
    expect(waitingCriteria({ ...notYet(60, 3600), answer: 'error' })).toEqual(
      [],
    );
  });

  it('leaves out gates that do not enforce or an override decided', () => {
    const waited = notYet(60, 3600);
    const gate = waited.evaluations[0];
    expect(
      waitingCriteria({
        ...waited,
        evaluations: [
          { ...gate, mode: 'dry-run' },
          { ...gate, mode: 'warn-only' },
          {
            ...gate,
            override: {
              id: 'o1',
              entityRef: 'component:default/checkout',
              environment: 'production',
              version: '1.0.0',
              verdict: 'fail',
              reason: 'broken release',
              createdBy: 'user:default/admin',
              createdAt: '2026-03-02T10:00:00.000Z',
              expiresAt: '2026-03-03T10:00:00.000Z',
              active: true,
            },
          },
        ],
      }),
    ).toEqual([]);
  });
});
