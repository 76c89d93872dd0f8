import { Knex } from 'knex';
import { DateTime } from 'luxon';
import {
  CriterionMeasurement,
  CriterionSource,
} from '@can-i-deploy/plugin-quality-gates-node';
import { optionalString } from './definitionFields';

/**
 * `source: wait-timer`: seconds this version has been running (soaking) in
 * `environment` (default the evaluated one) since its deployment there
 * succeeded; judge it with e.g. `pass: ['>= 3600']`. Not deployed there is
 * no data. Deployed but short of the threshold is not yet: ask again when
 * the soak time is reached.
 */
export function createWaitTimerCriterionSource(knex: Knex): CriterionSource {
  return {
    id: 'wait-timer',
    // Reads only the platform's records of the entity being evaluated.
    safeForRepositoryConfig: true,
    async measure({ entityRef, environment, version, definition, window }) {
      const soakIn = optionalString(definition, 'environment') ?? environment;
      const deployed = await knex('deployments')
        .where({
          entity_ref: entityRef,
          environment: soakIn,
          version,
          status: 'succeeded',
        })
        .orderBy('finished_at', 'asc')
        .first('finished_at', 'started_at');
      if (!deployed) {
        return {
          value: null,
          ...waitTimerEvidence({ environment: soakIn, version }),
          details: { reason: `${version} is not deployed to ${soakIn}` },
        };
      }
      const since = deployed.finished_at ?? deployed.started_at;
      const sinceTime =
        since instanceof Date
          ? DateTime.fromJSDate(since)
          : DateTime.fromMillis(Number(since));
      const seconds = DateTime.fromISO(window.end)
        .diff(sinceTime)
        .as('seconds');
      const soaked = Math.max(0, Math.round(seconds));
      const deployedAt = sinceTime.toUTC().toISO()!;
      return {
        value: soaked,
        ...waitTimerEvidence({
          environment: soakIn,
          version,
          soaked: { seconds: soaked, deployedAt },
        }),
        details: { environment: soakIn, deployedAt },
        // A soak short of its threshold passes by waiting alone: the
        // evaluation works out when from the threshold.
        notYet: {
          rising: { perSecond: 1 },
          reason: `${version} soaks in ${soakIn}`,
        },
      };
    },
  };
}

/** "in staging 1 h 57 min" (the threshold follows), or not deployed there. */
export function waitTimerEvidence(observed: {
  environment: string;
  version: string;
  soaked?: { seconds: number; deployedAt: string };
}): Pick<CriterionMeasurement, 'summary' | 'facts' | 'valueKind'> {
  const { environment, version, soaked } = observed;
  if (!soaked) {
    return {
      summary: [
        { kind: 'version', version },
        ` is not deployed to ${environment} yet`,
      ],
      facts: [{ kind: 'text', text: environment, label: 'Soaks in' }],
    };
  }
  const duration = { kind: 'duration' as const, ms: soaked.seconds * 1000 };
  return {
    summary: [`in ${environment} `, duration],
    facts: [
      { kind: 'text', text: environment, label: 'Soaks in' },
      { kind: 'time', at: soaked.deployedAt, label: 'Deployed' },
      { ...duration, label: 'Running for' },
    ],
    valueKind: { kind: 'duration', unitMs: 1000 },
  };
}
