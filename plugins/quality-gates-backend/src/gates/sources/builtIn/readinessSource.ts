import { InputError } from '@backstage/errors';
import { meetsReadinessCheck } from '@can-i-deploy/plugin-quality-gates-common';
import { CriterionSource } from '@can-i-deploy/plugin-quality-gates-node';
import { ReadinessStore } from '../../../readiness/ReadinessStore';
import { optionalString, optionalStringList } from './definitionFields';

/**
 * `source: readiness`: the component's stored readiness. With `level`, 1
 * when it reached that level (or a higher one); with `checks`, 1 when every
 * named check is met. No stored result is no data.
 */
export function createReadinessCriterionSource(options: {
  store: ReadinessStore;
  levelIds: string[];
}): CriterionSource {
  return {
    id: 'readiness',
    async measure({ entityRef, definition }) {
      const level = optionalString(definition, 'level');
      const checks = optionalStringList(definition, 'checks');
      if (!level && !checks) {
        throw new InputError(
          "a readiness criterion needs 'level' (e.g. silver) or 'checks' (ids)",
        );
      }
      if (level && !options.levelIds.includes(level)) {
        throw new InputError(
          `readiness level '${level}' is not one of ${options.levelIds.join(
            ', ',
          )}`,
        );
      }
      const stored = await options.store.getEntity(entityRef);
      if (!stored) {
        return { value: null, details: { reason: 'never evaluated' } };
      }
      const details: Record<string, unknown> = {
        level: stored.summary.level,
        evaluatedAt: stored.summary.evaluatedAt,
      };
      let met = true;
      if (level) {
        const reached = stored.summary.level
          ? options.levelIds.indexOf(stored.summary.level)
          : -1;
        met = reached >= options.levelIds.indexOf(level);
        details.requiredLevel = level;
      }
      if (checks) {
        const unmet = checks.filter(id => {
          const result = stored.results.find(r => r.checkId === id);
          return !result || !meetsReadinessCheck(result.state);
        });
        details.unmetChecks = unmet;
        met = met && unmet.length === 0;
      }
      return { value: met ? 1 : 0, details };
    },
  };
}
