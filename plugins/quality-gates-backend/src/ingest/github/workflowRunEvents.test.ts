import { mapWorkflowRunEvent } from './workflowRunEvents';
import { SHAS, workflowRunEvent } from './__fixtures__/githubEvents';

describe('mapWorkflowRunEvent', () => {
  it('maps a completed run', () => {
    const mapping = mapWorkflowRunEvent(
      workflowRunEvent('completed', {
        status: 'completed',
        conclusion: 'success',
        updatedAt: '2026-11-20T10:06:30Z',
      }),
    );
    expect(mapping).toEqual({
      kind: 'record',
      record: {
        hints: { repositorySlug: 'example-corp/checkout' },
        pipelineRuns: [
          {
            source: 'github',
            externalId: '11843920185/1',
            pipelineName: 'Deploy',
            runId: '11843920185',
            runAttempt: 1,
            ref: 'main',
            sha: SHAS.released,
            repository: 'github.com/example-corp/checkout',
            result: 'success',
            queuedAt: '2026-11-20T10:02:15.000Z',
            startedAt: '2026-11-20T10:02:15.000Z',
            finishedAt: '2026-11-20T10:06:30.000Z',
            url: 'https://github.com/example-corp/checkout/actions/runs/11843920185',
          },
        ],
      },
    });
  });

  it('leaves result and end open while the run is not completed', () => {
    for (const action of ['requested', 'in_progress'] as const) {
      const mapping = mapWorkflowRunEvent(workflowRunEvent(action));
      if (mapping.kind !== 'record') throw new Error('expected a record');
      expect(mapping.record.pipelineRuns![0]).toMatchObject({
        result: undefined,
        finishedAt: undefined,
      });
    }
  });

  it('keys each attempt apart, starting when the attempt started', () => {
    const mapping = mapWorkflowRunEvent(
      workflowRunEvent('in_progress', { attempt: 2 }),
    );
    if (mapping.kind !== 'record') throw new Error('expected a record');
    expect(mapping.record.pipelineRuns![0]).toMatchObject({
      externalId: '11843920185/2',
      runAttempt: 2,
      startedAt: '2026-11-20T11:30:00.000Z',
    });
  });

  it.each([
    ['success', 'success'],
    ['failure', 'failure'],
    ['cancelled', 'cancellation'],
    ['timed_out', 'timeout'],
    ['skipped', 'skip'],
    ['neutral', 'success'],
    ['stale', 'error'],
    ['startup_failure', 'error'],
    ['something_new', 'error'],
    ['action_required', undefined],
  ])('maps conclusion %s to %s', (conclusion, result) => {
    const mapping = mapWorkflowRunEvent(
      workflowRunEvent('completed', {
        status: 'completed',
        conclusion: conclusion as any,
      }),
    );
    if (mapping.kind !== 'record') throw new Error('expected a record');
    const [run] = mapping.record.pipelineRuns!;
    expect(run.result).toBe(result);
    // A run waiting for approval has not ended.
    expect(run.finishedAt).toBe(
      result ? '2026-11-20T10:03:01.000Z' : undefined,
    );
  });

  it('names the invalid field', () => {
    const event = workflowRunEvent('completed');
    event.workflow_run!.created_at = 'yesterday';
    expect(() => mapWorkflowRunEvent(event)).toThrow(
      /Invalid workflow_run payload: workflow_run\.created_at: Invalid datetime/,
    );
  });
});
