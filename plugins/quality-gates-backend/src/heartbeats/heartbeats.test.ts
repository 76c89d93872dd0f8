import request from 'supertest';
import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import { DateTime } from 'luxon';
import {
  PluginUnderTest,
  startPluginUnderTest,
} from '../__testUtils__/testBackend';
import { writeServiceCatalog } from '../__testUtils__/catalogFile';

// Heartbeats end to end: sent through POST /heartbeats, counted by gates
// whose criteria use `source: heartbeat`, on a real backend and database.

jest.setTimeout(90_000);

const COMPONENTS = ['beating', 'stale', 'silent'];

const GATES = {
  qualityGates: {
    gates: {
      definitions: [
        {
          id: 'alive',
          title: 'Smoke test heartbeat',
          environments: ['production'],
          criteria: [
            {
              key: 'smoke',
              source: 'heartbeat',
              name: 'smoke',
              within: { minutes: 10 },
            },
          ],
        },
        {
          id: 'alive-this-version',
          title: 'Smoke test of this version',
          environments: ['staging'],
          criteria: [
            {
              key: 'smoke',
              source: 'heartbeat',
              name: 'smoke',
              within: 'PT10M',
              sameVersion: true,
            },
          ],
        },
        {
          id: 'steady',
          title: 'Steady heartbeat',
          environments: ['canary'],
          window: { minutes: 30 },
          criteria: [
            { key: 'smoke', source: 'heartbeat', name: 'smoke', minCount: 3 },
          ],
        },
        {
          id: 'broken',
          title: 'A criterion with a typo',
          environments: ['broken'],
          criteria: [
            { key: 'smoke', source: 'heartbeat', name: 'smoke', withn: 'PT1M' },
          ],
        },
      ],
    },
  },
};

