import { Knex } from 'knex';
import { DateTime } from 'luxon';
import { CriterionSource } from '@can-i-deploy/plugin-quality-gates-node';
import { optionalString } from './definitionFields';

/**
 * `source: wait-timer`: seconds this version has been running (soaking) in
 * `environment` (default the evaluated one) since its deployment there
 * succeeded; judge it with e.g. `pass: ['>= 3600']`. Not deployed there is
 * no data.
 */
export function createWaitTimerCriterionSource(knex: Knex): CriterionSource {
  return {
    id: 'wait-timer',
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
      return {
        value: Math.max(0, Math.round(seconds)),
        details: { environment: soakIn, deployedAt: sinceTime.toUTC().toISO() },
      };
    },
  };
}
