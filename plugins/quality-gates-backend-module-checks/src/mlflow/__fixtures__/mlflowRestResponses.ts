/**
 * MLflow REST API (2.0) answers for a registered model `fraud-detector`,
 * written to the shapes the MLflow REST API reference documents (field
 * names, int64 millisecond timestamps, `{ error_code, message }` errors,
 * empty lists left out). No MLflow server is run in tests: these answers
 * are served over HTTP by a local server instead.
 *
 * - version 7: `challenger`, in Staging, accuracy 0.934 after three epochs
 *   (its history comes in two pages)
 * - version 6: `champion`, in Production, accuracy 0.951
 * - version 8: registered from a path, not from a run
 * - version 9: its run logged no accuracy (it crashed early)
 */

export const MODEL = 'fraud-detector';
export const RUN_V7 = '3f1c9a2b7d4e4f0a9b8c6d5e4f3a2b1c';
export const RUN_V6 = 'a7e5c3b1d9f24e6a8c0b2d4f6e8a0c2e';
export const RUN_V9 = '0b9d7f5e3c1a4b2d8e6f0a2c4e6b8d0f';
export const EXPERIMENT_ID = '412';
export const TOKEN = 'mlflow-test-token';

/** One answer: the status and the JSON body MLflow sends. */
export interface RecordedAnswer {
  status: number;
  body: unknown;
}

function modelVersion(fields: {
  version: string;
  runId: string;
  stage: string;
  aliases?: string[];
  created: number;
  source: string;
}) {
  return {
    name: MODEL,
    version: fields.version,
    creation_timestamp: fields.created,
    last_updated_timestamp: fields.created + 3_600_000,
    user_id: 'ml-platform@example.com',
    current_stage: fields.stage,
    description: '',
    source: fields.source,
    ...(fields.runId ? { run_id: fields.runId } : {}),
    status: 'READY',
    tags: [{ key: 'team', value: 'risk' }],
    ...(fields.aliases ? { aliases: fields.aliases } : {}),
    run_link: '',
  };
}

const V7 = modelVersion({
  version: '7',
  runId: RUN_V7,
  stage: 'Staging',
  aliases: ['challenger'],
  created: 1772360000000,
  source: `mlflow-artifacts:/${EXPERIMENT_ID}/${RUN_V7}/artifacts/model`,
});
const V6 = modelVersion({
  version: '6',
  runId: RUN_V6,
  stage: 'Production',
  aliases: ['champion'],
  created: 1771150000000,
  source: `mlflow-artifacts:/${EXPERIMENT_ID}/${RUN_V6}/artifacts/model`,
});
const V8 = modelVersion({
  version: '8',
  runId: '',
  stage: 'None',
  created: 1772450000000,
  source: 's3://models/fraud-detector/2026-03-01/',
});
const V9 = modelVersion({
  version: '9',
  runId: RUN_V9,
  stage: 'None',
  created: 1772460000000,
  source: `mlflow-artifacts:/${EXPERIMENT_ID}/${RUN_V9}/artifacts/model`,
});

function metric(key: string, value: number | string, step: number, at: number) {
  return { key, value, timestamp: at, step };
}

function run(fields: {
  runId: string;
  name: string;
  status: string;
  start: number;
  metrics: Array<ReturnType<typeof metric>>;
}) {
  return {
    run: {
      info: {
        run_uuid: fields.runId,
        run_id: fields.runId,
        run_name: fields.name,
        experiment_id: EXPERIMENT_ID,
        user_id: 'ml-platform@example.com',
        status: fields.status,
        start_time: fields.start,
        end_time: fields.start + 1_800_000,
        artifact_uri: `mlflow-artifacts:/${EXPERIMENT_ID}/${fields.runId}/artifacts`,
        lifecycle_stage: 'active',
      },
      data: {
        ...(fields.metrics.length > 0 ? { metrics: fields.metrics } : {}),
        params: [
          { key: 'max_depth', value: '8' },
          { key: 'learning_rate', value: '0.05' },
        ],
        tags: [{ key: 'mlflow.runName', value: fields.name }],
      },
      inputs: {},
    },
  };
}

const T7 = 1772355000000;
const T6 = 1771145000000;

const notFound = (message: string): RecordedAnswer => ({
  status: 404,
  body: { error_code: 'RESOURCE_DOES_NOT_EXIST', message },
});

/**
 * The answers by method, endpoint (after `/api/2.0/mlflow/`) and request
 * parameters (query, or JSON body for POST), as `key=value&…` in the
 * order the client sends them.
 */
