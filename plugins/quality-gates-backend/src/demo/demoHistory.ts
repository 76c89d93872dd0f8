import { DateTime } from 'luxon';
import { DeploymentStatus } from '@can-i-deploy/plugin-quality-gates-common';
import { pick, randomHex, seededRandom } from './demoRandom';

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
 * production deployments. Deterministic per entity ref.
 */
export function demoHistoryFor(
  entityRef: string,
  repositorySlug: string,
  now: DateTime,
): DemoHistory {
  const random = seededRandom(entityRef);
  const releaseCount = 12 + Math.floor(random() * 6);
  const spacingHours = (35 * 24) / releaseCount;
  const releases: DemoRelease[] = [];
  const incidents: DemoIncident[] = [];
  let mainSha = randomHex(random, 40);
  let runId = 4000 + Math.floor(random() * 1000);
  let mergedAt = now.minus({ days: 35 });

  for (let index = 1; index <= releaseCount; index++) {
    mergedAt = mergedAt.plus({
      hours: spacingHours * (0.6 + random() * 0.8),
    });
    if (mergedAt > now.minus({ hours: 3 })) break;
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
        if (stepAt > now) break;
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
          if (incidentOpened < now) {
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
