import { Knex } from 'knex';
import {
  CriterionMeasurement,
  CriterionSource,
} from '@can-i-deploy/plugin-quality-gates-node';
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
    // Reads only the platform's records of the entity being evaluated.
    safeForRepositoryConfig: true,
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
          ...pipelineEvidence({ version, pipelineName }),
          details: { reason: `no pipeline run built ${version}` },
        };
      }
      const details = {
        pipelineName: run.pipeline_name,
        runId: run.run_id,
        result: run.result,
        traceId: run.trace_id,
      };
      const evidence = pipelineEvidence({
        version,
        pipelineName,
        run: {
          pipelineName: run.pipeline_name,
          runId: run.run_id ?? undefined,
          result: run.result,
          url: run.url ?? undefined,
          traceId: run.trace_id ?? undefined,
        },
      });
      if (run.result === null) {
        return {
          value: null,
          ...evidence,
          details: { ...details, reason: 'still running' },
        };
      }
      return {
        value: run.result === 'success' ? 1 : 0,
        ...(run.url ? { link: run.url } : {}),
        ...evidence,
        details,
      };
    },
  };
}

const RESULT_WORDS: Record<string, string> = {
  success: 'succeeded',
  failure: 'failed',
  failed: 'failed',
  cancelled: 'was cancelled',
  canceled: 'was cancelled',
  skipped: 'was skipped',
};

/** "CI run #4185 succeeded", or what is missing: no run built it yet. */
export function pipelineEvidence(observed: {
  version: string;
  pipelineName?: string;
  run?: {
    pipelineName: string;
    runId?: string;
    /** null while it runs. */
    result: string | null;
    url?: string;
    traceId?: string;
  };
}): Pick<CriterionMeasurement, 'summary' | 'facts'> {
  const { version, pipelineName, run } = observed;
  if (!run) {
    return {
      summary: [
        pipelineName ? `no run of ${pipelineName} built ` : 'no CI run built ',
        { kind: 'version', version },
        ' yet',
      ],
    };
  }
  let name = run.runId ?? 'without an id';
  if (run.runId && /^\d+$/.test(run.runId)) name = `#${run.runId}`;
  const runFact = run.url
    ? { kind: 'link' as const, url: run.url, text: name }
    : { kind: 'text' as const, text: name };
  const outcome =
    run.result === null
      ? 'is still running'
      : RESULT_WORDS[run.result] ?? `ended ${run.result}`;
  return {
    summary: [
      pipelineName ? `${run.pipelineName} run ` : 'CI run ',
      runFact,
      ` ${outcome}`,
    ],
    facts: [
      { kind: 'text', text: run.pipelineName, label: 'Pipeline' },
      { ...runFact, label: 'Run' },
      { kind: 'text', text: run.result ?? 'running', label: 'Result' },
      { kind: 'version', version, label: 'Version' },
      ...(run.traceId
        ? [{ kind: 'text' as const, text: run.traceId, label: 'Trace' }]
        : []),
    ],
  };
}
