import { InputError } from '@backstage/errors';
import { meetsReadinessCheck } from '@can-i-deploy/plugin-quality-gates-common';
import {
  CriterionMeasurement,
  CriterionSource,
} from '@can-i-deploy/plugin-quality-gates-node';
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
    // Reads only the platform's records of the entity being evaluated.
    safeForRepositoryConfig: true,
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
        return {
          value: null,
          ...readinessEvidence({}),
          details: { reason: 'never evaluated' },
        };
      }
      const details: Record<string, unknown> = {
        level: stored.summary.level,
        evaluatedAt: stored.summary.evaluatedAt,
      };
      let met = true;
      let levelMet: boolean | undefined;
      let unmet: string[] | undefined;
      if (level) {
        const reached = stored.summary.level
          ? options.levelIds.indexOf(stored.summary.level)
          : -1;
        levelMet = reached >= options.levelIds.indexOf(level);
        met = levelMet;
        details.requiredLevel = level;
      }
      if (checks) {
        unmet = checks.filter(id => {
          const result = stored.results.find(r => r.checkId === id);
          return !result || !meetsReadinessCheck(result.state);
        });
        details.unmetChecks = unmet;
        met = met && unmet.length === 0;
      }
      return {
        value: met ? 1 : 0,
        ...readinessEvidence({
          stored: {
            level: stored.summary.level ?? undefined,
            evaluatedAt: stored.summary.evaluatedAt,
          },
          ...(level ? { level: { required: level, met: levelMet! } } : {}),
          ...(checks ? { checks: { required: checks, unmet: unmet! } } : {}),
        }),
        details,
      };
    },
  };
}

/** "readiness gold reaches the required silver", "2 of 3 checks unmet: …". */
export function readinessEvidence(observed: {
  stored?: { level?: string; evaluatedAt?: string };
  level?: { required: string; met: boolean };
  checks?: { required: string[]; unmet: string[] };
}): Pick<CriterionMeasurement, 'summary' | 'facts'> {
  const { stored, level, checks } = observed;
  if (!stored) {
    return { summary: ['no readiness evaluation of this component yet'] };
  }
  const parts: string[] = [];
  const reached = stored.level ?? 'no level';
  if (level) {
    parts.push(
      level.met
        ? `readiness ${reached} reaches the required ${level.required}`
        : `readiness ${reached} is below the required ${level.required}`,
    );
  }
  if (checks) {
    const { required, unmet } = checks;
    parts.push(
      unmet.length === 0
        ? `all ${required.length} required readiness checks met`
        : `${unmet.length} of ${
            required.length
          } required readiness checks unmet: ${unmet.join(', ')}`,
    );
  }
  return {
    summary: [parts.join('; ')],
    facts: [
      { kind: 'text', text: reached, label: 'Level' },
      ...(level
        ? [
            {
              kind: 'text' as const,
              text: level.required,
              label: 'Required level',
            },
          ]
        : []),
      ...(checks?.unmet.length
        ? [
            {
              kind: 'text' as const,
              text: checks.unmet.join(', '),
              label: 'Unmet checks',
            },
          ]
        : []),
      ...(stored.evaluatedAt
        ? [
            {
              kind: 'time' as const,
              at: stored.evaluatedAt,
              label: 'Evaluated',
            },
          ]
        : []),
    ],
  };
}
