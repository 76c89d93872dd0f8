import { CriterionSource } from '@can-i-deploy/plugin-quality-gates-node';
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
        details: {
          targets,
          running: runningIt,
          behind: targets.filter(target => !runningIt.includes(target)),
        },
      };
    },
  };
}
