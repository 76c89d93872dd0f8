import { DateTime } from 'luxon';
import { DeploymentStatus } from '@can-i-deploy/plugin-quality-gates-common';
import { pick, randomHex, seededRandom } from './demoRandom';
import {
  DEPLOYMENT_MINUTES,
  DEVELOPMENT_LEAD_MINUTES,
  DemoScenario,
  scenarioOf,
} from '../scenarios';

/** Environments in promotion order. */
export const DEMO_ENVIRONMENTS = ['development', 'staging', 'production'];
const AUTHORS = ['jane.doe', 'john.smith', 'alex.kim', 'maria.garcia'];
const SUBJECTS = [
  'Fix rounding of totals',
  'Add retry to the payment client',
  'Bump dependencies',
  'Cache product lookups',
  'Tidy logging',
  'Handle empty baskets',
  'Speed up the health check',
  'Add metrics for queue depth',
];

export interface DemoCommit {
  sha: string;
  message: string;
  author: string;
  committedAt: DateTime;
}

export interface DemoDeployment {
  externalId: string;
  environment: string;
  status: DeploymentStatus;
  startedAt: DateTime;
  finishedAt?: DateTime;
}

export interface DemoRelease {
  version: string;
  pullRequest: { number: number; openedAt: DateTime; mergedAt: DateTime };
  /** Head of main before the merge. */
  beforeSha: string;
  /** The merge commit, last of `commits`. */
  mergeSha: string;
  commits: DemoCommit[];
  ciRun: {
    runId: number;
    startedAt: DateTime;
    finishedAt: DateTime;
    result: 'success' | 'failure';
  };
  deployments: DemoDeployment[];
}

export interface DemoIncident {
  id: string;
  environment: string;
  severity: string;
  description: string;
  openedAt: DateTime;
  resolvedAt?: DateTime;
  /** The production deployment it followed (and rolled back, if any). */
  after: DemoDeployment;
  rolledBack: boolean;
}

export interface DemoHistory {
  entityRef: string;
  /** `org/repo`, as the entity's github.com/project-slug says. */
  repositorySlug: string;
  releases: DemoRelease[];
  incidents: DemoIncident[];
}

/**
 * About five weeks of delivery for one entity, ending at `now`: pull
 * requests merged to main, a CI run per merge, promotion through the
 * environments with failures and rollbacks, and incidents after some
 * production deployments. Deterministic per entity ref. An entity with a
 * story (see scenarios.ts) ends with two releases as the story says: the
 * one production ran for days, and the newest, where the story puts it.
 */
export function demoHistoryFor(
  entityRef: string,
  repositorySlug: string,
  now: DateTime,
): DemoHistory {
  const scenario = scenarioOf(entityRef);
  // The story's releases come after the random ones.
  const end = scenario ? now.minus({ days: 3 }) : now;
  const history = randomHistory(entityRef, repositorySlug, end, now);
  if (scenario) {
    const random = seededRandom(`${entityRef}#story`);
    const next = history.releases.length + 1;
    const previous = storyRelease(history, random, {
      index: next,
      mergedAt: now.minus({ hours: 60 }),
      deployAt: {
        development: now.minus({ hours: 58 }),
        staging: now.minus({ hours: 56 }),
        production: now.minus({ hours: 48 }),
      },
    });
    history.releases.push(previous);
    history.releases.push(candidateRelease(history, random, scenario, now));
  }
  return history;
}

function candidateRelease(
  history: DemoHistory,
  random: () => number,
  scenario: DemoScenario,
  now: DateTime,
): DemoRelease {
  const { candidate } = scenario;
  const staging = now.minus({ minutes: candidate.stagingMinutesAgo });
  const development = staging.minus({ minutes: DEVELOPMENT_LEAD_MINUTES });
  const release = storyRelease(history, random, {
    index: history.releases.length + 1,
    mergedAt: development.minus({ minutes: 15 }),
    deployAt: {
      development,
      staging,
      ...(candidate.production
        ? {
            production: now.minus({ minutes: candidate.production.minutesAgo }),
          }
        : {}),
    },
  });
  // A canary is a deployment still under way.
  if (candidate.production?.canaryShare !== undefined) {
    const production = release.deployments.find(
      deployment => deployment.environment === 'production',
    )!;
    production.status = 'in_progress';
    delete production.finishedAt;
  }
  return release;
}

