import { EvidenceFact } from '@can-i-deploy/plugin-quality-gates-common';
import {
  CriterionMeasurement,
  CriterionMeasurementRequest,
  CriterionSource,
  criterionTemplateValues,
  CriterionTemplateValues,
  fillTemplate,
} from '@can-i-deploy/plugin-quality-gates-node';
import { MlflowClient, MlflowModelVersion } from './MlflowClient';
import { MlflowDefinition, readMlflowDefinition } from './mlflowDefinition';
import { MlflowSettings } from './mlflowSettings';

/**
 * What the mlflow source is made from.
 *
 * @public
 */
export interface MlflowCriterionSourceOptions {
  settings: MlflowSettings;
  /** For tests or proxies; the global fetch by default. */
  fetch?: typeof fetch;
}

/**
 * `source: mlflow`: the latest value of one metric logged on the run that
 * produced a registered model version. The version is chosen by `version`,
 * `alias` or `stage`, or is the version under evaluation when none is
 * given. Judge it with absolute thresholds (`>= 0.9`) or relative ones
 * against earlier passing evaluations (`>=-2%`), as any criterion.
 *
 * A model, version or alias MLflow does not know, a refused token or an
 * unreachable server throws (the criterion is `error`); a run that did not
 * log the metric, or a stage without a version, is no data.
 *
 * @public
 */
export function createMlflowCriterionSource(
  options: MlflowCriterionSourceOptions,
): CriterionSource {
  const client = new MlflowClient({
    baseUrl: options.settings.baseUrl,
    token: options.settings.token,
    timeoutMs: options.settings.timeoutMs,
    fetch: options.fetch,
  });
  return {
    id: 'mlflow',
    measure: request => measure(request, client, options.settings.externalUrl),
  };
}

/** Which version was asked for, with the placeholders filled in. */
type VersionSelector =
  | { by: 'version'; version: string }
  | { by: 'alias'; alias: string }
  | { by: 'stage'; stage: string };

function selectorOf(
  definition: MlflowDefinition,
  values: CriterionTemplateValues,
): VersionSelector {
  if (definition.alias !== undefined) {
    return {
      by: 'alias',
      alias: fillTemplate(definition.alias, values, { field: 'alias' }),
    };
  }
  if (definition.stage !== undefined) {
    return {
      by: 'stage',
      stage: fillTemplate(definition.stage, values, { field: 'stage' }),
    };
  }
  return {
    by: 'version',
    version: fillTemplate(definition.version ?? '{{version}}', values, {
      field: 'version',
    }),
  };
}

