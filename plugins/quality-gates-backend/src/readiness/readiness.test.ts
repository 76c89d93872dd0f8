import request from 'supertest';
import {
  BackstageUserPrincipal,
  coreServices,
  createBackendModule,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { qualityGatesReadinessChecksExtensionPoint } from '@can-i-deploy/plugin-quality-gates-node';
import {
  mockCredentials,
  TestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  isPermission,
} from '@backstage/plugin-permission-common';
import { readinessExemptionCreatePermission } from '@can-i-deploy/plugin-quality-gates-common';
import { parse } from 'csv-parse/sync';
import {
  capturePluginDatabase,
  capturePluginScheduler,
  startQualityGatesBackend,
  waitForCatalog,
} from '../__testUtils__/testBackend';
import path from 'node:path';
import { timestampFromDatabase } from '../database/timestamps';

// Readiness over HTTP on a real test backend: the real catalog reads the
// fixture, the real permission backend decides with the policy below, and
// the scheduled evaluation is triggered by its task id.

jest.setTimeout(90_000);

const ADMIN = 'user:default/admin';
const DEVELOPER = 'user:default/developer';

/**
 * Only the admin may grant exemptions; everything else is allowed. The real
 * permission backend cannot judge here: it refuses the mock user tokens the
 * test backend issues, so this stands in for the whole permission service.
 */
const permissionsPolicy = createServiceFactory({
  service: coreServices.permissions,
  deps: {},
  factory: () => ({
    async authorize(requests, { credentials }) {
      const user = (credentials.principal as BackstageUserPrincipal)
        .userEntityRef;
      return requests.map(({ permission }) => ({
        result:
          isPermission(permission, readinessExemptionCreatePermission) &&
          user !== ADMIN
            ? AuthorizeResult.DENY
            : AuthorizeResult.ALLOW,
      }));
    },
    async authorizeConditional(requests) {
      return requests.map(() => ({ result: AuthorizeResult.ALLOW } as const));
    },
  }),
});

/** A check a backend module adds: warns when no runbook link is listed. */
const runbookLinkModule = createBackendModule({
  pluginId: 'quality-gates',
  moduleId: 'test-runbook-link-check',
  register(reg) {
    reg.registerInit({
      deps: { checks: qualityGatesReadinessChecksExtensionPoint },
      async init({ checks }) {
        checks.addReadinessCheck({
          id: 'runbook-link',
          title: 'Runbook linked',
          description: 'Responders find the runbook from the catalog.',
          howToFix: 'Add a link titled `Runbook` to `metadata.links`.',
          catalogOnly: true,
          evaluate(entity) {
            const linked = (entity.metadata.links ?? []).some(
              link => link.title === 'Runbook',
            );
            return linked
              ? { state: 'passed', message: 'Runbook linked.' }
              : {
                  state: 'warning',
                  message: 'No runbook link.',
                  missing: ['a Runbook link'],
                };
          },
        });
      },
    });
  },
});

const config = {
  qualityGates: {
    readiness: {
      custom: [
        {
          id: 'tagged',
          title: 'Has a language tag',
          description: 'Tags let people find components by technology.',
          howToFix: 'Add a tag such as `java` to `metadata.tags`.',
          level: 'gold',
          appliesTo: { type: 'service' },
          conditions: [
            {
              any: [
                { path: '$.metadata.tags[0]', operator: 'exists' },
                {
                  path: "$.metadata.annotations['example.com/language']",
                  operator: 'notEmpty',
                },
              ],
              message: 'a language tag or example.com/language annotation',
            },
          ],
        },
      ],
    },
  },
};

describe('readiness', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

  describe.each(databases.eachSupportedId())('%p', databaseId => {
    let backend: TestBackend;
    const scheduler = capturePluginScheduler();
    const database = capturePluginDatabase();
    const admin = mockCredentials.user.header(ADMIN);
    const developer = mockCredentials.user.header(DEVELOPER);

    beforeAll(async () => {
      backend = await startQualityGatesBackend({
        databases,
        databaseId,
        config,
        catalogFixture: path.resolve(
          __dirname,
          '__fixtures__/readiness-catalog.yaml',
        ),
        features: [
          scheduler.feature,
          database.feature,
          permissionsPolicy,
          runbookLinkModule,
        ],
      });
      await waitForCatalog(backend, admin, [
        'ready',
        'orphan',
        'personal',
        'fresh',
      ]);
      await scheduler.trigger('quality-gates-readiness-evaluation');
    });

    const get = (url: string, auth = developer) =>
      request(backend.server)
        .get(`/api/quality-gates${url}`)
        .set('Authorization', auth);

    async function checksOf(name: string) {
      const response = await get(
        `/readiness/entity?entityRef=component:default/${name}`,
      );
      expect(response.status).toBe(200);
      return Object.fromEntries(
        response.body.checks.map((check: any) => [check.id, check.result]),
      );
    }

    it('evaluates every component on the scheduled run, and nothing else', async () => {
      const response = await get('/readiness/overview');
      expect(response.status).toBe(200);
      expect(
        response.body.items.map((item: any) => item.entityRef).sort(),
      ).toEqual([
        'component:default/fresh',
        'component:default/orphan',
        'component:default/personal',
        'component:default/ready',
      ]);
      expect(response.body.totalCount).toBe(4);
      expect(response.body.levels.map((l: any) => l.id)).toEqual([
        'bronze',
        'silver',
        'gold',
      ]);
    });

    it('tells a team owner from a dangling owner and a person', async () => {
      expect((await checksOf('ready')).owner).toMatchObject({
        state: 'passed',
        message: 'Owned by group:default/team-a.',
      });
      expect((await checksOf('orphan')).owner).toMatchObject({
        state: 'failed',
        message: 'The owner group:default/ghosts is not in the catalog.',
      });
      expect((await checksOf('personal')).owner).toMatchObject({
        state: 'failed',
        message: 'The owner user:default/jane is a User, not a Group.',
      });
    });

    it('runs checks that backend modules add, and lists them', async () => {
      expect((await checksOf('ready'))['runbook-link']).toMatchObject({
        state: 'warning',
        missing: ['a Runbook link'],
      });
      const checks = await get('/readiness/checks');
      expect(checks.body.checks.map((check: any) => check.id)).toEqual([
        'owner',
        'source',
        'on-call',
        'docs',
        'alerts',
        'dashboards',
        'tagged',
        'runbook-link',
      ]);
    });

    it('runs config-defined checks where they apply, and says when they do not', async () => {
      expect((await checksOf('ready')).tagged.state).toBe('passed');
      expect((await checksOf('orphan')).tagged).toMatchObject({
        state: 'failed',
        missing: ['a language tag or example.com/language annotation'],
      });
      expect((await checksOf('personal')).tagged.state).toBe('not_applicable');
    });

    it('reaches a level only when every check of it and below is met', async () => {
      const ready = await get(
        '/readiness/entity?entityRef=component:default/ready',
      );
      // Catalog checks all pass; without a source location the alert and
      // dashboard checks cannot look, so silver is not reached.
      expect(ready.body.summary.level).toBe('bronze');
      expect(ready.body.summary.nextLevel).toBe('silver');
      const orphan = await get(
        '/readiness/entity?entityRef=component:default/orphan',
      );
      expect(orphan.body.summary.level).toBeNull();
      expect(orphan.body.summary.failingChecks).toContain('owner');
    });

    it('filters, sorts and pages the overview, new components first', async () => {
      const first = await get('/readiness/overview?limit=1');
      expect(first.body.items[0].entityRef).toBe('component:default/fresh');
      expect(first.body.items[0].isNew).toBe(true);
      expect(first.body.totalCount).toBe(4);

      const failingOwner = await get('/readiness/overview?failingCheck=owner');
      expect(
        failingOwner.body.items.map((item: any) => item.entityRef).sort(),
      ).toEqual(['component:default/orphan', 'component:default/personal']);

      const byOwner = await get(
        '/readiness/overview?owner=group:default/team-a&sort=entityRef&order=desc',
      );
      expect(byOwner.body.items.map((item: any) => item.entityRef)).toEqual([
        'component:default/ready',
        'component:default/fresh',
      ]);
      const noLevel = await get('/readiness/overview?level=none&q=ORPH');
      expect(noLevel.body.items.map((item: any) => item.entityRef)).toEqual([
        'component:default/orphan',
      ]);
      expect(first.body.facets.lifecycles).toEqual([
        'experimental',
        'production',
      ]);
      const bad = await get('/readiness/overview?sort=nonsense');
      expect(bad.status).toBe(400);
    });

    it('badges nothing new that the first run found, only what came after it', async () => {
      const newness = async () =>
        Object.fromEntries(
          (await get('/readiness/overview')).body.items.map((item: any) => [
            item.entityRef,
            item.isNew,
          ]),
        );
      // The scheduled run was this install's first: only the experimental
      // component is new.
      expect(await newness()).toEqual({
        'component:default/fresh': true,
        'component:default/orphan': false,
        'component:default/personal': false,
        'component:default/ready': false,
      });

      const knex = database.knex();
      const { first_seen_at: firstSeenAt } = await knex('readiness_entities')
        .where({ entity_ref: 'component:default/orphan' })
        .first();
      const later = new Date(
        new Date(timestampFromDatabase(firstSeenAt)).getTime() + 60_000,
      );
      await knex('readiness_entities')
        .where({ entity_ref: 'component:default/orphan' })
        .update({ first_seen_at: later });
      try {
        // Seen by a later run: new, the first run's entities still are not.
        expect(await newness()).toMatchObject({
          'component:default/orphan': true,
          'component:default/personal': false,
        });
        const orphan = await get(
          '/readiness/entity?entityRef=component:default/orphan',
        );
        expect(orphan.body.summary.isNew).toBe(true);
      } finally {
        await knex('readiness_entities')
          .where({ entity_ref: 'component:default/orphan' })
          .update({ first_seen_at: firstSeenAt });
      }
    });

    it('counts an entity first seen long ago as no longer new, and lists it last', async () => {
      const knex = database.knex();
      const { first_seen_at: firstSeenAt } = await knex('readiness_entities')
        .where({ entity_ref: 'component:default/ready' })
        .first();
      await knex('readiness_entities')
        .where({ entity_ref: 'component:default/ready' })
        .update({ first_seen_at: new Date('2025-01-01T00:00:00Z') });
      try {
        const response = await get('/readiness/overview');
        const refs = response.body.items.map((item: any) => item.entityRef);
        expect(refs[0]).toBe('component:default/fresh');
        expect(refs[refs.length - 1]).toBe('component:default/ready');
        const ready = response.body.items.find(
          (item: any) => item.entityRef === 'component:default/ready',
        );
        expect(ready).toMatchObject({
          isNew: false,
          firstSeenAt: '2025-01-01T00:00:00.000Z',
        });
      } finally {
        await knex('readiness_entities')
          .where({ entity_ref: 'component:default/ready' })
          .update({ first_seen_at: firstSeenAt });
      }
    });

    it('exports the filtered overview as CSV with a column per check', async () => {
      const response = await get(
        '/readiness/overview/export?lifecycle=production&sort=entityRef',
      );
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/csv/);
      const rows = parse(response.text, { columns: true }) as Array<
        Record<string, string>
      >;
      expect(rows.map(row => row.entityRef)).toEqual([
        'component:default/orphan',
        'component:default/personal',
        'component:default/ready',
      ]);
      expect(rows[0]).toMatchObject({
        'check:owner': 'failed',
        owner: 'group:default/ghosts',
        level: '',
        // Found by the install's first run, and not experimental.
        isNew: 'false',
      });
      expect(rows[2]).toMatchObject({
        'check:owner': 'passed',
        'check:on-call': 'passed',
        'check:alerts': 'not_reported',
        level: 'bronze',
        title: 'Ready service',
      });
    });

    it('keeps a history point only when something changed', async () => {
      const before = await get(
        '/readiness/entity?entityRef=component:default/ready',
      );
      await new Promise(resolve => setTimeout(resolve, 5));
      await scheduler.trigger('quality-gates-readiness-evaluation');
      const after = await get(
        '/readiness/entity?entityRef=component:default/ready',
      );
      // Nothing changed: the row is not rewritten, only its time moves.
      expect(
        after.body.summary.evaluatedAt > before.body.summary.evaluatedAt,
      ).toBe(true);
      expect(after.body.checks).toEqual(before.body.checks);
      const history = await get(
        '/readiness/entity/history?entityRef=component:default/ready',
      );
      expect(history.status).toBe(200);
      expect(history.body.items).toHaveLength(1);
      expect(history.body.items[0]).toMatchObject({
        level: 'bronze',
        states: { owner: 'passed', tagged: 'passed' },
      });
      // On demand too, however many at once: nothing changed, no point.
      const onDemand = await Promise.all(
        [1, 2, 3].map(() =>
          request(backend.server)
            .post(
              '/api/quality-gates/readiness/entity/evaluate?entityRef=component:default/ready',
            )
            .set('Authorization', developer),
        ),
      );
      expect(onDemand.map(response => response.status)).toEqual([
        200, 200, 200,
      ]);
      const unchanged = await get(
        '/readiness/entity/history?entityRef=component:default/ready',
      );
      expect(unchanged.body.items).toHaveLength(1);
    });

    it('grants exemptions only with the permission, keeps them for audit, and re-evaluates', async () => {
      const expiresAt = new Date(Date.now() + 7 * 86_400_000).toISOString();
      const body = {
        entityRef: 'component:default/orphan',
        checkId: 'owner',
        reason: 'Team is being created this sprint (ticket ORG-42).',
        expiresAt,
      };
      const denied = await request(backend.server)
        .post('/api/quality-gates/readiness/exemptions')
        .set('Authorization', developer)
        .send(body);
      expect(denied.status).toBe(403);

      const tooShort = await request(backend.server)
        .post('/api/quality-gates/readiness/exemptions')
        .set('Authorization', admin)
        .send({ ...body, reason: 'because' });
      expect(tooShort.status).toBe(400);
      const unknownCheck = await request(backend.server)
        .post('/api/quality-gates/readiness/exemptions')
        .set('Authorization', admin)
        .send({ ...body, checkId: 'nope' });
      expect(unknownCheck.status).toBe(400);
      expect(unknownCheck.body.error.message).toMatch(/known checks: owner/);
      const tooLong = await request(backend.server)
        .post('/api/quality-gates/readiness/exemptions')
        .set('Authorization', admin)
        .send({ ...body, expiresAt: '2099-01-01T00:00:00Z' });
      expect(tooLong.status).toBe(400);

      const created = await request(backend.server)
        .post('/api/quality-gates/readiness/exemptions')
        .set('Authorization', admin)
        .send(body);
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        createdBy: ADMIN,
        active: true,
        checkId: 'owner',
      });
      expect((await checksOf('orphan')).owner).toMatchObject({
        state: 'exempt',
        exemptionId: created.body.id,
      });

      const duplicate = await request(backend.server)
        .post('/api/quality-gates/readiness/exemptions')
        .set('Authorization', admin)
        .send(body);
      expect(duplicate.status).toBe(409);

      const revoked = await request(backend.server)
        .post(
          `/api/quality-gates/readiness/exemptions/${created.body.id}/revoke`,
        )
        .set('Authorization', admin);
      expect(revoked.status).toBe(200);
      expect(revoked.body).toMatchObject({ active: false, revokedBy: ADMIN });
      expect((await checksOf('orphan')).owner.state).toBe('failed');
      // Each on-demand re-evaluation that changed a state kept a point.
      const history = await request(backend.server)
        .get(
          '/api/quality-gates/readiness/entity/history?entityRef=component:default/orphan',
        )
        .set('Authorization', admin);
      expect(
        history.body.items
          .slice(-2)
          .map((item: { states: Record<string, string> }) => item.states.owner),
      ).toEqual(['exempt', 'failed']);

      const audit = await get(
        '/readiness/exemptions?entityRef=component:default/orphan',
      );
      expect(audit.body.items).toHaveLength(1);
      expect(audit.body.items[0]).toMatchObject({
        reason: body.reason,
        active: false,
      });
      const rows = await database.knex()('readiness_exemptions');
      expect(rows).toHaveLength(1);
    });

    it('evaluates one entity on demand and answers 404 for unknown or unscored ones', async () => {
      const response = await request(backend.server)
        .post(
          '/api/quality-gates/readiness/entity/evaluate?entityRef=component:default/fresh',
        )
        .set('Authorization', developer);
      expect(response.status).toBe(200);
      expect(response.body.summary.entityRef).toBe('component:default/fresh');
      // The answer is built from what was written, not read back: it must
      // be what a read answers, on the first evaluation and a repeat.
      const read = () =>
        request(backend.server)
          .get(
            '/api/quality-gates/readiness/entity?entityRef=component:default/fresh',
          )
          .set('Authorization', developer);
      expect((await read()).body).toEqual(response.body);
      const again = await request(backend.server)
        .post(
          '/api/quality-gates/readiness/entity/evaluate?entityRef=component:default/fresh',
        )
        .set('Authorization', developer);
      expect(again.body.summary.firstSeenAt).toBe(
        response.body.summary.firstSeenAt,
      );
      expect((await read()).body).toEqual(again.body);
      const missing = await request(backend.server)
        .post(
          '/api/quality-gates/readiness/entity/evaluate?entityRef=component:default/nope',
        )
        .set('Authorization', developer);
      expect(missing.status).toBe(404);
      const api = await request(backend.server)
        .post(
          '/api/quality-gates/readiness/entity/evaluate?entityRef=api:default/ready-api',
        )
        .set('Authorization', developer);
      expect(api.status).toBe(404);
      expect(api.body.error.message).toMatch(/not scored/);
    });
  });
});
