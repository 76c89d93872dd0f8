import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  TestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { CatalogClient } from '@backstage/catalog-client';
import { DateTime } from 'luxon';
import { EntityResolver } from '../catalog/EntityResolver';
import { DeliveryEventWriter } from '../delivery/DeliveryEventWriter';
import {
  capturePluginDatabase,
  startQualityGatesBackend,
  waitForCatalog,
} from '../__testUtils__/testBackend';
import {
  expectFactsAsDerived,
  factsSnapshot,
} from '../dora/facts/factsTestHelpers';
import { applyRetention } from './retention';
import { remapUnresolvedEvents } from './remapUnresolvedEvents';

jest.setTimeout(60_000);

const NOW = DateTime.fromISO('2026-11-23T12:00:00Z', { zone: 'utc' });
const OLD = NOW.minus({ days: 40 }).toISO()!;
const RECENT = NOW.minus({ days: 5 }).toISO()!;

/** Builds the real resolver inside the backend: real catalog, real auth. */
function captureResolver() {
  let resolver: EntityResolver | undefined;
  const feature = createBackendModule({
    pluginId: 'quality-gates',
    moduleId: 'test-resolver-capture',
    register(reg) {
      reg.registerInit({
        deps: {
          discovery: coreServices.discovery,
          auth: coreServices.auth,
          logger: coreServices.logger,
        },
        async init({ discovery, auth, logger }) {
          resolver = new EntityResolver(
            new CatalogClient({ discoveryApi: discovery }),
            auth,
            logger,
          );
        },
      });
    },
  });
  return { feature, resolver: () => resolver! };
}

