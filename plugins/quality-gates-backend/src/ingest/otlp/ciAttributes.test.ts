import {
  githubSlugOf,
  isCiTask,
  namesCiTask,
  normaliseCiAttributes,
  normaliseRepository,
  pipelineResultOf,
} from './ciAttributes';
import { Attributes } from './OtlpTraces';

describe('normaliseCiAttributes', () => {
  it('reads the OpenTelemetry CI/CD semantic conventions', () => {
    const ci = normaliseCiAttributes({
      'cicd.pipeline.name': 'Deploy checkout',
      'cicd.pipeline.run.id': '120912',
      'cicd.pipeline.result': 'cancellation',
      'cicd.pipeline.run.url.full': 'https://ci.example.com/runs/120912',
      'vcs.ref.head.revision': 'abc123',
      'vcs.ref.head.name': 'main',
      'vcs.repository.url.full': 'https://github.com/example-corp/checkout',
      'vcs.provider.name': 'github',
    });
    expect(ci).toEqual({
      pipelineName: 'Deploy checkout',
      runId: '120912',
      result: 'cancellation',
      runUrl: 'https://ci.example.com/runs/120912',
      revision: 'abc123',
      ref: 'main',
      repositoryUrl: 'https://github.com/example-corp/checkout',
      repositoryHost: 'github',
    });
    expect(isCiTask(ci)).toBe(false);
  });

  it('reads task spans of the semantic conventions', () => {
    const ci = normaliseCiAttributes({
      'cicd.pipeline.task.name': 'go-test',
      'cicd.pipeline.task.type': 'test',
      'cicd.pipeline.task.run.id': 12097,
      'cicd.pipeline.task.run.result': 'failure',
      'cicd.pipeline.task.run.url.full': 'https://ci.example.com/runs/1/job/2',
    });
    expect(ci).toEqual({
      taskName: 'go-test',
      taskType: 'test',
      taskRunId: '12097',
      taskResult: 'failure',
      taskRunUrl: 'https://ci.example.com/runs/1/job/2',
    });
    expect(isCiTask(ci)).toBe(true);
  });

  it('reads semantic conventions before 1.29 (vcs.repository.ref.*)', () => {
    expect(
      normaliseCiAttributes({
        'cicd.pipeline.name': 'build',
        'vcs.repository.ref.revision': 'def456',
        'vcs.repository.ref.name': 'release/1.2',
      }),
    ).toEqual({
      pipelineName: 'build',
      revision: 'def456',
      ref: 'release/1.2',
    });
  });

  it("normalises the Jenkins OpenTelemetry plugin's ci.pipeline.* and git.*", () => {
    const run = normaliseCiAttributes({
      'ci.pipeline.id': 'payments/main',
      'ci.pipeline.name': 'payments » main',
      'ci.pipeline.run.number': 42,
      'ci.pipeline.run.url': 'https://ci.example.com/job/payments/job/main/42/',
      'ci.pipeline.run.result': 'ABORTED',
    });
    expect(run).toEqual({
      // The job's full name: unique, unlike its display name.
      pipelineName: 'payments/main',
      runId: '42',
      runUrl: 'https://ci.example.com/job/payments/job/main/42/',
      result: 'cancellation',
    });
    const checkout = normaliseCiAttributes({
      'git.repository': 'example-corp/payments',
      'git.branch': 'main',
      'server.address': 'github.com',
    });
    expect(checkout).toEqual({
      repositoryName: 'example-corp/payments',
      ref: 'main',
      repositoryHost: 'github.com',
    });
    expect(normaliseRepository(checkout)).toBe(
      'github.com/example-corp/payments',
    );
    expect(
      normaliseCiAttributes({ 'jenkins.pipeline.step.result': 'NOT_EXECUTED' }),
    ).toEqual({ taskResult: 'skip' });
  });

  it.each([
    ['SUCCESS', 'success'],
    ['UNSTABLE', 'failure'],
    ['FAILURE', 'failure'],
    ['ABORTED', 'cancellation'],
    ['NOT_BUILT', 'skip'],
  ])('maps the Jenkins result %s to %s', (word, result) => {
    expect(
      normaliseCiAttributes({
        'ci.pipeline.id': 'job',
        'ci.pipeline.run.result': word,
      }).result,
    ).toBe(result);
  });

  it("normalises the Collector GitHub receiver's variants", () => {
    // Workflow run resource, as the receiver builds it.
    const run = normaliseCiAttributes({
      'service.name': 'checkout',
      'vcs.repository.name': 'checkout',
      'vcs.repository.owner': 'example-corp',
      'vcs.vendor.name': 'github',
      'vcs.ref.head': 'main',
      'vcs.ref.head.revision': 'abc123',
      'cicd.pipeline.name': 'build-and-deploy',
      'cicd.pipeline.run.url.full':
        'https://github.com/example-corp/checkout/actions/runs/98',
      'cicd.pipeline.run.id': 98,
      'cicd.pipeline.run.status': 'cancelled',
      'github.workflow.run.attempt': 2,
    });
    expect(run).toEqual({
      pipelineName: 'build-and-deploy',
      runId: '98',
      runAttempt: 2,
      result: 'cancellation',
      runUrl: 'https://github.com/example-corp/checkout/actions/runs/98',
      revision: 'abc123',
      ref: 'main',
      repositoryName: 'checkout',
      repositoryOwner: 'example-corp',
      repositoryHost: 'github',
    });
    expect(normaliseRepository(run)).toBe('github.com/example-corp/checkout');
    // A job resource: a task, by its task run id and status.
    const job = normaliseCiAttributes({
      'cicd.pipeline.name': 'test (1.23)',
      'cicd.pipeline.task.run.id': 40685651258,
      'cicd.pipeline.run.task.status': 'skipped',
    });
    expect(job).toMatchObject({ taskRunId: '40685651258', taskResult: 'skip' });
    expect(isCiTask(job)).toBe(true);
  });

  it('prefers the current convention when a producer sends both names', () => {
    expect(
      normaliseCiAttributes({
        'ci.pipeline.name': 'legacy',
        'cicd.pipeline.name': 'current',
        'ci.pipeline.run.result': 'FAILURE',
        'cicd.pipeline.result': 'success',
      }),
    ).toEqual({ pipelineName: 'current', result: 'success' });
  });

  it('ignores empty, unknown and ill-typed values', () => {
    expect(
      normaliseCiAttributes({
        'cicd.pipeline.name': '  ',
        'cicd.pipeline.result': 'action_required',
        'cicd.pipeline.run.id': true,
        'cicd.pipeline.run.attempt': 'first',
      }),
    ).toEqual({});
  });
});

