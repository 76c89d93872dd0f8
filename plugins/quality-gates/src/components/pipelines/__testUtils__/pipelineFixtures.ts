import {
  PathToProduction,
  PipelineRunListResponse,
  PipelineRunSummary,
  PipelineStats,
  PipelineStatsResponse,
  TraceResponse,
} from '@can-i-deploy/plugin-quality-gates-common';
import {
  at,
  CHECKOUT,
  deployment,
} from '../../timeline/__testUtils__/timelineFixtures';

export const SHA = 'abcdef1234567890abcdef1234567890abcdef12';
export const TRACE_ID = '5b8efff798038103d269b633813fc60c';

function run(
  id: string,
  pipelineName: string,
  change: Partial<PipelineRunSummary> = {},
): PipelineRunSummary {
  return {
    id,
    source: 'github',
    externalId: `gh-${id}`,
    entityRef: CHECKOUT,
    pipelineName,
    runId: id.replace('run-', ''),
    runAttempt: 1,
    ref: 'refs/heads/main',
    sha: SHA,
    result: 'success',
    queuedAt: at(99.99),
    startedAt: at(100),
    finishedAt: at(100 + 4 / 60),
    durationSeconds: 240,
    queueSeconds: 30,
    ...change,
  };
}

export const buildRun = run('run-412', 'build', { traceId: TRACE_ID });
export const failedBuildRun = run('run-411', 'build', {
  result: 'failure',
  runAttempt: 2,
  ref: 'refs/pull/17/merge',
  sha: '1111111222222233333334444444555555566666',
  durationSeconds: 95,
  queueSeconds: undefined,
});
export const deployRun = run('run-77', 'deploy', {
  result: undefined,
  finishedAt: undefined,
  durationSeconds: undefined,
});

export const runsPage: PipelineRunListResponse = {
  entityRef: CHECKOUT,
  items: [buildRun, failedBuildRun, deployRun],
  totalCount: 60,
};

const WEEKS = ['2026-10-19', '2026-10-26', '2026-11-02'];

const build: PipelineStats = {
  pipelineName: 'build',
  runs: 40,
  failed: 6,
  failureRate: 0.15,
  duration: { count: 40, p50Seconds: 240, p95Seconds: 540 },
  queue: { count: 38, p50Seconds: 20, p95Seconds: 90 },
  periods: WEEKS.map((week, index) => ({
    periodStart: `${week}T00:00:00.000Z`,
    runs: 10 + index,
    failed: index,
    failureRate: index === 1 ? null : index / 10,
    duration: { count: 10, p50Seconds: 200 + index * 20, p95Seconds: 500 },
    queue: { count: 10, p50Seconds: 20, p95Seconds: 80 },
  })),
  tasks: [
    {
      taskName: 'unit-tests',
      taskType: 'job',
      duration: { count: 40, p50Seconds: 120, p95Seconds: 300 },
      failed: 4,
      periods: WEEKS.map(week => ({
        periodStart: `${week}T00:00:00.000Z`,
        duration: { count: 10, p50Seconds: 120, p95Seconds: 300 },
      })),
    },
    {
      taskName: 'lint',
      taskType: 'step',
      duration: { count: 40, p50Seconds: 30, p95Seconds: 45 },
      failed: 1,
      periods: [],
    },
  ],
};

const deploy: PipelineStats = {
  pipelineName: 'deploy',
  runs: 12,
  failed: 1,
  failureRate: 1 / 12,
  duration: { count: 12, p50Seconds: 600, p95Seconds: 900 },
  queue: { count: 0, p50Seconds: null, p95Seconds: null },
  periods: [],
  tasks: [],
};

export const checkoutStats: PipelineStatsResponse = {
  entityRef: CHECKOUT,
  from: at(-24 * 23),
  to: at(24 * 7),
  pipelines: [deploy, build],
};

export const shaPath: PathToProduction = {
  entityRef: CHECKOUT,
  sha: SHA,
  reachedProduction: true,
  durationSeconds: 2 * 86400 + 4 * 3600,
  // Not in order: the view orders them by time.
  steps: [
    {
      kind: 'deployment',
      at: at(130),
      deployment: deployment('d7', 'production-eu', '1.4.2', 'succeeded', 130),
      gateDecisions: [
        {
          evaluationId: 'e7',
          gateId: 'prod-slo',
          environment: 'production-eu',
          version: '1.4.2',
          verdict: 'pass',
          mode: 'enforce',
          decidedAt: at(129.9),
        },
      ],
    },
    { kind: 'pipelineRun', at: at(90), pipelineRun: failedBuildRun },
    {
      kind: 'deployment',
      at: at(110),
      deployment: deployment('d6', 'staging', '1.4.2', 'succeeded', 110),
      gateDecisions: [],
    },
    { kind: 'pipelineRun', at: at(100), pipelineRun: buildRun },
  ],
};

export const buildTrace: TraceResponse = {
  traceId: TRACE_ID,
  entityRef: CHECKOUT,
  spans: [],
};
