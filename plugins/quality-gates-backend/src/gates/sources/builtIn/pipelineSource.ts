import { Knex } from 'knex';
import { CriterionSource } from '@can-i-deploy/plugin-quality-gates-node';
import { optionalString } from './definitionFields';

/**
 * `source: pipeline`: the latest CI run that built this version succeeded.
 * The version is matched as the run's sha or ref (tag), else through the
 * commits a deployment of that version brought. 1 for success, 0 for any
 * other result; no run, or one still running, is no data.
 */
export function createPipelineCriterionSource(knex: Knex): CriterionSource {
  return {
    id: 'pipeline',
    async measure({ entityRef, version, definition }) {
      const pipelineName = optionalString(definition, 'pipelineName');
      const query = knex('pipeline_runs')
        .where('entity_ref', entityRef)
        .where(inner =>
          inner
            .where('sha', version)
            .orWhere('ref', version)
            .orWhereIn(
              'sha',
              knex('deployment_changes as dc')
                .join('deployments as d', 'd.id', 'dc.deployment_id')
                .where({ 'd.entity_ref': entityRef, 'd.version': version })
                .select('dc.sha'),
            ),
        )
        .orderBy('started_at', 'desc')
        .first('pipeline_name', 'run_id', 'result', 'url', 'trace_id');
      if (pipelineName) query.where('pipeline_name', pipelineName);
      const run = await query;
      if (!run) {
        return {
          value: null,
          details: { reason: `no pipeline run built ${version}` },
        };
      }
      const details = {
        pipelineName: run.pipeline_name,
        runId: run.run_id,
        result: run.result,
        traceId: run.trace_id,
      };
      if (run.result === null) {
        return {
          value: null,
          details: { ...details, reason: 'still running' },
        };
      }
      return {
        value: run.result === 'success' ? 1 : 0,
        ...(run.url ? { link: run.url } : {}),
        details,
      };
    },
  };
}
