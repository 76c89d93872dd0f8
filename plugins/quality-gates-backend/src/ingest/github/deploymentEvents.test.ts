import { InputError } from '@backstage/errors';
import {
  mapDeploymentEvent,
  mapDeploymentStatusEvent,
} from './deploymentEvents';
import {
  deploymentEvent,
  deploymentStatusEvent,
  SHAS,
} from './__fixtures__/githubEvents';

describe('mapDeploymentStatusEvent', () => {
  it('maps a successful status of an Actions deployment, with its run', () => {
    const mapping = mapDeploymentStatusEvent(deploymentStatusEvent('success'));

    expect(mapping).toEqual({
      kind: 'record',
      record: {
        hints: {
          entityRef: undefined,
          repositorySlug: 'example-corp/checkout',
        },
        deployments: [
          {
            source: 'github',
            externalId: '1874563021',
            environment: 'production',
            version: SHAS.released,
            actor: 'octo-dev',
            status: 'succeeded',
            startedAt: '2026-11-20T10:02:40.000Z',
            finishedAt: '2026-11-20T10:05:12.000Z',
            url: 'https://github.com/example-corp/checkout/actions/runs/11843920185/job/33012345678',
            description: 'ref main',
            pipelineRun: { source: 'github', externalId: '11843920185/1' },
            changes: [
              {
                repository: 'github.com/example-corp/checkout',
                sha: SHAS.released,
              },
            ],
          },
        ],
        pipelineRuns: [
          expect.objectContaining({
            source: 'github',
            externalId: '11843920185/1',
            pipelineName: 'Deploy',
            result: undefined,
          }),
        ],
      },
    });
  });

  it.each([
    ['success', 'succeeded', true],
    ['failure', 'failed', true],
    ['error', 'failed', true],
    ['pending', 'in_progress', false],
    ['queued', 'in_progress', false],
    ['in_progress', 'in_progress', false],
    ['waiting', 'in_progress', false],
  ] as const)('maps state %s to %s', (state, status, finished) => {
    const mapping = mapDeploymentStatusEvent(deploymentStatusEvent(state));
    if (mapping.kind !== 'record') throw new Error('expected a record');
    const [deployment] = mapping.record.deployments!;
    expect(deployment.status).toBe(status);
    expect(deployment.finishedAt).toBe(
      finished ? '2026-11-20T10:05:12.000Z' : undefined,
    );
  });

  it('records nothing for inactive: superseded is not rolled back', () => {
    const mapping = mapDeploymentStatusEvent(deploymentStatusEvent('inactive'));
    expect(mapping).toEqual({
      kind: 'ignore',
      reason: expect.stringContaining('not a rollback'),
    });
  });

  it('ignores a state GitHub may add later, naming the supported ones', () => {
    const event = deploymentStatusEvent('success');
    event.deployment_status!.state = 'exploded' as any;
    expect(mapDeploymentStatusEvent(event)).toEqual({
      kind: 'ignore',
      reason: expect.stringMatching(/'exploded' is not supported.*success/),
    });
  });

  it('takes the entity from the deployment payload when it names one', () => {
    for (const payload of [
      { backstageEntityRef: 'component:default/checkout-worker', extra: 1 },
      JSON.stringify({
        backstageEntityRef: 'component:default/checkout-worker',
      }),
    ]) {
      const mapping = mapDeploymentStatusEvent(
        deploymentStatusEvent('success', { payload }),
      );
      expect(mapping.kind === 'record' && mapping.record.hints).toEqual({
        entityRef: 'component:default/checkout-worker',
        repositorySlug: 'example-corp/checkout',
      });
    }
  });

  it('accepts a free-text deployment payload, which names no entity', () => {
    const mapping = mapDeploymentStatusEvent(
      deploymentStatusEvent('success', { payload: 'deploy --canary' }),
    );
    expect(mapping.kind === 'record' && mapping.record.hints.entityRef).toBe(
      undefined,
    );
  });

  it('rejects a backstageEntityRef that is not a string, naming the field', () => {
    expect(() =>
      mapDeploymentStatusEvent(
        deploymentStatusEvent('success', {
          payload: { backstageEntityRef: ['component:default/checkout'] },
        }),
      ),
    ).toThrow(/deployment\.payload\.backstageEntityRef/);
  });

  it('links to the environment when there is no log, and records no run without Actions', () => {
    const event = deploymentStatusEvent('success', { run: null });
    event.deployment_status!.log_url = '';
    event.deployment_status!.target_url = '';
    const mapping = mapDeploymentStatusEvent(event);
    if (mapping.kind !== 'record') throw new Error('expected a record');
    expect(mapping.record.deployments![0]).toMatchObject({
      url: 'https://checkout.example-corp.com',
      actor: 'github-actions[bot]',
      pipelineRun: undefined,
    });
    expect(mapping.record.pipelineRuns).toBeUndefined();
  });

  it('names the missing field of an incomplete payload', () => {
    const event = deploymentStatusEvent('success');
    delete event.deployment!.sha;
    expect(() => mapDeploymentStatusEvent(event)).toThrow(InputError);
    expect(() => mapDeploymentStatusEvent(event)).toThrow(
      'Invalid deployment_status payload: deployment.sha: Required',
    );
  });
});

describe('mapDeploymentEvent', () => {
  it('records a created deployment as in progress', () => {
    const mapping = mapDeploymentEvent(deploymentEvent());
    if (mapping.kind !== 'record') throw new Error('expected a record');
    expect(mapping.record.deployments).toEqual([
      expect.objectContaining({
        externalId: '1874563021',
        status: 'in_progress',
        startedAt: '2026-11-20T10:02:40.000Z',
        finishedAt: undefined,
        // No status yet: the deploying run is the log.
        url: 'https://github.com/example-corp/checkout/actions/runs/11843920185',
      }),
    ]);
  });
});
