import { formatSentence } from '@can-i-deploy/plugin-quality-gates-common';
import { CriterionSource } from '@can-i-deploy/plugin-quality-gates-node';
import { ConfigReader } from '@backstage/config';
import { closedPortUrl, LocalServer } from '../__testUtils__/localServers';
import { startMlflowFixtureServer } from '../__testUtils__/mlflowFixtureServer';
import {
  EXPERIMENT_ID,
  RUN_V6,
  RUN_V7,
  TOKEN,
} from './__fixtures__/mlflowRestResponses';
import { createMlflowCriterionSource } from './mlflowCriterionSource';
import { readMlflowSettings } from './mlflowSettings';

// No MLflow server can be installed here. The source asks a local HTTP
// server that answers with MLflow REST responses written to the shapes of
// the MLflow REST API reference (see __fixtures__/mlflowRestResponses.ts),
// so the client's requests, paging and error handling run over real HTTP.

let mlflow: LocalServer;

beforeAll(async () => {
  mlflow = await startMlflowFixtureServer();
});
afterAll(() => mlflow.close());
beforeEach(() => {
  mlflow.requests.length = 0;
});

function source(
  settings: { baseUrl?: string; token?: string; externalUrl?: string } = {},
): CriterionSource {
  const read = readMlflowSettings(
    new ConfigReader({
      qualityGates: {
        checks: {
          mlflow: { baseUrl: mlflow.url, token: TOKEN, ...settings },
        },
      },
    }),
  );
  return createMlflowCriterionSource({ settings: read! });
}

function measure(
  definition: Record<string, unknown>,
  options: { on?: CriterionSource; version?: string } = {},
) {
  return (options.on ?? source()).measure({
    entityRef: 'component:default/fraud-detector',
    environment: 'production',
    version: options.version ?? '7',
    definition,
    window: {
      start: '2026-03-02T09:30:00.000Z',
      end: '2026-03-02T10:00:00.000Z',
    },
    origin: 'central',
  });
}