async function measure(
  request: CriterionMeasurementRequest,
  client: MlflowClient,
  externalUrl: string,
): Promise<CriterionMeasurement> {
  const definition = readMlflowDefinition(request.definition);
  const values = criterionTemplateValues(request);
  const model = fillTemplate(definition.model, values, { field: 'model' });
  const selector = selectorOf(definition, values);
  const { signal } = request;
  const asked = {
    model,
    ...(selector.by === 'version' ? { version: selector.version } : {}),
    ...(selector.by === 'alias' ? { alias: selector.alias } : {}),
    ...(selector.by === 'stage' ? { stage: selector.stage } : {}),
    metric: definition.metric,
  };

  let modelVersion: MlflowModelVersion;
  if (selector.by === 'alias') {
    modelVersion = await client.getModelVersionByAlias(
      model,
      selector.alias,
      signal,
    );
  } else if (selector.by === 'stage') {
    const inStage = await client.getLatestVersion(
      model,
      selector.stage,
      signal,
    );
    if (!inStage) {
      return {
        value: null,
        link: `${externalUrl}/#/models/${encodeURIComponent(model)}`,
        summary: [`no version of model ${model} is in stage ${selector.stage}`],
        details: {
          ...asked,
          noData: `No version of ${model} is in stage ${selector.stage}`,
        },
      };
    }
    modelVersion = inStage;
  } else {
    modelVersion = await client.getModelVersion(
      model,
      selector.version,
      signal,
    );
  }

  const versionLink = `${externalUrl}/#/models/${encodeURIComponent(
    model,
  )}/versions/${encodeURIComponent(modelVersion.version)}`;
  const versionFact: EvidenceFact = {
    kind: 'link',
    url: versionLink,
    text: modelVersion.version,
  };
  const versionDetails = {
    ...asked,
    version: modelVersion.version,
    ...(modelVersion.status ? { versionStatus: modelVersion.status } : {}),
    ...(modelVersion.current_stage
      ? { currentStage: modelVersion.current_stage }
      : {}),
    ...(modelVersion.aliases?.length ? { aliases: modelVersion.aliases } : {}),
  };
  if (!modelVersion.run_id) {
    return {
      value: null,
      link: versionLink,
      summary: [
        'version ',
        versionFact,
        ` of model ${model} was not registered from a run, so it has no metrics`,
      ],
      details: {
        ...versionDetails,
        noData: `Version ${modelVersion.version} of ${model} was not registered from a run, so it has no metrics`,
      },
    };
  }

  const runId = modelVersion.run_id;
  const [run, history] = await Promise.all([
    client.getRun(runId, signal),
    client.getMetricHistory(runId, definition.metric, signal),
  ]);
  const runDetails = {
    ...versionDetails,
    runId,
    ...(run.info.run_name ? { runName: run.info.run_name } : {}),
    ...(run.info.status ? { runStatus: run.info.status } : {}),
    runLink: `${externalUrl}/#/experiments/${encodeURIComponent(
      run.info.experiment_id,
    )}/runs/${encodeURIComponent(runId)}`,
    historyLength: history.metrics.length,
    ...(history.complete ? {} : { historyPartial: true }),
  };
  const mlflowFacts = (): EvidenceFact[] => [
    { kind: 'text', text: model, label: 'Model' },
    { ...versionFact, label: 'Version' },
    {
      kind: 'link',
      url: runDetails.runLink,
      text: run.info.run_name ?? runId,
      label: 'Run',
    },
    ...(modelVersion.current_stage
      ? [
          {
            kind: 'text' as const,
            text: modelVersion.current_stage,
            label: 'Stage',
          },
        ]
      : []),
  ];
  const metrics = run.data?.metrics ?? [];
  const latest = metrics.find(metric => metric.key === definition.metric);
  if (!latest) {
    return {
      value: null,
      link: versionLink,
      summary: [
        `the run of model ${model} version `,
        versionFact,
        ` logged no metric '${definition.metric}'`,
      ],
      facts: mlflowFacts(),
      details: {
        ...runDetails,
        noData: `Run ${runId} logged no metric '${definition.metric}'`,
        loggedMetrics: metrics.map(metric => metric.key).sort(),
      },
    };
  }
  const finite = Number.isFinite(latest.value);
  const loggedAt =
    latest.timestamp !== undefined && Number.isFinite(latest.timestamp)
      ? new Date(latest.timestamp).toISOString()
      : undefined;
  return {
    value: finite ? latest.value : null,
    link: versionLink,
    summary: finite
      ? [
          `${definition.metric} `,
          { kind: 'number', value: latest.value },
          ` of model ${model} version `,
          versionFact,
        ]
      : [
          `the latest '${definition.metric}' of model ${model} version `,
          versionFact,
          ` is ${latest.value}`,
        ],
    facts: [
      ...mlflowFacts(),
      ...(loggedAt
        ? [{ kind: 'time' as const, at: loggedAt, label: 'Logged' }]
        : []),
    ],
    ...(finite ? { valueKind: { kind: 'number' as const } } : {}),
    details: {
      ...runDetails,
      ...(latest.step !== undefined ? { step: latest.step } : {}),
      ...(latest.timestamp !== undefined && Number.isFinite(latest.timestamp)
        ? { loggedAt: new Date(latest.timestamp).toISOString() }
        : {}),
      ...(finite
        ? {}
        : { noData: `The latest '${definition.metric}' is ${latest.value}` }),
    },
  };
}
