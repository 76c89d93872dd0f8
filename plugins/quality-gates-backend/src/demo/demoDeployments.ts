import { DateTime } from 'luxon';
import { DeploymentStatus } from '@can-i-deploy/plugin-quality-gates-common';
import { DeploymentReport } from '../deployments/DeploymentStore';

/** Environments in promotion order, as the demo promotes through them. */
const DEMO_ENVIRONMENTS = ['development', 'staging', 'production'] as const;
const DEMO_ACTORS = ['github-actions', 'argocd', 'jane.doe', 'john.smith'];

/**
 * A month of plausible deployment history for one entity, relative to `now`,
 * so a newcomer sees every view populated. Deterministic per entity ref:
 * restarts produce the same external ids and so upsert instead of duplicating.
 */
export function demoDeploymentsFor(
  entityRef: string,
  now: DateTime,
): DeploymentReport[] {
  const random = seededRandom(entityRef);
  const releases = 8 + Math.floor(random() * 5);
  const reports: DeploymentReport[] = [];
  let releaseTime = now.minus({ days: 30 });
  for (let release = 1; release <= releases; release++) {
    // Spread releases over the month so the latest one lands in the last days.
    const spacingHours = Math.floor((28 * 24) / releases);
    releaseTime = releaseTime.plus({
      hours: spacingHours - 6 + Math.floor(random() * 12),
    });
    const version = `1.${release}.0`;
    let stepTime = releaseTime;
    for (const environment of DEMO_ENVIRONMENTS) {
      if (stepTime > now) break;
      const isLatest = release === releases;
      const status = pickStatus(
        random(),
        isLatest && environment === 'production',
      );
      const durationSeconds = 90 + Math.floor(random() * 720);
      const finished = stepTime.plus({ seconds: durationSeconds });
      reports.push({
        source: 'demo',
        externalId: `${entityRef}/${environment}/${version}`,
        entityRef,
        environment,
        version,
        artifact: `pkg:oci/${entityRef.split('/')[1]}@sha256:${hex(
          random,
          16,
        )}`,
        actor: DEMO_ACTORS[Math.floor(random() * DEMO_ACTORS.length)],
        status,
        startedAt: stepTime.toUTC().toISO()!,
        ...(status === 'in_progress' || finished > now
          ? {}
          : { finishedAt: finished.toUTC().toISO()! }),
      });
      // A failed or rolled-back step stops this release's promotion.
      if (status === 'failed' || status === 'rolled_back') break;
      stepTime = stepTime.plus({ hours: 2 + Math.floor(random() * 20) });
    }
  }
  return reports;
}

function pickStatus(roll: number, latestProduction: boolean): DeploymentStatus {
  if (latestProduction) return roll < 0.5 ? 'in_progress' : 'succeeded';
  if (roll < 0.08) return 'failed';
  if (roll < 0.13) return 'rolled_back';
  return 'succeeded';
}

function hex(random: () => number, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++)
    out += Math.floor(random() * 16).toString(16);
  return out;
}

/** Mulberry32 seeded from a string: stable demo data without a dependency. */
function seededRandom(seed: string): () => number {
  let state = 0;
  for (const char of seed)
    state = (Math.imul(state, 31) + char.charCodeAt(0)) | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