describe('mlflow criterion source', () => {
  it('reads the latest value of a metric of the version under test', async () => {
    const measurement = await measure(
      { model: '{{entity.name}}', metric: 'accuracy' },
      {
        on: source({ externalUrl: 'https://mlflow.example.com/' }),
      },
    );
    expect(measurement.value).toBe(0.934);
    expect(formatSentence(measurement.summary!)).toMatchInlineSnapshot(
      `"accuracy 0.934 of model fraud-detector version 7"`,
    );
    expect(measurement.link).toBe(
      'https://mlflow.example.com/#/models/fraud-detector/versions/7',
    );
    expect(measurement.details).toEqual({
      model: 'fraud-detector',
      version: '7',
      metric: 'accuracy',
      versionStatus: 'READY',
      currentStage: 'Staging',
      aliases: ['challenger'],
      runId: RUN_V7,
      runName: 'xgb-2026-03-01',
      runStatus: 'FINISHED',
      runLink: `https://mlflow.example.com/#/experiments/${EXPERIMENT_ID}/runs/${RUN_V7}`,
      // Two pages of history: 0.901, 0.925, then 0.934.
      historyLength: 3,
      step: 2,
      loggedAt: '2026-03-01T09:10:00.000Z',
    });
    expect(
      mlflow.requests.map(request => [
        request.method,
        request.url.split('?')[0],
        request.headers.authorization,
      ]),
    ).toEqual([
      ['GET', '/api/2.0/mlflow/model-versions/get', `Bearer ${TOKEN}`],
      ['GET', '/api/2.0/mlflow/runs/get', `Bearer ${TOKEN}`],
      ['GET', '/api/2.0/mlflow/metrics/get-history', `Bearer ${TOKEN}`],
      ['GET', '/api/2.0/mlflow/metrics/get-history', `Bearer ${TOKEN}`],
    ]);
  });

  it('picks the version by number, alias or stage', async () => {
    const byNumber = await measure({
      model: 'fraud-detector',
      version: 6,
      metric: 'accuracy',
    });
    expect(byNumber.value).toBe(0.951);
    expect(byNumber.details).toMatchObject({ version: '6', runId: RUN_V6 });

    const byAlias = await measure({
      model: 'fraud-detector',
      alias: 'champion',
      metric: 'psi',
    });
    expect(byAlias.value).toBe(0.03);
    expect(byAlias.details).toMatchObject({
      alias: 'champion',
      version: '6',
      historyLength: 1,
    });

    const byStage = await measure({
      model: 'fraud-detector',
      stage: 'Production',
      metric: 'accuracy',
    });
    expect(byStage.value).toBe(0.951);
    expect(byStage.details).toMatchObject({
      stage: 'Production',
      version: '6',
      historyLength: 2,
    });
    const stageRequest = mlflow.requests.find(request =>
      request.url.endsWith('get-latest-versions'),
    )!;
    expect(stageRequest.method).toBe('POST');
    expect(JSON.parse(stageRequest.body)).toEqual({
      name: 'fraud-detector',
      stages: ['Production'],
    });
  });

  it('has no data when there is nothing to read, and says why', async () => {
    const noRun = await measure(
      { model: 'fraud-detector', metric: 'accuracy' },
      {
        version: '8',
      },
    );
    expect(noRun.value).toBeNull();
    expect(noRun.details).toMatchObject({
      version: '8',
      noData:
        'Version 8 of fraud-detector was not registered from a run, so it has no metrics',
    });

    const notLogged = await measure(
      { model: 'fraud-detector', metric: 'accuracy' },
      { version: '9' },
    );
    expect(notLogged.value).toBeNull();
    expect(notLogged.details).toMatchObject({
      runStatus: 'FAILED',
      noData: `Run 0b9d7f5e3c1a4b2d8e6f0a2c4e6b8d0f logged no metric 'accuracy'`,
      loggedMetrics: ['train_loss'],
      historyLength: 0,
    });

    const emptyStage = await measure({
      model: 'fraud-detector',
      stage: 'Archived',
      metric: 'accuracy',
    });
    expect(emptyStage.value).toBeNull();
    expect(emptyStage.link).toBe(`${mlflow.url}/#/models/fraud-detector`);
    expect(emptyStage.details).toMatchObject({
      noData: 'No version of fraud-detector is in stage Archived',
    });

    const notANumber = await measure({
      model: 'fraud-detector',
      metric: 'val_loss',
    });
    expect(notANumber.value).toBeNull();
    expect(notANumber.details).toMatchObject({
      noData: "The latest 'val_loss' is NaN",
      historyLength: 2,
    });
  });

  it('says in one sentence what is missing', async () => {
    const accuracy = { model: 'fraud-detector', metric: 'accuracy' };
    const sentences = await Promise.all(
      [
        measure(accuracy, { version: '8' }),
        measure(accuracy, { version: '9' }),
        measure({ ...accuracy, stage: 'Archived' }),
        measure({ model: 'fraud-detector', metric: 'val_loss' }),
      ].map(async measured => formatSentence((await measured).summary!)),
    );
    expect(sentences).toMatchInlineSnapshot(`
      [
        "version 8 of model fraud-detector was not registered from a run, so it has no metrics",
        "the run of model fraud-detector version 9 logged no metric 'accuracy'",
        "no version of model fraud-detector is in stage Archived",
        "the latest 'val_loss' of model fraud-detector version 7 is NaN",
      ]
    `);
  });

  it('throws what MLflow said when the model, version or alias is unknown', async () => {
    await expect(
      measure(
        { model: 'fraud-detector', metric: 'accuracy' },
        { version: '42' },
      ),
    ).rejects.toThrow(
      `MLflow at ${mlflow.url} answered model-versions/get with 404 Not Found (RESOURCE_DOES_NOT_EXIST): Model Version (name=fraud-detector, version=42) not found`,
    );
    await expect(
      measure({ model: 'churn-predictor', version: '1', metric: 'accuracy' }),
    ).rejects.toThrow(/Registered Model with name=churn-predictor not found/);
    await expect(
      measure({ model: 'fraud-detector', alias: 'blue', metric: 'accuracy' }),
    ).rejects.toThrow(
      /400 Bad Request \(INVALID_PARAMETER_VALUE\): Registered model alias blue not found\./,
    );
  });

  it('throws on a refused token and on an unreachable server', async () => {
    await expect(
      measure(
        { model: 'fraud-detector', metric: 'accuracy' },
        { on: source({ token: 'wrong-token' }) },
      ),
    ).rejects.toThrow(
      /401 Unauthorized \(UNAUTHENTICATED\): .* — check qualityGates\.checks\.mlflow\.token$/,
    );
    const closed = await closedPortUrl();
    await expect(
      measure(
        { model: 'fraud-detector', metric: 'accuracy' },
        { on: source({ baseUrl: closed }) },
      ),
    ).rejects.toThrow(
      new RegExp(`^Could not reach MLflow at ${closed}: .*ECONNREFUSED`),
    );
  });

  it('refuses wrong definitions, naming the field', async () => {
    await expect(measure({ model: 'fraud-detector' })).rejects.toThrow(
      'mlflow criterion: metric: Required',
    );
    await expect(
      measure({
        model: 'fraud-detector',
        alias: 'champion',
        stage: 'Production',
        metric: 'accuracy',
      }),
    ).rejects.toThrow(
      'give one of version, alias or stage, not alias and stage',
    );
    await expect(
      measure({ model: 'fraud-detector', metric: 'accuracy', run: 'x' }),
    ).rejects.toThrow(/Unrecognized key\(s\) in object: 'run'/);
    expect(mlflow.requests).toHaveLength(0);
  });

  it('is configured with an http(s) base URL', () => {
    expect(readMlflowSettings(new ConfigReader({}))).toBeUndefined();
    expect(() =>
      readMlflowSettings(
        new ConfigReader({
          qualityGates: { checks: { mlflow: { baseUrl: 'mlflow:5000' } } },
        }),
      ),
    ).toThrow(
      "qualityGates.checks.mlflow.baseUrl must be an http(s) URL, got 'mlflow:5000'",
    );
  });
});
