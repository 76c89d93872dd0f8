import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import request from 'supertest';
import { Knex } from 'knex';
import { TestBackend, TestDatabases } from '@backstage/backend-test-utils';
import { timestampFromDatabase } from '../../database/timestamps';
import {
  capturePluginDatabase,
  startQualityGatesBackend,
  STATIC_TOKEN,
  waitForCatalog,
} from '../../__testUtils__/testBackend';
import {
  batch,
  binary,
  CHECKOUT_V1,
  CHECKOUT_V2,
  cdEvent,
  CdEventJson,
  DIGEST_V1,
  DIGEST_V2,
  structured,
} from './__fixtures__/cdEvents';
import { cdEventsKey } from './cdEventsKey';
import { CdEventLog } from './CdEventLog';

// The CDEvents sink over HTTP, as a CDEvents producer calls it: CloudEvents
// in structured, binary and batch mode with a static token. Real catalog
// (this folder's fixture), real auth, real databases; rows are checked in
// the plugin's own database.

const ENDPOINT = '/api/quality-gates/events/cdevents';
const CATALOG = path.resolve(__dirname, '__fixtures__/catalog.yaml');
const CHECKOUT = 'component:default/checkout';
const ARGO = '/argocd/prod-cluster';
const SERVICE = 'deployment/checkout';

type Mode = 'structured' | 'binary';
type Message = { headers: Record<string, string>; body: string };

const encode = (mode: Mode, event: CdEventJson): Message =>
  mode === 'structured' ? structured(event) : binary(event);

/**
 * One release story of checkout in its own environment, as Argo CD,
 * Tekton and Alertmanager report it: v1 deployed, a failed pipeline run,
 * v2 upgraded, an incident while v2 runs, a rollback to v1, the incident
 * resolved.
 */
function releaseStory(environment: string) {
  const tag = `${environment}-${randomUUID()}`;
  const env = { environment: { id: environment } };
  return {
    deployed: cdEvent('deployed', { id: `${tag}-deployed`, content: env }),
    pipelineRun: cdEvent('pipelineRunFinished', {
      id: `${tag}-run`,
      subjectId: `run-${tag}`,
    }),
    upgraded: cdEvent('upgraded', { id: `${tag}-upgraded`, content: env }),
    reported: cdEvent('incidentReported', {
      id: `${tag}-reported`,
      subjectId: `incident-${tag}`,
      content: env,
    }),
    rolledback: cdEvent('rolledback', {
      id: `${tag}-rolledback`,
      content: env,
    }),
    resolved: cdEvent('incidentResolved', {
      id: `${tag}-resolved`,
      subjectId: `incident-${tag}`,
      content: env,
    }),
  };
}

const deploymentKey = (environment: string, artifact: string) =>
  `${ARGO}/${SERVICE}/${environment}/${artifact}`;

jest.setTimeout(60_000);