export const MLFLOW_ANSWERS: Record<string, RecordedAnswer> = {
  'GET model-versions/get name=fraud-detector&version=7': {
    status: 200,
    body: { model_version: V7 },
  },
  'GET model-versions/get name=fraud-detector&version=6': {
    status: 200,
    body: { model_version: V6 },
  },
  'GET model-versions/get name=fraud-detector&version=8': {
    status: 200,
    body: { model_version: V8 },
  },
  'GET model-versions/get name=fraud-detector&version=9': {
    status: 200,
    body: { model_version: V9 },
  },
  'GET model-versions/get name=fraud-detector&version=42': notFound(
    'Model Version (name=fraud-detector, version=42) not found',
  ),
  'GET model-versions/get name=churn-predictor&version=1': notFound(
    'Registered Model with name=churn-predictor not found',
  ),
  'GET registered-models/alias name=fraud-detector&alias=champion': {
    status: 200,
    body: { model_version: V6 },
  },
  'GET registered-models/alias name=fraud-detector&alias=challenger': {
    status: 200,
    body: { model_version: V7 },
  },
  'GET registered-models/alias name=fraud-detector&alias=blue': {
    status: 400,
    body: {
      error_code: 'INVALID_PARAMETER_VALUE',
      message: 'Registered model alias blue not found.',
    },
  },
  'POST registered-models/get-latest-versions name=fraud-detector&stages=Production':
    { status: 200, body: { model_versions: [V6] } },
  // No version in the stage: MLflow leaves the empty list out.
  'POST registered-models/get-latest-versions name=fraud-detector&stages=Archived':
    { status: 200, body: {} },
  [`GET runs/get run_id=${RUN_V7}`]: {
    status: 200,
    body: run({
      runId: RUN_V7,
      name: 'xgb-2026-03-01',
      status: 'FINISHED',
      start: T7,
      metrics: [
        metric('accuracy', 0.934, 2, T7 + 1_200_000),
        metric('specificity', 0.951, 2, T7 + 1_200_000),
        metric('sensitivity', 0.887, 2, T7 + 1_200_000),
        metric('psi', 0.08, 0, T7 + 1_500_000),
        metric('val_loss', 'NaN', 2, T7 + 1_200_000),
      ],
    }),
  },
  [`GET runs/get run_id=${RUN_V6}`]: {
    status: 200,
    body: run({
      runId: RUN_V6,
      name: 'xgb-2026-02-15',
      status: 'FINISHED',
      start: T6,
      metrics: [
        metric('accuracy', 0.951, 1, T6 + 900_000),
        metric('psi', 0.03, 0, T6 + 1_000_000),
      ],
    }),
  },
  [`GET runs/get run_id=${RUN_V9}`]: {
    status: 200,
    body: run({
      runId: RUN_V9,
      name: 'xgb-2026-03-02',
      status: 'FAILED',
      start: 1772455000000,
      metrics: [metric('train_loss', 0.41, 0, 1772455060000)],
    }),
  },
  // Two pages: MLflow pages long histories with next_page_token.
  [`GET metrics/get-history run_id=${RUN_V7}&metric_key=accuracy`]: {
    status: 200,
    body: {
      metrics: [
        metric('accuracy', 0.901, 0, T7 + 400_000),
        metric('accuracy', 0.925, 1, T7 + 800_000),
      ],
      next_page_token: 'eyJvZmZzZXQiOiAyfQ==',
    },
  },
  [`GET metrics/get-history run_id=${RUN_V7}&metric_key=accuracy&page_token=eyJvZmZzZXQiOiAyfQ==`]:
    {
      status: 200,
      body: { metrics: [metric('accuracy', 0.934, 2, T7 + 1_200_000)] },
    },
  [`GET metrics/get-history run_id=${RUN_V7}&metric_key=psi`]: {
    status: 200,
    body: { metrics: [metric('psi', 0.08, 0, T7 + 1_500_000)] },
  },
  [`GET metrics/get-history run_id=${RUN_V7}&metric_key=val_loss`]: {
    status: 200,
    body: {
      metrics: [
        metric('val_loss', 0.31, 0, T7 + 400_000),
        metric('val_loss', 'NaN', 2, T7 + 1_200_000),
      ],
    },
  },
  [`GET metrics/get-history run_id=${RUN_V6}&metric_key=accuracy`]: {
    status: 200,
    body: {
      metrics: [
        metric('accuracy', 0.944, 0, T6 + 450_000),
        metric('accuracy', 0.951, 1, T6 + 900_000),
      ],
    },
  },
  [`GET metrics/get-history run_id=${RUN_V6}&metric_key=psi`]: {
    status: 200,
    body: { metrics: [metric('psi', 0.03, 0, T6 + 1_000_000)] },
  },
  // A metric the run never logged has an empty history.
  [`GET metrics/get-history run_id=${RUN_V9}&metric_key=accuracy`]: {
    status: 200,
    body: {},
  },
};
