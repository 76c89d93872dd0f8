import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { EntityFilter } from '@can-i-deploy/plugin-quality-gates-common';
import { ReadinessCheck } from '@can-i-deploy/plugin-quality-gates-node';
import { compileCondition } from './conditions';
import { readEntityFilter } from '../../../config/readEntityFilter';

/**
 * The checks a platform team defines in `qualityGates.readiness.custom`:
 * conditions on the entity, all of which must hold.
 */
export function readConfigDefinedChecks(
  readinessConfig: Config | undefined,
): ReadinessCheck[] {
  const entries = readinessConfig?.getOptionalConfigArray('custom') ?? [];
  return entries.map((entry, index) => {
    const where = `qualityGates.readiness.custom[${index}]`;
    const conditionConfigs = entry.getConfigArray('conditions');
    if (conditionConfigs.length === 0) {
      throw new InputError(`${where}.conditions must list at least one`);
    }
    const conditions = conditionConfigs.map((condition, conditionIndex) =>
      compileCondition(condition, `${where}.conditions[${conditionIndex}]`),
    );
    const failState = entry.getOptionalString('failState') ?? 'failed';
    if (failState !== 'failed' && failState !== 'warning') {
      throw new InputError(`${where}.failState must be failed or warning`);
    }
    const appliesTo: EntityFilter | undefined = readEntityFilter(
      entry.getOptionalConfig('appliesTo'),
    );
    return {
      id: entry.getString('id'),
      title: entry.getString('title'),
      description: entry.getString('description'),
      howToFix: entry.getString('howToFix'),
      level: entry.getOptionalString('level'),
      appliesTo,
      catalogOnly: true,
      evaluate(entity) {
        const missing = conditions
          .filter(condition => !condition.holds(entity))
          .map(condition => condition.missing);
        if (missing.length === 0) {
          return { state: 'passed', message: 'Every condition holds.' };
        }
        return {
          state: failState,
          message: `${missing.length} of ${conditions.length} conditions do not hold.`,
          missing,
        };
      },
    };
  });
}