describe('POST /events/cdevents', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

  describe.each(databases.eachSupportedId())('%p', databaseId => {
    let backend: TestBackend;
    let knex: Knex;
    const database = capturePluginDatabase();

    beforeAll(async () => {
      backend = await startQualityGatesBackend({
        databases,
        databaseId,
        realAuth: true,
        catalogFixture: CATALOG,
        config: { qualityGates: { ingest: { maxBodySize: '64kb' } } },
        features: [database.feature],
      });
      await waitForCatalog(backend, `Bearer ${STATIC_TOKEN}`);
      knex = database.knex();
    });

    afterAll(async () => {
      await backend?.stop();
    });

    function send(message: Message, token: string | null = STATIC_TOKEN) {
      const call = request(backend.server).post(ENDPOINT).set(message.headers);
      if (token) {
        call.set('Authorization', `Bearer ${token}`);
      }
      return call.send(message.body);
    }

    async function deploymentsIn(environment: string) {
      const rows = await knex('deployments')
        .where({ source: 'cdevents', environment })
        .orderBy('started_at');
      return rows.map(row => ({
        externalId: row.external_id,
        entityRef: row.entity_ref,
        version: row.version,
        artifact: row.artifact,
        status: row.status,
        startedAt: timestampFromDatabase(row.started_at),
      }));
    }

    async function incident(externalId: string) {
      return knex('incidents')
        .where({ source: 'cdevents', external_id: externalId })
        .first();
    }

    /** Every row the CDEvents sink writes, to prove a request changed nothing. */
    async function snapshot() {
      const [deployments, incidents, pipelineRuns, events] = await Promise.all([
        knex('deployments').where('source', 'cdevents').orderBy('id'),
        knex('incidents').where('source', 'cdevents').orderBy('id'),
        knex('pipeline_runs').where('source', 'cdevents').orderBy('id'),
        knex('cdevents_received').orderBy(['source', 'event_id']),
      ]);
      return { deployments, incidents, pipelineRuns, events };
    }

    describe.each<Mode>(['structured', 'binary'])('in %s mode', mode => {
      const environment = `production-${mode}`;
      const story = releaseStory(environment);

      it('records service.deployed as a succeeded deployment of the purl version', async () => {
        const response = await send(encode(mode, story.deployed));
        expect(response.status).toBe(200);
        expect(response.body.events).toEqual([
          {
            id: story.deployed.context.id,
            source: ARGO,
            type: 'dev.cdevents.service.deployed.0.2.0',
            duplicate: false,
            deployment: expect.objectContaining({
              source: 'cdevents',
              externalId: deploymentKey(environment, CHECKOUT_V1),
              // `deployment/checkout` names no entity; `checkout` does.
              entityRef: CHECKOUT,
              entityHint: 'service.name=deployment/checkout',
              status: 'succeeded',
            }),
          },
        ]);
        expect(await deploymentsIn(environment)).toEqual([
          {
            externalId: deploymentKey(environment, CHECKOUT_V1),
            entityRef: CHECKOUT,
            version: DIGEST_V1,
            artifact: CHECKOUT_V1,
            status: 'succeeded',
            startedAt: '2026-11-02T09:15:04.118Z',
          },
        ]);
      });

      it('records pipelinerun.finished as a pipeline run with its result', async () => {
        const response = await send(encode(mode, story.pipelineRun));
        expect(response.status).toBe(200);
        const externalId = `/tekton/ci-cluster/${story.pipelineRun.subject.id}`;
        expect(response.body.events[0].pipelineRun).toMatchObject({
          externalId,
          entityRef: CHECKOUT,
        });
        const run = await knex('pipeline_runs')
          .where({ source: 'cdevents', external_id: externalId })
          .first();
        expect(run).toMatchObject({
          pipeline_name: 'checkout',
          run_id: story.pipelineRun.subject.id,
          result: 'failure',
          entity_ref: CHECKOUT,
          url: story.pipelineRun.subject.content.url,
        });
        expect(timestampFromDatabase(run.finished_at)).toBe(
          '2026-11-03T13:58:40.500Z',
        );
      });

      it('records service.upgraded as the next deployment', async () => {
        const response = await send(encode(mode, story.upgraded));
        expect(response.status).toBe(200);
        expect(
          (await deploymentsIn(environment)).map(d => [d.version, d.status]),
        ).toEqual([
          [DIGEST_V1, 'succeeded'],
          [DIGEST_V2, 'succeeded'],
        ]);
      });

      it('records incident.reported, caused by the deployment of the artifact it names', async () => {
        const response = await send(encode(mode, story.reported));
        expect(response.status).toBe(200);
        const v2 = await knex('deployments')
          .where({
            source: 'cdevents',
            external_id: deploymentKey(environment, CHECKOUT_V2),
          })
          .first();
        expect(response.body.events[0].incident).toMatchObject({
          externalId: `/alertmanager/prod/${story.reported.subject.id}`,
          entityRef: CHECKOUT,
          causedByDeploymentId: v2.id,
        });
        const row = await incident(
          `/alertmanager/prod/${story.reported.subject.id}`,
        );
        expect(row).toMatchObject({
          entity_ref: CHECKOUT,
          environment,
          severity: 'critical',
          description: 'Checkout p99 latency above 800ms',
          url: 'https://tickets.example-corp.dev/INC-2207',
          caused_by_deployment_id: v2.id,
          resolved_at: null,
        });
        expect(timestampFromDatabase(row.opened_at)).toBe(
          '2026-11-03T14:20:00.000Z',
        );
      });

      it('marks the deployment undone by service.rolledback as rolled_back', async () => {
        const response = await send(encode(mode, story.rolledback));
        expect(response.status).toBe(200);
        expect(response.body.events[0]).toMatchObject({
          duplicate: false,
          rolledBack: {
            externalId: deploymentKey(environment, CHECKOUT_V2),
            status: 'rolled_back',
          },
        });
        // No new row: the rollback updated the deployment it undid.
        expect(
          (await deploymentsIn(environment)).map(d => [d.version, d.status]),
        ).toEqual([
          [DIGEST_V1, 'succeeded'],
          [DIGEST_V2, 'rolled_back'],
        ]);

        // The environment runs v1 again.
        const read = await request(backend.server)
          .get('/api/quality-gates/deployments')
          .query({ entityRef: CHECKOUT, environment })
          .set('Authorization', `Bearer ${STATIC_TOKEN}`);
        expect(read.status).toBe(200);
        expect(
          read.body.currentVersions.filter(
            (current: { environment: string }) =>
              current.environment === environment,
          ),
        ).toEqual([
          expect.objectContaining({ environment, version: DIGEST_V1 }),
        ]);
      });

      it('records incident.resolved on the incident reported earlier', async () => {
        const response = await send(encode(mode, story.resolved));
        expect(response.status).toBe(200);
        const row = await incident(
          `/alertmanager/prod/${story.resolved.subject.id}`,
        );
        expect(timestampFromDatabase(row.opened_at)).toBe(
          '2026-11-03T14:20:00.000Z',
        );
        expect(timestampFromDatabase(row.resolved_at)).toBe(
          '2026-11-03T14:45:30.000Z',
        );
        // The report's description and cause stay.
        expect(row.description).toBe('Checkout p99 latency above 800ms');
        expect(row.caused_by_deployment_id).not.toBeNull();
        expect(
          await knex('incidents').where({ source: 'cdevents', environment }),
        ).toHaveLength(1);
      });

      it('answers every redelivery as a duplicate and changes nothing', async () => {
        const before = await snapshot();
        for (const event of Object.values(story)) {
          const response = await send(encode(mode, event));
          expect(response.status).toBe(200);
          expect(response.body.events).toEqual([
            {
              id: event.context.id,
              source: event.context.source,
              type: event.context.type,
              duplicate: true,
            },
          ]);
        }
        expect(await snapshot()).toEqual(before);
      });
    });

    it('records a batch in order, so a rollback finds the deployment just before it', async () => {
      const story = releaseStory('batch');
      const response = await send(
        batch(story.deployed, story.upgraded, story.rolledback),
      );
      expect(response.status).toBe(200);
      expect(
        response.body.events.map((e: { duplicate: boolean }) => e.duplicate),
      ).toEqual([false, false, false]);
      expect(
        (await deploymentsIn('batch')).map(d => [d.version, d.status]),
      ).toEqual([
        [DIGEST_V1, 'succeeded'],
        [DIGEST_V2, 'rolled_back'],
      ]);
    });

    it('stores nothing of a batch with one bad event', async () => {
      const story = releaseStory('bad-batch');
      const bad = cdEvent('deployed', {
        id: randomUUID(),
        content: { artifactId: '' },
      });
      const before = await snapshot();
      const response = await send(batch(story.deployed, bad));
      expect(response.status).toBe(400);
      expect(response.body.error.message).toBe(
        'Event 1 of the batch: Invalid dev.cdevents.service.deployed.0.2.0 CDEvent: subject.content.artifactId: String must contain at least 1 character(s)',
      );
      expect(await snapshot()).toEqual(before);
    });

    it('records incident.resolved before incident.reported as one incident', async () => {
      const story = releaseStory('reordered');
      expect((await send(structured(story.resolved))).status).toBe(200);
      let row = await incident(
        `/alertmanager/prod/${story.resolved.subject.id}`,
      );
      // Until the report arrives, it opened at the latest when it was resolved.
      expect(timestampFromDatabase(row.opened_at)).toBe(
        '2026-11-03T14:45:30.000Z',
      );

      expect((await send(binary(story.reported))).status).toBe(200);
      row = await incident(`/alertmanager/prod/${story.reported.subject.id}`);
      expect(timestampFromDatabase(row.opened_at)).toBe(
        '2026-11-03T14:20:00.000Z',
      );
      expect(timestampFromDatabase(row.resolved_at)).toBe(
        '2026-11-03T14:45:30.000Z',
      );
      expect(row.description).toBe('Checkout p99 latency above 800ms');
      expect(
        await knex('incidents').where({
          source: 'cdevents',
          environment: 'reordered',
        }),
      ).toHaveLength(1);
    });

    it('keeps a rollback without a known deployment as its own rolled_back deployment', async () => {
      const story = releaseStory('rollback-only');
      const response = await send(structured(story.rolledback));
      expect(response.status).toBe(200);
      expect(response.body.events[0].rolledBack).toBeUndefined();
      expect(await deploymentsIn('rollback-only')).toEqual([
        expect.objectContaining({
          // Too long for the column with this purl, so hashed.
          externalId: cdEventsKey([
            `${deploymentKey('rollback-only', CHECKOUT_V1)}#${
              story.rolledback.context.id
            }`,
          ]),
          version: DIGEST_V1,
          status: 'rolled_back',
        }),
      ]);
    });

    it('records the same artifact deployed again after a rollback as a new deployment', async () => {
      const story = releaseStory('redeploy');
      await send(batch(story.deployed, story.upgraded, story.rolledback));
      const again = cdEvent('upgraded', {
        id: randomUUID(),
        timestamp: '2026-11-04T08:00:00Z',
        content: { environment: { id: 'redeploy' } },
      });
      const repeated = cdEvent('upgraded', {
        id: randomUUID(),
        timestamp: '2026-11-04T08:05:00Z',
        content: { environment: { id: 'redeploy' } },
      });
      const response = await send(batch(again, repeated));
      expect(response.status).toBe(200);
      // The second report of the running artifact is the same deployment.
      expect(response.body.events[1].note).toMatch(/already ran this artifact/);
      expect(
        (await deploymentsIn('redeploy')).map(d => [
          d.version,
          d.status,
          d.startedAt,
        ]),
      ).toEqual([
        [DIGEST_V1, 'succeeded', '2026-11-02T09:15:04.118Z'],
        [DIGEST_V2, 'rolled_back', '2026-11-03T14:02:51.907Z'],
        [DIGEST_V2, 'succeeded', '2026-11-04T08:00:00.000Z'],
      ]);
    });

    it('keeps events for services the catalog does not know, and says so', async () => {
      const event = cdEvent('deployed', {
        id: randomUUID(),
        subjectId: 'ghost-service',
        content: { environment: { id: 'unknown-entity' } },
      });
      const response = await send(structured(event));
      expect(response.status).toBe(200);
      expect(response.body.events[0].deployment).toMatchObject({
        entityRef: null,
        entityHint: 'service.name=ghost-service',
      });
      expect(await deploymentsIn('unknown-entity')).toEqual([
        expect.objectContaining({ entityRef: null, status: 'succeeded' }),
      ]);
    });

    it('records concurrent deliveries of one event once, and concurrent events all', async () => {
      const same = cdEvent('deployed', {
        id: randomUUID(),
        content: { environment: { id: 'concurrent-same' } },
      });
      const distinct = Array.from({ length: 8 }, (_, index) =>
        cdEvent('deployed', {
          id: randomUUID(),
          content: { environment: { id: `concurrent-${index}` } },
        }),
      );
      const responses = await Promise.all([
        ...Array.from({ length: 8 }, (_, index) =>
          send(index % 2 ? structured(same) : binary(same)),
        ),
        ...distinct.map(event => send(structured(event))),
      ]);
      expect(responses.map(response => response.status)).toEqual(
        responses.map(() => 200),
      );
      const firstDeliveries = responses
        .slice(0, 8)
        .filter(response => !response.body.events[0].duplicate);
      expect(firstDeliveries).toHaveLength(1);
      expect(await deploymentsIn('concurrent-same')).toHaveLength(1);
      expect(
        await knex('cdevents_received').where({
          source: ARGO,
          event_id: same.context.id,
        }),
      ).toHaveLength(1);
      for (let index = 0; index < distinct.length; index++) {
        expect(await deploymentsIn(`concurrent-${index}`)).toHaveLength(1);
      }
    });

    it('tells the delivery that lost a race that its event is already recorded', async () => {
      // What a concurrent delivery of one event meets inside its transaction.
      const log = new CdEventLog(knex);
      const entry = {
        source: '/race',
        eventId: randomUUID(),
        type: 'dev.cdevents.service.deployed.0.2.0',
        subjectSource: '/race',
        subjectId: 'checkout',
        environment: 'race',
        artifact: CHECKOUT_V1,
        occurredAt: '2026-11-02T09:15:04Z',
        deploymentKey: null,
      };
      const outcomes: boolean[] = [];
      for (let i = 0; i < 2; i++) {
        await knex.transaction(async tx => {
          outcomes.push(await log.record(tx, entry));
        });
      }
      expect(outcomes).toEqual([true, false]);
    });

    describe('refuses, storing nothing,', () => {
      const withoutEnvironment = binary(
        cdEvent('incidentReported', {
          id: randomUUID(),
          content: { environment: undefined },
        }),
      );

      /** The test body, then proof that the refused request stored nothing. */
      const storingNothing = (test: () => Promise<void>) => async () => {
        const before = await snapshot();
        await test();
        expect(await snapshot()).toEqual(before);
      };

      it(
        'a request without a token or with a wrong one (401)',
        storingNothing(async () => {
          const event = cdEvent('deployed', { id: randomUUID() });
          expect((await send(structured(event), null)).status).toBe(401);
          expect((await send(structured(event), 'not-the-token')).status).toBe(
            401,
          );
        }),
      );

      it(
        'an unsupported type (400 naming the supported ones)',
        storingNothing(async () => {
          const event = cdEvent('deployed', {
            id: randomUUID(),
            type: 'dev.cdevents.build.finished.0.2.0',
          });
          const response = await send(binary(event));
          expect(response.status).toBe(400);
          expect(response.body.error.message).toBe(
            "Unsupported CDEvent type 'dev.cdevents.build.finished.0.2.0'; supported types: dev.cdevents.service.deployed.0.x, dev.cdevents.service.upgraded.0.x, dev.cdevents.service.rolledback.0.x, dev.cdevents.pipelinerun.finished.0.x, dev.cdevents.incident.reported.0.x, dev.cdevents.incident.resolved.0.x",
          );
        }),
      );

      it.each<[string, Record<string, string>, string, RegExp]>([
        [
          'malformed JSON',
          { 'content-type': 'application/cloudevents+json' },
          '{"specversion": "1.0", "id": ',
          /^The body is not valid JSON: /,
        ],
        [
          'a CloudEvent without source',
          { 'content-type': 'application/cloudevents+json' },
          JSON.stringify({ specversion: '1.0', id: 'x', type: 't', data: {} }),
          /^The CloudEvent is invalid: must have required property 'source'$/,
        ],
        [
          'a plain JSON body without CloudEvent headers',
          { 'content-type': 'application/json' },
          JSON.stringify(cdEvent('deployed')),
          /^Not a CloudEvent: /,
        ],
        [
          'a CDEvent without its environment',
          withoutEnvironment.headers,
          withoutEnvironment.body,
          /^Invalid dev\.cdevents\.incident\.reported\.0\.2\.0 CDEvent: subject\.content\.environment: Required$/,
        ],
      ])('%s (400 saying what is wrong)', (_case, headers, body, message) =>
        storingNothing(async () => {
          const response = await send({ headers, body });
          expect(response.status).toBe(400);
          expect(response.body.error.name).toBe('InputError');
          expect(response.body.error.message).toMatch(message);
        })(),
      );

      it(
        'a body over the size limit, also when compressed (413)',
        storingNothing(async () => {
          const event = cdEvent('deployed', { id: randomUUID() });
          const oversized = {
            ...event,
            customData: { padding: 'x'.repeat(70 * 1024) },
          };
          const message = structured(oversized as CdEventJson);
          expect((await send(message)).status).toBe(413);

          const gzipped = gzipSync(Buffer.from(message.body));
          expect(gzipped.length).toBeLessThan(64 * 1024);
          const response = await request(backend.server)
            .post(ENDPOINT)
            .set(message.headers)
            .set('Content-Encoding', 'gzip')
            .set('Authorization', `Bearer ${STATIC_TOKEN}`)
            .serialize(bytes => bytes as unknown as string)
            .send(gzipped);
          expect(response.status).toBe(413);
        }),
      );
    });
  });
});
