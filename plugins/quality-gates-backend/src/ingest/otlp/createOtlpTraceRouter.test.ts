import { execFile } from 'node:child_process';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import request from 'supertest';
import { TestBackend, TestDatabases } from '@backstage/backend-test-utils';
import {
  capturePluginDatabase,
  startQualityGatesBackend,
  STATIC_TOKEN,
  waitForCatalog,
} from '../../__testUtils__/testBackend';
import { SpanStore } from './SpanStore';
import { ciRunSpans, RUN_START_MS } from './__testUtils__/ciRunSpans';
import type { ExportJob } from './__testUtils__/exportWithRealExporter';
import {
  readFields,
  requestBytes,
  spanBytes,
} from './__testUtils__/protobufWire';

// The receiver in a real backend (real catalog, real auth, real database),
// fed over HTTP by the real OpenTelemetry exporters, which run in a child
// process (see exportWithRealExporter.ts).

jest.setTimeout(180_000);

const CATALOG = path.resolve(__dirname, '__fixtures__/catalog.yaml');
const EXPORT_SCRIPT = path.resolve(
  __dirname,
  '__testUtils__/exportWithRealExporter.ts',
);
const AUTHORIZATION = `Bearer ${STATIC_TOKEN}`;
const execFileAsync = promisify(execFile);

function traceIdOf(runId: string): string {
  return ciRunSpans({ runId, jobs: 0, stepsPerJob: 0 })[0].spanContext()
    .traceId;
}