/** A release merged, built (successfully) and deployed at the given times. */
function storyRelease(
  history: DemoHistory,
  random: () => number,
  options: {
    index: number;
    mergedAt: DateTime;
    deployAt: Partial<Record<string, DateTime>>;
  },
): DemoRelease {
  const { index, mergedAt } = options;
  const version = `1.${index}.0`;
  const openedAt = mergedAt.minus({ hours: 3 + random() * 20 });
  const mergeSha = randomHex(random, 40);
  const commits: DemoCommit[] = [
    {
      sha: randomHex(random, 40),
      message: pick(random, SUBJECTS),
      author: pick(random, AUTHORS),
      committedAt: openedAt.minus({ hours: 1 }),
    },
    {
      sha: mergeSha,
      message: `Merge pull request #${100 + index}`,
      author: 'github-actions',
      committedAt: mergedAt,
    },
  ];
  const ciStart = mergedAt.plus({ seconds: 30 });
  const previous = history.releases[history.releases.length - 1];
  return {
    version,
    pullRequest: { number: 100 + index, openedAt, mergedAt },
    beforeSha: previous?.mergeSha ?? randomHex(random, 40),
    mergeSha,
    commits,
    ciRun: {
      runId: (previous?.ciRun.runId ?? 4000) + 1,
      startedAt: ciStart,
      finishedAt: ciStart.plus({ minutes: 7 }),
      result: 'success',
    },
    deployments: DEMO_ENVIRONMENTS.flatMap(environment => {
      const startedAt = options.deployAt[environment];
      if (!startedAt) return [];
      return [
        {
          externalId: `demo-${history.entityRef}-${environment}-${version}`,
          environment,
          status: 'succeeded' as DeploymentStatus,
          startedAt,
          finishedAt: startedAt.plus({ minutes: DEPLOYMENT_MINUTES }),
        },
      ];
    }),
  };
}

/** Releases merged and deployed until `end`, as they stand at `now`. */
function randomHistory(
  entityRef: string,
  repositorySlug: string,
  end: DateTime,
  now: DateTime,
): DemoHistory {
  const random = seededRandom(entityRef);
  const releaseCount = 12 + Math.floor(random() * 6);
  const spacingHours = (35 * 24) / releaseCount;
  const releases: DemoRelease[] = [];
  const incidents: DemoIncident[] = [];
  let mainSha = randomHex(random, 40);
  let runId = 4000 + Math.floor(random() * 1000);
  let mergedAt = end.minus({ days: 35 });

  for (let index = 1; index <= releaseCount; index++) {
    mergedAt = mergedAt.plus({
      hours: spacingHours * (0.6 + random() * 0.8),
    });
    if (mergedAt > end.minus({ hours: 3 })) break;
    const openedAt = mergedAt.minus({ hours: 2 + random() * 40 });
    const commits: DemoCommit[] = [];
    const commitCount = 1 + Math.floor(random() * 4);
    for (let c = 0; c < commitCount; c++) {
      commits.push({
        sha: randomHex(random, 40),
        message: pick(random, SUBJECTS),
        author: pick(random, AUTHORS),
        committedAt: openedAt
          .plus({
            minutes:
              (c * (mergedAt.diff(openedAt, 'minutes').minutes - 10)) /
              commitCount,
          })
          .minus({ hours: c === 0 ? random() * 20 : 0 }),
      });
    }
    const mergeSha = randomHex(random, 40);
    commits.push({
      sha: mergeSha,
      message: `Merge pull request #${100 + index}`,
      author: 'github-actions',
      committedAt: mergedAt,
    });

    const ciStart = mergedAt.plus({ seconds: 20 + random() * 60 });
    const ciRun = {
      runId: runId++,
      startedAt: ciStart,
      finishedAt: ciStart.plus({ seconds: 240 + random() * 420 }),
      result: (random() < 0.12 ? 'failure' : 'success') as
        | 'success'
        | 'failure',
    };

    const version = `1.${index}.0`;
    const deployments: DemoDeployment[] = [];
    if (ciRun.result === 'success') {
      let stepAt = ciRun.finishedAt.plus({ minutes: 1 });
      for (const environment of DEMO_ENVIRONMENTS) {
        if (stepAt > end) break;
        const roll = random();
        const status: DeploymentStatus = roll < 0.08 ? 'failed' : 'succeeded';
        const finishedAt = stepAt.plus({ seconds: 60 + random() * 500 });
        const deployment: DemoDeployment = {
          externalId: `demo-${entityRef}-${environment}-${version}`,
          environment,
          status: finishedAt > now ? 'in_progress' : status,
          startedAt: stepAt,
          ...(finishedAt > now ? {} : { finishedAt }),
        };
        deployments.push(deployment);
        if (deployment.status !== 'succeeded') break;
        if (environment === 'production' && random() < 0.3) {
          const incidentOpened = finishedAt.plus({
            minutes: 20 + random() * 300,
          });
          if (incidentOpened < end) {
            const resolvedAt = incidentOpened.plus({
              minutes: 30 + random() * 240,
            });
            const rolledBack = random() < 0.5;
            if (rolledBack) deployment.status = 'rolled_back';
            incidents.push({
              id: `demo-${entityRef}-incident-${index}`,
              environment,
              severity: pick(random, ['critical', 'major', 'minor']),
              description: pick(random, [
                'Error rate above 5% after release',
                'p99 latency above 800 ms',
                'Checkout requests timing out',
                'Memory climbing until pods restart',
              ]),
              openedAt: incidentOpened,
              ...(resolvedAt < now ? { resolvedAt } : {}),
              after: deployment,
              rolledBack,
            });
          }
        }
        stepAt = finishedAt.plus({ hours: 1 + random() * 20 });
      }
    }

    releases.push({
      version,
      pullRequest: { number: 100 + index, openedAt, mergedAt },
      beforeSha: mainSha,
      mergeSha,
      commits,
      ciRun,
      deployments,
    });
    mainSha = mergeSha;
  }
  return { entityRef, repositorySlug, releases, incidents };
}