describe('maintenance', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

  describe.each(databases.eachSupportedId())('%p', databaseId => {
    let backend: TestBackend;
    const database = capturePluginDatabase();
    const resolver = captureResolver();

    beforeAll(async () => {
      backend = await startQualityGatesBackend({
        databases,
        databaseId,
        features: [database.feature, resolver.feature],
      });
      await waitForCatalog(backend, mockCredentials.user.header());
    });

    afterAll(async () => {
      await backend?.stop();
    });

    it('deletes history older than the policy, and only that', async () => {
      const knex = database.knex();
      const deployment = (externalId: string, startedAt: string) => ({
        source: 'retention-test',
        externalId,
        entityRef: 'component:default/checkout',
        environment: 'production',
        version: externalId,
        status: 'succeeded' as const,
        startedAt,
        changes: [
          { repository: 'github.com/example-corp/checkout', sha: externalId },
        ],
      });
      await new DeliveryEventWriter(knex).write({
        deployments: [deployment('old', OLD), deployment('recent', RECENT)],
        incidents: [
          {
            source: 'retention-test',
            externalId: 'recent-incident',
            entityRef: 'component:default/checkout',
            openedAt: RECENT,
            // Caused by the old deployment: the link goes, the incident stays.
            causedBy: { source: 'retention-test', externalId: 'old' },
          },
          {
            source: 'retention-test',
            externalId: 'old-incident',
            entityRef: 'component:default/checkout',
            openedAt: OLD,
          },
        ],
        pipelineRuns: [
          {
            source: 'retention-test',
            externalId: 'old-run',
            entityRef: null,
            pipelineName: 'ci',
            startedAt: OLD,
          },
        ],
      });

      const span = (spanId: string, start: DateTime) => ({
        trace_id: 'a'.repeat(32),
        span_id: spanId,
        name: 'test',
        kind: 'internal',
        start_time_us: start.toMillis() * 1000,
        end_time_us: start.toMillis() * 1000 + 1000,
        status_code: 'ok',
        attributes: '{}',
        resource_attributes: '{}',
        received_at: NOW.toJSDate(),
      });
      await knex('spans').insert([
        span('0000000000000001', NOW.minus({ days: 10 })),
        span('0000000000000002', NOW.minus({ days: 2 })),
      ]);

      const cdEvent = (eventId: string, at: string) => ({
        source: '/argocd',
        event_id: eventId,
        type: 'dev.cdevents.service.deployed.0.2.0',
        subject_source: '/argocd',
        subject_id: 'checkout',
        occurred_at: new Date(at),
        received_at: NOW.toJSDate(),
      });
      await knex('cdevents_received').insert([
        cdEvent('old-event', OLD),
        cdEvent('recent-event', RECENT),
      ]);

      // Traces are kept for a shorter time than the rest of the history.
      const deleted = await applyRetention(
        knex,
        { deliveryEventsDays: 30, traceDays: 7 },
        NOW,
      );

      expect(await knex('spans').pluck('span_id')).toEqual([
        '0000000000000002',
      ]);
      expect(await knex('cdevents_received').pluck('event_id')).toEqual([
        'recent-event',
      ]);
      expect(deleted).toMatchObject({
        cdEventsReceived: 1,
        spans: 1,
        deployments: 1,
        deploymentChanges: 1,
        incidents: 1,
        pipelineRuns: 1,
      });
      const left = await knex('deployments')
        .where('source', 'retention-test')
        .pluck('external_id');
      expect(left).toEqual(['recent']);
      const incident = await knex('incidents')
        .where('external_id', 'recent-incident')
        .first();
      expect(incident.caused_by_deployment_id).toBeNull();
      const links = await knex('deployment_changes').pluck('sha');
      expect(links).toEqual(['recent']);
      // The old change's first deployment goes with it.
      expect(await knex('first_deployments').pluck('sha')).toEqual(['recent']);
      // Its cause gone, the incident falls on the last success before it
      // opened: the recent deployment, which DORA now counts as failed.
      const facts = await factsSnapshot(knex);
      expect(
        facts
          .filter(row => row.external_id === 'recent')
          .map(row => [row.failed, row.incident_external_id]),
      ).toEqual([[1, 'recent-incident']]);
      expect(facts.some(row => row.external_id === 'old')).toBe(false);
      await expectFactsAsDerived(knex);
    });

    it('maps kept events once the catalog knows their entity', async () => {
      const knex = database.knex();
      // Arrived while nothing in the catalog answered to "payments".
      await new DeliveryEventWriter(knex).write({
        deployments: [
          {
            source: 'remap-test',
            externalId: 'd1',
            entityRef: null,
            entityHint: 'service.name=payments',
            environment: 'production',
            version: '1.0.0',
            status: 'succeeded',
            startedAt: RECENT,
            changes: [
              { repository: 'github.com/example-corp/payments', sha: 'p1' },
            ],
          },
          {
            source: 'remap-test',
            externalId: 'd2',
            entityRef: null,
            entityHint: 'service.name=nobody-knows-me',
            environment: 'production',
            version: '1.0.0',
            status: 'succeeded',
            startedAt: RECENT,
          },
        ],
      });

      // Without an entity, no first deployment can be counted.
      expect(
        await knex('first_deployments').where(
          'repository',
          'github.com/example-corp/payments',
        ),
      ).toEqual([]);

      const remapped = await remapUnresolvedEvents(knex, resolver.resolver());

      expect(remapped).toBe(1);
      // Known now, its change has a first deployment for DORA's lead time.
      expect(
        await knex('first_deployments')
          .where('repository', 'github.com/example-corp/payments')
          .select('entity_ref', 'sha'),
      ).toEqual([{ entity_ref: 'component:default/payments', sha: 'p1' }]);
      const rows = await knex('deployments')
        .where('source', 'remap-test')
        .orderBy('external_id')
        .select('external_id', 'entity_ref', 'entity_hint');
      expect(rows).toEqual([
        {
          external_id: 'd1',
          entity_ref: 'component:default/payments',
          entity_hint: 'service.name=payments',
        },
        {
          external_id: 'd2',
          entity_ref: null,
          entity_hint: 'service.name=nobody-knows-me',
        },
      ]);
      // DORA counts it for its entity now.
      expect(
        (await factsSnapshot(knex))
          .filter(row => row.external_id.startsWith('d'))
          .map(row => [row.external_id, row.entity_ref]),
      ).toEqual([['d1', 'component:default/payments']]);
      await expectFactsAsDerived(knex);
    });
  });
});
