import { mapCdEvent, ServiceEventRecord } from './cdEventMapping';
import { deploymentKeys, planServiceEvent } from './serviceTimeline';
import {
  CHECKOUT_V1,
  CHECKOUT_V2,
  cdEvent,
  cloudEventOf,
} from './__fixtures__/cdEvents';

const record = (name: 'deployed' | 'upgraded' | 'rolledback') =>
  mapCdEvent(cloudEventOf(cdEvent(name))) as ServiceEventRecord;

const V1_KEY = `/argocd/prod-cluster/deployment/checkout/production/${CHECKOUT_V1}`;
const V2_KEY = `/argocd/prod-cluster/deployment/checkout/production/${CHECKOUT_V2}`;

describe('deploymentKeys', () => {
  it('identifies a deployment by service, environment and artifact', () => {
    const keys = deploymentKeys(record('deployed'));
    expect(keys.base).toBe(V1_KEY);
    expect(keys.occurrence).toBe(
      `${V1_KEY}#5f0c7c3e-2d4b-4c1e-9a57-0d3c8f1b6a01`,
    );
  });

  it('hashes a key longer than the column, deterministically', () => {
    const event = cdEvent('deployed', {
      content: {
        artifactId: `pkg:generic/app@1.0?download_url=${'x'.repeat(300)}`,
      },
    });
    const first = deploymentKeys(
      mapCdEvent(cloudEventOf(event)) as ServiceEventRecord,
    );
    const again = deploymentKeys(
      mapCdEvent(cloudEventOf(event)) as ServiceEventRecord,
    );
    expect(first.base).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(first).toEqual(again);
    expect(first.occurrence).not.toBe(first.base);
  });
});

describe('planServiceEvent', () => {
  it('records a first deployment as succeeded under its base key', () => {
    expect(
      planServiceEvent(record('deployed'), { baseKeyInUse: false }),
    ).toEqual({
      deployment: {
        source: 'cdevents',
        externalId: V1_KEY,
        environment: 'production',
        version: `sha256:${'1'.repeat(64)}`,
        artifact: CHECKOUT_V1,
        status: 'succeeded',
        startedAt: '2026-11-02T09:15:04.118Z',
        finishedAt: '2026-11-02T09:15:04.118Z',
      },
      runningAfter: V1_KEY,
    });
  });

  it('treats the artifact already running as a repeated report', () => {
    expect(
      planServiceEvent(record('deployed'), {
        running: {
          artifact: CHECKOUT_V1,
          deployment: { externalId: V1_KEY, status: 'succeeded' },
        },
        baseKeyInUse: true,
      }),
    ).toEqual({ runningAfter: V1_KEY, unchanged: V1_KEY });
  });

  it('records the same artifact again as a new deployment after something else ran', () => {
    const plan = planServiceEvent(record('deployed'), {
      running: {
        artifact: CHECKOUT_V2,
        deployment: { externalId: V2_KEY, status: 'succeeded' },
      },
      baseKeyInUse: true,
    });
    expect(plan.deployment).toMatchObject({
      externalId: `${V1_KEY}#5f0c7c3e-2d4b-4c1e-9a57-0d3c8f1b6a01`,
      status: 'succeeded',
    });
  });

  it('records a redeploy of a rolled-back artifact as a new deployment', () => {
    const plan = planServiceEvent(record('deployed'), {
      running: {
        artifact: CHECKOUT_V1,
        deployment: { externalId: V1_KEY, status: 'rolled_back' },
      },
      baseKeyInUse: true,
    });
    expect(plan.deployment?.status).toBe('succeeded');
    expect(plan.deployment?.externalId).not.toBe(V1_KEY);
  });

  it('marks the deployment running before a rollback as rolled back', () => {
    const v1Deployment = { externalId: V1_KEY, status: 'succeeded' as const };
    expect(
      planServiceEvent(record('rolledback'), {
        running: {
          artifact: CHECKOUT_V2,
          deployment: { externalId: V2_KEY, status: 'succeeded' },
        },
        baseKeyInUse: true,
        previousOfArtifact: v1Deployment,
      }),
    ).toEqual({ rollBack: V2_KEY, runningAfter: V1_KEY });
  });

  it('keeps an unattributable rollback as its own rolled_back deployment', () => {
    const rollback = record('rolledback');
    for (const running of [
      undefined,
      { artifact: CHECKOUT_V2 },
      {
        artifact: CHECKOUT_V2,
        deployment: { externalId: V2_KEY, status: 'rolled_back' as const },
      },
    ]) {
      expect(
        planServiceEvent(rollback, { running, baseKeyInUse: false }),
      ).toEqual({
        deployment: expect.objectContaining({
          externalId: deploymentKeys(rollback).occurrence,
          status: 'rolled_back',
          version: `sha256:${'1'.repeat(64)}`,
        }),
        runningAfter: deploymentKeys(rollback).occurrence,
      });
    }
  });

  it('changes nothing for a rollback to the artifact already running', () => {
    expect(
      planServiceEvent(record('rolledback'), {
        running: {
          artifact: CHECKOUT_V1,
          deployment: { externalId: V1_KEY, status: 'succeeded' },
        },
        baseKeyInUse: true,
      }),
    ).toEqual({ runningAfter: V1_KEY, unchanged: V1_KEY });
  });
});