describe('heartbeats', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });
  const catalog = writeServiceCatalog('heartbeats', COMPONENTS);

  describe.each(databases.eachSupportedId())('%p', databaseId => {
    let plugin: PluginUnderTest;
    const auth = mockCredentials.user.header();
    const minutesAgo = (minutes: number) =>
      DateTime.utc().minus({ minutes }).toISO();

    const send = (body: unknown, authorization = auth) =>
      request(plugin.backend.server)
        .post('/api/quality-gates/heartbeats')
        .set('Authorization', authorization)
        .send(body as object);

    const evaluate = async (
      component: string,
      environment: string,
      version = 'v2',
    ) => {
      const response = await request(plugin.backend.server)
        .post('/api/quality-gates/gates/evaluate')
        .set('Authorization', auth)
        .send({
          entityRef: `component:default/${component}`,
          environment,
          version,
        });
      expect(response.status).toBe(200);
      return {
        verdict: response.body.verdict,
        criterion: response.body.evaluations[0].criteria[0],
      };
    };

    beforeAll(async () => {
      plugin = await startPluginUnderTest({
        databases,
        databaseId,
        catalogFixture: catalog,
        components: COMPONENTS,
        config: GATES,
      });
      const sent = await send({
        items: [
          ...[3, 2, 1].map(minutes => ({
            entityRef: 'component:default/beating',
            name: 'smoke',
            environment: 'staging',
            version: 'v2',
            occurredAt: minutesAgo(minutes),
          })),
          { serviceName: 'stale', name: 'smoke', occurredAt: minutesAgo(20) },
        ],
      });
      if (sent.status !== 200 || sent.body.unresolved !== 0) {
        throw new Error(`Heartbeats not stored: ${JSON.stringify(sent.body)}`);
      }
    });
    afterAll(() => plugin?.backend.stop());

    describe('POST /heartbeats', () => {
      it('stores a heartbeat at the time it is received by default', async () => {
        const before = DateTime.utc();
        const response = await send({
          entityRef: 'component:default/silent',
          name: 'received-now',
          details: { region: 'eu-west-1', ok: true },
        });
        expect(response.status).toBe(200);
        const [item] = response.body.items;
        expect(item).toMatchObject({
          name: 'received-now',
          entityRef: 'component:default/silent',
          resolved: true,
          duplicate: false,
        });
        expect(
          DateTime.fromISO(item.occurredAt) >= before.startOf('second'),
        ).toBe(true);
        const row = await plugin
          .knex('heartbeats')
          .where({ id: item.id })
          .first();
        expect(row).toMatchObject({
          source: 'api',
          entity_hint: 'entityRef=component:default/silent',
          environment: null,
          version: null,
        });
        expect(JSON.parse(row.details)).toEqual({
          region: 'eu-west-1',
          ok: true,
        });
      });

      it('keeps heartbeats of an unknown entity, unresolved', async () => {
        const response = await send({ serviceName: 'nobody', name: 'smoke' });
        expect(response.status).toBe(200);
        expect(response.body).toMatchObject({
          unresolved: 1,
          items: [{ entityRef: null, resolved: false }],
        });
        const row = await plugin
          .knex('heartbeats')
          .where({ id: response.body.items[0].id })
          .first();
        expect(row.entity_hint).toBe('service.name=nobody');
      });

      it('stores a resent externalId once', async () => {
        const heartbeat = {
          entityRef: 'component:default/silent',
          name: 'deduplicated',
          externalId: 'monitor-run-42',
          occurredAt: minutesAgo(1),
        };
        const first = await send(heartbeat);
        const again = await send({ items: [heartbeat, heartbeat] });
        expect(first.body.items[0].duplicate).toBe(false);
        expect(again.body.items).toEqual([
          expect.objectContaining({
            id: first.body.items[0].id,
            duplicate: true,
          }),
          expect.objectContaining({
            id: first.body.items[0].id,
            duplicate: true,
          }),
        ]);
        const stored = await plugin
          .knex('heartbeats')
          .where({ name: 'deduplicated' });
        expect(stored).toHaveLength(1);
      });

      it('refuses a bad batch whole, naming every bad field', async () => {
        const response = await send({
          items: [
            { entityRef: 'component:default/silent', name: 'fine' },
            { name: '' },
            {
              entityRef: 'component:default/silent',
              name: 'future',
              occurredAt: DateTime.utc().plus({ hours: 1 }).toISO(),
            },
            { entityRef: 'component:default/silent', name: 'x', colour: 1 },
          ],
        });
        expect(response.status).toBe(400);
        const message: string = response.body.error.message;
        expect(message).toContain('items.1.name');
        expect(message).toContain(
          'items.1: one of entityRef, serviceName or repositorySlug is required',
        );
        expect(message).toContain(
          'items.2.occurredAt: is more than 5 minutes in the future',
        );
        expect(message).toMatch(/items\.3.*colour/);
        expect(
          await plugin.knex('heartbeats').where({ name: 'fine' }),
        ).toHaveLength(0);
      });

      it('refuses a body that is not JSON, and a caller without credentials', async () => {
        const notJson = await request(plugin.backend.server)
          .post('/api/quality-gates/heartbeats')
          .set('Authorization', auth)
          .set('Content-Type', 'application/json')
          .send('{"name":');
        expect(notJson.status).toBe(400);
        expect(notJson.body.error.message).toMatch(/not valid JSON/);

        const anonymous = await send(
          { entityRef: 'component:default/silent', name: 'smoke' },
          mockCredentials.none.header(),
        );
        expect(anonymous.status).toBe(401);
      });
    });

    describe('source: heartbeat', () => {
      it('passes on a recent heartbeat, with its time and age', async () => {
        const { verdict, criterion } = await evaluate('beating', 'production');
        expect(verdict).toBe('pass');
        expect(criterion).toMatchObject({ state: 'pass', observed: 3 });
        expect(criterion.details.lastAgeSeconds).toBeGreaterThanOrEqual(55);
        expect(criterion.details.lastAgeSeconds).toBeLessThan(180);
        expect(criterion.details.lastReceivedAt).toEqual(expect.any(String));
        expect(criterion.details.lastVersion).toBe('v2');
      });

      it('fails on a stale heartbeat, saying how old the last one is', async () => {
        const { verdict, criterion } = await evaluate('stale', 'production');
        expect(verdict).toBe('fail');
        expect(criterion).toMatchObject({ state: 'fail', observed: 0 });
        expect(criterion.details.lastAgeSeconds).toBeGreaterThanOrEqual(1195);
        expect(criterion.details.reason).toMatch(/^no 'smoke' heartbeat since/);
      });

      it('fails, not no data, when no heartbeat ever came', async () => {
        const { verdict, criterion } = await evaluate('silent', 'production');
        expect(verdict).toBe('fail');
        expect(criterion).toMatchObject({ state: 'fail', observed: 0 });
        expect(criterion.details.lastOccurredAt).toBeUndefined();
      });

      it('counts only heartbeats of the version under test with sameVersion', async () => {
        const thisVersion = await evaluate('beating', 'staging', 'v2');
        expect(thisVersion.criterion).toMatchObject({
          state: 'pass',
          observed: 3,
        });
        const otherVersion = await evaluate('beating', 'staging', 'v3');
        expect(otherVersion.verdict).toBe('fail');
        expect(otherVersion.criterion).toMatchObject({
          state: 'fail',
          observed: 0,
          details: expect.objectContaining({ version: 'v3', count: 0 }),
        });
      });

      it('counts fewer than minCount heartbeats as none', async () => {
        const steady = await evaluate('beating', 'canary');
        expect(steady.criterion).toMatchObject({ state: 'pass', observed: 3 });
        const trickle = await evaluate('stale', 'canary');
        expect(trickle.criterion).toMatchObject({
          state: 'fail',
          observed: 0,
          sampleSize: 1,
          details: expect.objectContaining({ count: 1, minCount: 3 }),
        });
        // Its next heartbeat is overdue: silence, not a wait.
        expect(trickle.criterion.askAgainAt).toBeUndefined();
      });

      it('is an error, naming the field, when the definition has a typo', async () => {
        const { verdict, criterion } = await evaluate('beating', 'broken');
        expect(verdict).toBe('error');
        expect(criterion.state).toBe('error');
        expect(criterion.message).toMatch(/withn/);
      });
    });
  });
});