/** POSTs bytes exactly as given; answers with the status. */
function postRaw(
  url: string,
  body: Buffer,
  headers: Record<string, string>,
): Promise<{ status: number }> {
  return new Promise((resolve, reject) => {
    const outgoing = http.request(
      url,
      { method: 'POST', headers, agent: false },
      response => {
        response.resume();
        response.on('end', () => resolve({ status: response.statusCode! }));
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

/** Reads a response body as bytes (supertest parses only text formats). */
function binaryBody(
  response: request.Response,
  callback: (error: Error | null, body: Buffer) => void,
) {
  const stream = response as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', chunk => chunks.push(Buffer.from(chunk)));
  stream.on('end', () => callback(null, Buffer.concat(chunks)));
}

describe('POST /api/quality-gates/v1/traces', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

  describe.each(databases.eachSupportedId())('%p', databaseId => {
    let backend: TestBackend;
    let url: string;
    const database = capturePluginDatabase();
    const knex = () => database.knex();

    beforeAll(async () => {
      backend = await startQualityGatesBackend({
        databases,
        databaseId,
        realAuth: true,
        catalogFixture: CATALOG,
        config: {
          qualityGates: {
            ingest: {
              maxBodySize: '256kb',
              // Requests from 32 KiB on are decoded on a decoder thread
              // (PostgreSQL); the real exporters' usual ones are smaller.
              decoderThreads: 1,
              decoderThreadMinBodyBytes: 32 * 1024,
            },
          },
        },
        features: [database.feature],
      });
      await waitForCatalog(backend, AUTHORIZATION);
      const { port } = backend.server.address() as AddressInfo;
      url = `http://127.0.0.1:${port}/api/quality-gates/v1/traces`;
    });

    afterAll(async () => {
      await backend?.stop();
    });

    /** Exports with a real exporter; every batch must be accepted. */
    async function exportRuns(job: Omit<ExportJob, 'url' | 'authorization'>) {
      const { stdout } = await execFileAsync(
        process.execPath,
        [
          '-r',
          require.resolve('@backstage/cli/config/nodeTransform.cjs'),
          EXPORT_SCRIPT,
          JSON.stringify({ url, authorization: AUTHORIZATION, ...job }),
        ],
        { timeout: 120_000 },
      );
      const results: Array<{ code: number; error?: string }> =
        JSON.parse(stdout);
      expect(results.length).toBeGreaterThan(0);
      // ExportResultCode.SUCCESS for every batch.
      expect(results).toEqual(results.map(() => ({ code: 0 })));
    }

    function post(contentType: string, body: string | Buffer) {
      return request(backend.server)
        .post('/api/quality-gates/v1/traces')
        .set('Authorization', AUTHORIZATION)
        .set('Content-Type', contentType)
        .send(body);
    }

    async function storedSpans(traceId: string) {
      return knex()('spans').where({ trace_id: traceId }).orderBy('span_id');
    }

    async function pipelineRun(externalId: string) {
      return knex()('pipeline_runs')
        .where({ source: 'otlp', external_id: externalId })
        .first();
    }

    it.each([
      ['JSON', 'json', false],
      ['JSON, gzip', 'json', true],
      ['protobuf', 'protobuf', false],
      ['protobuf, gzip', 'protobuf', true],
    ] as const)(
      'stores a CI trace from the real %s exporter, with its pipeline run',
      async (_name, encoding, gzip) => {
        const runId = `${encoding}-${gzip ? 'gzip' : 'plain'}`;
        const spec = { runId, jobs: 10, stepsPerJob: 29 };
        const traceId = traceIdOf(runId);

        // As the BatchSpanProcessor sends them: 100 at a time, run span last.
        await exportRuns({ encoding, gzip, batchSize: 100, runs: [spec] });

        const run = await pipelineRun(`deploy-checkout#${runId}`);
        expect(run).toMatchObject({
          pipeline_name: 'deploy-checkout',
          run_id: runId,
          result: 'success',
          trace_id: traceId,
          entity_ref: 'component:default/checkout',
          repository: 'github.com/example-corp/checkout',
          ref: 'main',
          sha: '3f1c2a9be0d4c5f6a7b8c9d0e1f2a3b4c5d6e7f8',
          url: `https://ci.example.com/runs/${runId}`,
        });
        const stored = await storedSpans(traceId);
        expect(stored).toHaveLength(301);
        // Of the run, also the 300 spans that came before the run span.
        const waterfallRuns = (
          await new SpanStore(knex()).readTrace(traceId)
        ).map(span => span.pipelineRunId);
        expect(new Set(waterfallRuns)).toEqual(new Set([run.id]));
        expect(new Set(stored.map(row => row.entity_ref))).toEqual(
          new Set(['component:default/checkout']),
        );

        const waterfall = await new SpanStore(knex()).readTrace(traceId);
        expect(waterfall).toHaveLength(301);
        expect(waterfall[0]).toMatchObject({
          name: 'RUN deploy-checkout',
          kind: 'server',
          depth: 0,
          startTime: '2025-11-23T12:00:00.000Z',
          startTimeUnixMicros: RUN_START_MS * 1000,
        });
        expect(waterfall[1]).toMatchObject({
          name: 'job 0',
          depth: 1,
          parentSpanId: waterfall[0].spanId,
          ciTask: { taskName: 'job 0', taskType: 'build' },
        });
        expect(waterfall[2]).toMatchObject({
          name: 'step 0.0',
          depth: 2,
          parentSpanId: waterfall[1].spanId,
          attributes: { 'step.index': 0 },
        });
      },
    );

    it('changes nothing when an exporter delivers the same spans again', async () => {
      const spec = { runId: 'redelivery', jobs: 3, stepsPerJob: 20 };
      const traceId = traceIdOf(spec.runId);
      await exportRuns({
        encoding: 'protobuf',
        gzip: false,
        batchSize: 100,
        runs: [spec],
      });
      const spansBefore = await storedSpans(traceId);
      expect(spansBefore).toHaveLength(64);
      const { updated_at: _, ...runBefore } = await pipelineRun(
        'deploy-checkout#redelivery',
      );

      await exportRuns({
        encoding: 'json',
        gzip: true,
        batchSize: 50,
        runs: [spec],
      });

      expect(await storedSpans(traceId)).toEqual(spansBefore);
      const { updated_at: __, ...runAfter } = await pipelineRun(
        'deploy-checkout#redelivery',
      );
      expect(runAfter).toEqual(runBefore);
      const [{ n: runs }] = await knex()('pipeline_runs')
        .where({ trace_id: traceId })
        .count({ n: '*' });
      expect(Number(runs)).toBe(1);
    });

    it('stores a large request (a decoder thread on PostgreSQL) as it stores small ones', async () => {
      const spec = { runId: 'large-batch', jobs: 10, stepsPerJob: 40 };
      const traceId = traceIdOf(spec.runId);
      // One request of 411 spans, over 32 KiB (44).
      await exportRuns({
        encoding: 'protobuf',
        gzip: false,
        batchSize: 1000,
        runs: [spec],
      });
      const stored = await storedSpans(traceId);
      expect(stored).toHaveLength(411);
      expect(new Set(stored.map(row => row.entity_ref))).toEqual(
        new Set(['component:default/checkout']),
      );
      const run = await pipelineRun('deploy-checkout#large-batch');
      expect(run).toMatchObject({
        entity_ref: 'component:default/checkout',
        trace_id: traceId,
      });

      // The same spans again in small requests (the event loop): nothing new.
      await exportRuns({
        encoding: 'protobuf',
        gzip: false,
        batchSize: 50,
        runs: [spec],
      });
      expect(await storedSpans(traceId)).toEqual(stored);
    });

    it('loses nothing to concurrent senders of overlapping traces', async () => {
      const specs = ['a', 'b', 'c'].map(name => ({
        runId: `concurrent-${name}`,
        jobs: 5,
        stepsPerJob: 29,
      }));
      // Six senders at once, each with two thirds of every trace, in its own
      // order and encoding.
      await Promise.all(
        Array.from({ length: 6 }, (_, k) =>
          exportRuns({
            encoding: k % 2 ? 'json' : 'protobuf',
            gzip: k % 3 === 0,
            batchSize: 40,
            runs: specs,
            skipModulo3: k % 3,
            reverse: k % 2 === 1,
          }),
        ),
      );

      for (const spec of specs) {
        const spans = ciRunSpans(spec);
        const run = await pipelineRun(`deploy-checkout#${spec.runId}`);
        const stored = await storedSpans(traceIdOf(spec.runId));
        expect(stored.map(row => row.span_id).sort()).toEqual(
          spans.map(span => span.spanContext().spanId).sort(),
        );
        const waterfall = await new SpanStore(knex()).readTrace(
          traceIdOf(spec.runId),
        );
        expect(new Set(waterfall.map(span => span.pipelineRunId))).toEqual(
          new Set([run.id]),
        );
      }
    });

    it('answers partial success for invalid spans and stores the valid ones', async () => {
      const traceId = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
      const json = await post(
        'application/json',
        JSON.stringify({
          resourceSpans: [
            {
              resource: {
                attributes: [
                  { key: 'service.name', value: { stringValue: 'checkout' } },
                ],
              },
              scopeSpans: [
                {
                  spans: [
                    {
                      traceId,
                      spanId: '1111111111111111',
                      name: 'ok',
                      startTimeUnixNano: '1763899200000000000',
                      endTimeUnixNano: '1763899201000000000',
                    },
                    {
                      traceId: 'zz',
                      spanId: '2222222222222222',
                      startTimeUnixNano: '1',
                      endTimeUnixNano: '2',
                    },
                    {
                      traceId,
                      spanId: '3333333333333333',
                      startTimeUnixNano: '2',
                      endTimeUnixNano: '1',
                    },
                  ],
                },
              ],
            },
          ],
        }),
      );
      expect(json.status).toBe(200);
      expect(json.body).toEqual({
        partialSuccess: {
          rejectedSpans: '2',
          errorMessage:
            '2 spans rejected: resourceSpans[0].scopeSpans[0].spans[1]: traceId must be 16 bytes (32 hex characters), not all zero; resourceSpans[0].scopeSpans[0].spans[2]: endTimeUnixNano is before startTimeUnixNano',
        },
      });
      expect((await storedSpans(traceId)).map(row => row.span_id)).toEqual([
        '1111111111111111',
      ]);

      const protobufTrace = 'b1b2c3d4e5f60718293a4b5c6d7e8f90';
      const protobuf = await post(
        'application/x-protobuf',
        requestBytes(
          spanBytes(protobufTrace, '1111111111111111', 10n, 20n),
          spanBytes(protobufTrace, '0000000000000000', 10n, 20n),
        ),
      )
        .buffer(true)
        .parse(binaryBody);
      expect(protobuf.status).toBe(200);
      expect(protobuf.headers['content-type']).toMatch(
        /^application\/x-protobuf/,
      );
      const partialSuccess = readFields(
        readFields(protobuf.body).get(1)![0] as Buffer,
      );
      expect(partialSuccess.get(1)).toEqual([1]);
      expect(String(partialSuccess.get(2)![0])).toMatch(
        /spanId must be 8 bytes/,
      );
      expect(await storedSpans(protobufTrace)).toHaveLength(1);
    });

    it('keeps spans of unknown services, unresolved with their hint', async () => {
      const resources = [
        [{ 'service.name': 'unknown-svc' }, null, 'service.name=unknown-svc'],
        [
          {
            'service.name': 'billing-worker',
            'backstage.entity_ref': 'component:payments',
          },
          'component:default/payments',
          'entityRef=component:payments service.name=billing-worker',
        ],
        [
          {
            'service.name': 'ci-runner',
            'vcs.repository.url.full':
              'https://github.com/example-corp/checkout.git',
          },
          'component:default/checkout',
          'service.name=ci-runner github.com/project-slug=example-corp/checkout',
        ],
      ] as const;
      await exportRuns({
        encoding: 'json',
        gzip: false,
        batchSize: 10,
        runs: resources.map(([resource], i) => ({
          runId: `entity-${i}`,
          jobs: 1,
          stepsPerJob: 1,
          resource,
        })),
      });
      for (const [i, [, entityRef, entityHint]] of resources.entries()) {
        const stored = await storedSpans(traceIdOf(`entity-${i}`));
        expect(stored.map(row => [row.entity_ref, row.entity_hint])).toEqual([
          [entityRef, entityHint],
          [entityRef, entityHint],
          [entityRef, entityHint],
        ]);
      }
    });

    it('refuses a malformed protobuf body (400, google.rpc.Status) and stores nothing', async () => {
      const before = await knex()('spans').count({ n: '*' });
      const response = await post(
        'application/x-protobuf',
        Buffer.from([0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f, 0x01]),
      )
        .buffer(true)
        .parse(binaryBody);
      expect(response.status).toBe(400);
      const status = readFields(response.body);
      expect(status.get(1)).toEqual([3]); // INVALID_ARGUMENT
      expect(String(status.get(2)![0])).toMatch(
        /^Body is not a protobuf ExportTraceServiceRequest: /,
      );
      expect(await knex()('spans').count({ n: '*' })).toEqual(before);
    });

    it('refuses malformed JSON (400) and stores nothing', async () => {
      const before = await knex()('spans').count({ n: '*' });
      const response = await post('application/json', '{"resourceSpans": [');
      expect(response.status).toBe(400);
      expect(response.body.error).toMatchObject({
        name: 'InputError',
        message: expect.stringMatching(/^Body is not valid JSON/),
      });
      const notArray = await post('application/json', '{"resourceSpans": {}}');
      expect(notArray.status).toBe(400);
      expect(notArray.body.error.message).toBe(
        '(body).resourceSpans must be an array',
      );
      expect(await knex()('spans').count({ n: '*' })).toEqual(before);
    });

    it('refuses other content types (415)', async () => {
      const response = await post('text/plain', 'hello');
      expect(response.status).toBe(415);
      expect(response.body.error.message).toMatch(
        /send application\/x-protobuf or application\/json/,
      );
    });

    it('refuses bodies over the size limit, also once inflated (413), storing nothing', async () => {
      const before = await knex()('spans').count({ n: '*' });
      const traceId = 'c1b2c3d4e5f60718293a4b5c6d7e8f90';
      const big = JSON.stringify({
        resourceSpans: [
          {
            scopeSpans: [
              {
                spans: [
                  {
                    traceId,
                    spanId: '1111111111111111',
                    startTimeUnixNano: '1',
                    endTimeUnixNano: '2',
                    attributes: [
                      {
                        key: 'log',
                        value: { stringValue: 'x'.repeat(300_000) },
                      },
                    ],
                  },
                ],
              },
            ],
          },
        ],
      });
      expect((await post('application/json', big)).status).toBe(413);
      const gzipped = zlib.gzipSync(big);
      expect(gzipped.length).toBeLessThan(10_000);
      // Sent as is: supertest would re-encode a JSON-typed Buffer.
      const inflated = await postRaw(url, gzipped, {
        Authorization: AUTHORIZATION,
        'Content-Type': 'application/json',
        'Content-Encoding': 'gzip',
      });
      expect(inflated.status).toBe(413);
      expect(await knex()('spans').count({ n: '*' })).toEqual(before);
    });

    it('refuses requests without credentials (401)', async () => {
      const response = await request(backend.server)
        .post('/api/quality-gates/v1/traces')
        .set('Content-Type', 'application/json')
        .send('{}');
      expect(response.status).toBe(401);
    });

    it('answers an empty request with an empty response', async () => {
      const response = await post('application/json', '{}');
      expect(response.status).toBe(200);
      expect(response.body).toEqual({});
    });

    it('takes queue time from the run attributes or the wait for the first job', async () => {
      const runAttributes = (runId: string, extra: Record<string, string>) => ({
        'cicd.pipeline.name': 'queued-checkout',
        'cicd.pipeline.run.id': runId,
        'cicd.pipeline.result': 'success',
        'vcs.repository.url.full': 'https://github.com/example-corp/checkout',
        ...extra,
      });
      await exportRuns({
        encoding: 'protobuf',
        gzip: false,
        batchSize: 100,
        runs: [
          // Queued 90 s before the run span started (CI/CD attributes).
          {
            runId: 'queued-attribute',
            jobs: 2,
            stepsPerJob: 1,
            runAttributes: runAttributes('queued-attribute', {
              'cicd.pipeline.run.queued_at': new Date(
                RUN_START_MS - 90_000,
              ).toISOString(),
            }),
          },
          // Only the trigger (the run span) and its first job, 30 s later.
          {
            runId: 'queued-gap',
            jobs: 2,
            stepsPerJob: 1,
            firstJobDelayMs: 30_000,
            runAttributes: runAttributes('queued-gap', {}),
          },
          // The first job starts at once: no queue time.
          {
            runId: 'queued-none',
            jobs: 1,
            stepsPerJob: 1,
            runAttributes: runAttributes('queued-none', {}),
          },
        ],
      });
      const runs = await request(backend.server)
        .get('/api/quality-gates/pipeline-runs')
        .query({
          entityRef: 'component:default/checkout',
          pipelineName: 'queued-checkout',
        })
        .set('Authorization', AUTHORIZATION);
      expect(runs.status).toBe(200);
      const byRun = Object.fromEntries(
        runs.body.items.map((run: any) => [
          run.runId,
          [run.queuedAt, run.startedAt, run.queueSeconds],
        ]),
      );
      const iso = (ms: number) => new Date(ms).toISOString();
      expect(byRun).toEqual({
        'queued-attribute': [iso(RUN_START_MS - 90_000), iso(RUN_START_MS), 90],
        'queued-gap': [iso(RUN_START_MS), iso(RUN_START_MS + 30_001), 30.001],
        'queued-none': [undefined, iso(RUN_START_MS), undefined],
      });

      const stats = await request(backend.server)
        .get('/api/quality-gates/pipelines/stats')
        .query({
          entityRef: 'component:default/checkout',
          from: iso(RUN_START_MS - 86_400_000),
          to: iso(RUN_START_MS + 86_400_000),
        })
        .set('Authorization', AUTHORIZATION);
      expect(stats.status).toBe(200);
      const queued = stats.body.pipelines.find(
        (pipeline: any) => pipeline.pipelineName === 'queued-checkout',
      );
      // Nearest rank of 30.001 and 90: p50 the first, p95 the second.
      expect(queued.queue.count).toBe(2);
      expect(queued.queue.p50Seconds).toBeCloseTo(30.001, 3);
      expect(queued.queue.p95Seconds).toBeCloseTo(90, 3);
    });

    it('stores a failed Jenkins build as failed, its entity unknown', async () => {
      await exportRuns({
        encoding: 'protobuf',
        gzip: true,
        batchSize: 100,
        runs: [
          {
            runId: 'jenkins-12',
            jobs: 1,
            stepsPerJob: 2,
            resource: { 'service.name': 'jenkins' },
            runSpanName: 'BUILD payments',
            runAttributes: {
              'ci.pipeline.id': 'payments',
              'ci.pipeline.run.number': 12,
              'ci.pipeline.run.result': 'FAILURE',
            },
            failed: true,
          },
        ],
      });
      expect(await pipelineRun('payments#12')).toMatchObject({
        result: 'failure',
        entity_ref: null,
        entity_hint: 'service.name=jenkins',
        trace_id: traceIdOf('jenkins-12'),
      });
    });
  });
});
