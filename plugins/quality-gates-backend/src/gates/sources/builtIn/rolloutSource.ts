import {
  CriterionMeasurement,
  CriterionSource,
} from '@can-i-deploy/plugin-quality-gates-node';
import { DeploymentStore } from '../../../deployments/DeploymentStore';
import { optionalStringList } from './definitionFields';

/**
 * `source: rollout`: the share (0–1) of target environments or regions
 * (`environments`, default the evaluated one) whose current version is
 * this one, from deployment events. Pass needs 1 unless told otherwise.
 */
export function createRolloutCriterionSource(
  deployments: DeploymentStore,
): CriterionSource {
  return {
    id: 'rollout',
    // Reads only the platform's records of the entity being evaluated.
    safeForRepositoryConfig: true,
    async measure({ entityRef, environment, version, definition }) {
      const targets = optionalStringList(definition, 'environments') ?? [
        environment,
      ];
      const current = await deployments.currentVersions(entityRef);
      const runningIt = targets.filter(target =>
        current.some(
          entry => entry.environment === target && entry.version === version,
        ),
      );
      return {
        value: runningIt.length / targets.length,
        sampleSize: targets.length,
        ...rolloutEvidence({ version, targets, running: runningIt }),
        details: {
          targets,
          running: runningIt,
          behind: targets.filter(target => !runningIt.includes(target)),
        },
      };
    },
  };
}

/** "1.2.3 runs in 2 of 3 targets; not yet in ap-south". */
export function rolloutEvidence(observed: {
  version: string;
  targets: string[];
  running: string[];
}): Pick<CriterionMeasurement, 'summary' | 'facts' | 'valueKind'> {
  const { version, targets, running } = observed;
  const behind = targets.filter(target => !running.includes(target));
  const versionFact = { kind: 'version' as const, version };
  let summary: CriterionMeasurement['summary'];
  if (targets.length === 1) {
    summary = [
      versionFact,
      running.length
        ? ` runs in ${targets[0]}`
        : ` does not run in ${targets[0]} yet`,
    ];
  } else {
    summary = [
      versionFact,
      ' runs in ',
      { kind: 'count', value: running.length },
      ' of ',
      { kind: 'count', value: targets.length, unit: 'target' },
      ...(behind.length ? [`; not yet in ${behind.join(', ')}`] : []),
    ];
  }
  return {
    summary,
    facts: [
      { kind: 'text', text: running.join(', ') || 'none', label: 'Running it' },
      ...(behind.length
        ? [{ kind: 'text' as const, text: behind.join(', '), label: 'Not yet' }]
        : []),
    ],
    valueKind: { kind: 'ratio' },
  };
}