describe('pipelineResultOf', () => {
  it.each([
    ['success', 'success'],
    ['neutral', 'success'],
    ['timed_out', 'timeout'],
    ['startup_failure', 'error'],
    ['Canceled', 'cancellation'],
    ['skip', 'skip'],
    ['action_required', undefined],
    ['whatever', undefined],
  ])('%s → %s', (word, result) => {
    expect(pipelineResultOf(word)).toBe(result);
  });
});

describe('normaliseRepository', () => {
  it.each([
    [
      'https://github.com/Example-Corp/Checkout.git',
      'github.com/example-corp/checkout',
    ],
    [
      'https://github.com/example-corp/checkout/',
      'github.com/example-corp/checkout',
    ],
    [
      'git@github.com:example-corp/checkout.git',
      'github.com/example-corp/checkout',
    ],
    [
      'ssh://git@gitlab.example.com/group/sub/app.git',
      'gitlab.example.com/group/sub/app',
    ],
  ])('%s → %s', (repositoryUrl, repository) => {
    expect(normaliseRepository({ repositoryUrl })).toBe(repository);
  });

  it('needs a host for a repository named without its URL', () => {
    expect(normaliseRepository({ repositoryName: 'checkout' })).toBeUndefined();
    expect(
      normaliseRepository({
        repositoryName: 'checkout',
        repositoryHost: 'github',
      }),
    ).toBeUndefined();
    expect(
      normaliseRepository({
        repositoryName: 'checkout',
        repositoryOwner: 'org',
        repositoryHost: 'gitlab',
      }),
    ).toBe('gitlab.com/org/checkout');
  });
});

describe('githubSlugOf', () => {
  it('reads org/repo of GitHub and GitHub Enterprise repositories only', () => {
    expect(githubSlugOf('github.com/example-corp/checkout')).toBe(
      'example-corp/checkout',
    );
    expect(githubSlugOf('github.example.com/team/app')).toBe('team/app');
    expect(githubSlugOf('gitlab.com/group/app')).toBeUndefined();
    expect(githubSlugOf('github.com/group/sub/app')).toBeUndefined();
    expect(githubSlugOf(undefined)).toBeUndefined();
  });

  it('tells task spans apart as normalising all attributes would', () => {
    const samples: Attributes[] = [
      {},
      { 'cicd.pipeline.name': 'deploy', 'cicd.pipeline.run.id': '7' },
      { 'cicd.pipeline.task.name': 'build' },
      { 'cicd.pipeline.task.run.id': 42 },
      { 'cicd.pipeline.task.type': '  ' },
      { 'cicd.pipeline.task.run.result': 'success' },
      { 'cicd.pipeline.task.run.result': 'no such result' },
      { 'cicd.pipeline.run.task.status': 'completed' },
      { 'jenkins.pipeline.step.result': 'SUCCESS' },
      { 'cicd.pipeline.task.name': true },
    ];
    for (const attributes of samples) {
      expect([attributes, namesCiTask(attributes)]).toEqual([
        attributes,
        isCiTask(normaliseCiAttributes(attributes)),
      ]);
    }
  });
});
