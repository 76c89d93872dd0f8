import assert from 'node:assert/strict';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import fc from 'fast-check';
import { Knex } from 'knex';
import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import { DateTime } from 'luxon';
import {
  PluginUnderTest,
  startPluginUnderTest,
} from '../__testUtils__/testBackend';
import { cdEvent } from './cdevents/__fixtures__/cdEvents';

// Property: whatever the ingest routes are sent (near-valid payloads with
// hostile values: unicode edge cases, NUL, lone surrogates, huge numbers,
// deep nesting, impossible dates, duplicated keys), they answer 2xx or 4xx,
// never 5xx, and what is stored is exactly what the 2xx answers
// acknowledged: every acknowledged key once, with its own content; a 4xx
// stores nothing. A model of the acknowledged rows is kept per route and
// compared with the database after every request. Real backend over HTTP,
// real databases; a fixed seed, so a failure replays.

const CATALOG = path.resolve(__dirname, 'cdevents/__fixtures__/catalog.yaml');
const SEED = 20261206;

jest.setTimeout(120_000);

// ------------------------------------------------------------- values --

/** A JSON value written verbatim, for numbers JavaScript cannot hold. */
class RawJson {
  constructor(readonly text: string) {}
}

function toJson(value: unknown): string {
  if (value instanceof RawJson) return value.text;
  if (Array.isArray(value)) return `[${value.map(toJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    return `{${Object.entries(value)
      .filter(([, field]) => field !== undefined)
      .map(([key, field]) => `${JSON.stringify(key)}:${toJson(field)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

const LONE_SURROGATES = ['\ud800', '\udbff', '\udc00', '\udfff'];
const EDGE_TEXT = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud83d\ude80',
  '\uFFFD',
  'e\u0301',
  '\u202e',
  '\ufeff',
  '\u{10FFFF}',
  '"',
  '\\',
  '%00',
  'x'.repeat(255),
  'x'.repeat(256),
];

const hostileText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.constantFrom(...EDGE_TEXT),
  fc
    .tuple(
      fc.string({ maxLength: 4 }),
      fc.constantFrom(...LONE_SURROGATES, '\u0000'),
      fc.string({ maxLength: 4 }),
    )
    .map(([before, bad, after]) => `${before}${bad}${after}`),
);

function nestedArray(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

/** Anything a field might be sent instead of what it should be. */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: hostileText },
  {
    weight: 1,
    arbitrary: fc.oneof(
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.constantFrom(
        new RawJson('1e400'),
        new RawJson('-1e400'),
        new RawJson('123456789012345678901234567890'),
      ),
    ),
  },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 120 }).map(nestedArray) },
);

/** Mostly what the field should be; sometimes anything. */
function nearly<T>(valid: fc.Arbitrary<T>): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 24, arbitrary: valid }, hostileValue);
}

const pastInstant = fc
  .integer({
    min: Date.parse('2024-01-01T00:00:00Z'),
    max: Date.parse('2026-11-01T00:00:00Z'),
  })
  .map(ms => new Date(ms).toISOString());

/** Written like a timestamp, with fields possibly out of range. */
const calendarish = fc
  .record({
    year: fc.integer({ min: 0, max: 10_000 }),
    month: fc.integer({ min: 0, max: 13 }),
    day: fc.integer({ min: 0, max: 32 }),
    hour: fc.integer({ min: 0, max: 25 }),
    minute: fc.integer({ min: 0, max: 61 }),
    second: fc.integer({ min: 0, max: 61 }),
    zone: fc.constantFrom('Z', '+01:00', '-23:59', '+24:00', '+99:99', ''),
  })
  .map(({ year, month, day, hour, minute, second, zone }) => {
    const two = (n: number) => String(n).padStart(2, '0');
    return `${String(year).padStart(4, '0')}-${two(month)}-${two(day)}T${two(
      hour,
    )}:${two(minute)}:${two(second)}${zone}`;
  });

const timestamp = fc.oneof(
  { weight: 24, arbitrary: pastInstant },
  { weight: 3, arbitrary: calendarish },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '2026-02-30T00:00:00Z',
      '2026-13-01T00:00:00Z',
      '2026-11-24T24:00:00Z',
      '2025-02-29T12:00:00Z',
      '2028-02-29T12:00:00Z',
    ),
  },
  { weight: 1, arbitrary: hostileValue },
);

/** Keys from a small pool (duplicates within and across requests) or hostile. */
function keyOf(prefix: string) {
  return fc.oneof(
    { weight: 16, arbitrary: fc.nat(12).map(n => `${prefix}-${n}`) },
    { weight: 3, arbitrary: hostileText.map(text => `${prefix}-${text}`) },
    { weight: 1, arbitrary: hostileValue },
  );
}

/** One item, or a batch of a few, sometimes with a stray field; or junk. */
function body(item: fc.Arbitrary<Record<string, unknown>>) {
  return fc.oneof(
    { weight: 6, arbitrary: item },
    { weight: 1, arbitrary: hostileValue },
    {
      weight: 4,
      arbitrary: fc.record({
        items: fc.array(item, { minLength: 1, maxLength: 4 }),
        extra: fc.option(hostileValue, { freq: 10, nil: undefined }),
      }),
    },
  );
}

function sentItems(sent: unknown): Array<Record<string, any>> {
  const asObject = sent as { items?: unknown };
  return Array.isArray(asObject.items)
    ? (asObject.items as Array<Record<string, any>>)
    : [sent as Record<string, any>];
}

function instant(value: unknown): number {
  return DateTime.fromISO(String(value), { setZone: true }).toMillis();
}

function storedInstant(value: unknown): number {
  return value instanceof Date ? value.getTime() : Number(value);
}

async function countWhere(
  knex: Knex,
  table: string,
  column: string,
  prefix: string,
): Promise<number> {
  const [{ count }] = await knex(table)
    .where(column, 'like', `${prefix}%`)
    .count({ count: '*' });
  return Number(count);
}

// -------------------------------------------------------------- tests --

describe('ingest properties', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

  describe.each(databases.eachSupportedId())('%p', databaseId => {
    let plugin: PluginUnderTest;
    const authorization = mockCredentials.user.header();

    beforeAll(async () => {
      plugin = await startPluginUnderTest({
        databases,
        databaseId,
        catalogFixture: CATALOG,
      });
    });

    afterAll(async () => {
      await plugin?.backend.stop();
    });

    async function send(route: string, sent: unknown, contentType?: string) {
      const response = await request(plugin.backend.server)
        .post(`/api/quality-gates${route}`)
        .set('Authorization', authorization)
        .set('Content-Type', contentType ?? 'application/json')
        .send(toJson(sent));
      if (response.status >= 500 || response.status < 200) {
        throw new Error(
          `${route} answered ${response.status}: ${JSON.stringify(
            response.body,
          )}`,
        );
      }
      return response;
    }

    /** Checks a property with the fixed seed; no shrinking (the database keeps state). */
    async function check<T>(
      arbitrary: fc.Arbitrary<T>,
      runs: number,
      predicate: (value: T) => Promise<void>,
    ) {
      await fc.assert(fc.asyncProperty(arbitrary, predicate), {
        seed: SEED,
        numRuns: runs,
        endOnFailure: true,
      });
    }

    it('POST /deployments: never 5xx, stored == acknowledged', async () => {
      const prefix = `pd${randomBytes(4).toString('hex')}`;
      const model = new Map<
        string,
        { id: string; environment: string; version: string; startedAt: number }
      >();
      const item = fc.record(
        {
          serviceName: nearly(fc.constantFrom('checkout-svc', 'unknown-svc')),
          externalId: keyOf(prefix),
          environment: nearly(fc.constantFrom('production', 'staging')),
          version: nearly(fc.constantFrom('1.0.0', '2.0.0', '\u{1F680}')),
          status: nearly(fc.constantFrom('succeeded', 'failed', 'in_progress')),
          startedAt: timestamp,
          description: nearly(fc.string({ maxLength: 20 })),
        },
        {
          requiredKeys: [
            'serviceName',
            'externalId',
            'environment',
            'version',
            'status',
            'startedAt',
          ],
        },
      );
      let acknowledged = 0;
      await check(body(item), 300, async sent => {
        const response = await send('/deployments', sent);
        if (response.status === 200) {
          acknowledged++;
          const items = sentItems(sent);
          assert.equal(response.body.items.length, items.length);
          items.forEach((one, i) => {
            const answer = response.body.items[i];
            assert.equal(answer.externalId, one.externalId);
            model.set(one.externalId, {
              id: answer.id,
              environment: one.environment,
              version: one.version,
              startedAt: instant(one.startedAt),
            });
          });
          const keys = [...new Set(items.map(one => one.externalId))];
          const rows = await plugin
            .knex('deployments')
            .where('source', 'api')
            .whereIn('external_id', keys);
          assert.equal(rows.length, keys.length);
          for (const row of rows) {
            const expected = model.get(row.external_id)!;
            assert.deepEqual(
              {
                id: row.id,
                environment: row.environment,
                version: row.version,
                startedAt: storedInstant(row.started_at),
              },
              expected,
            );
          }
        }
        assert.equal(
          await countWhere(plugin.knex, 'deployments', 'external_id', prefix),
          [...model.keys()].filter(key => key.startsWith(prefix)).length,
        );
      });
      expect(acknowledged).toBeGreaterThan(40);
    });

    it('POST /incidents: never 5xx, stored == acknowledged', async () => {
      const prefix = `pi${randomBytes(4).toString('hex')}`;
      const model = new Map<
        string,
        { id: string; title: string | null; openedAt: number }
      >();
      const item = fc.record(
        {
          serviceName: nearly(fc.constantFrom('checkout-svc', 'unknown-svc')),
          externalId: keyOf(prefix),
          environment: nearly(fc.constantFrom('production', 'staging')),
          title: nearly(fc.string({ unit: 'grapheme', maxLength: 30 })),
          openedAt: timestamp,
          labels: nearly(
            fc.dictionary(
              fc.oneof(fc.constantFrom('team', 'tier'), hostileText),
              fc.oneof(fc.constantFrom('payments', 'gold'), hostileText),
              { maxKeys: 3 },
            ),
          ),
        },
        { requiredKeys: ['serviceName', 'externalId', 'openedAt'] },
      );
      let acknowledged = 0;
      await check(body(item), 250, async sent => {
        const response = await send('/incidents', sent);
        if (response.status === 200) {
          acknowledged++;
          const items = sentItems(sent);
          // A batch naming a key twice keeps its last item, as the writer does.
          const lastByKey = new Map(items.map(one => [one.externalId, one]));
          items.forEach((one, i) => {
            assert.equal(response.body.items[i].externalId, one.externalId);
          });
          for (const [key, one] of lastByKey) {
            const before = model.get(key);
            const openedAt = instant(one.openedAt);
            model.set(key, {
              id: response.body.items[items.lastIndexOf(one)].id,
              // Titles merge: a later report without one keeps the earlier.
              title: one.title ?? before?.title ?? null,
              // The earliest report says when it opened.
              openedAt: before ? Math.min(before.openedAt, openedAt) : openedAt,
            });
          }
          const rows = await plugin
            .knex('incidents')
            .where('source', 'api')
            .whereIn('external_id', [...lastByKey.keys()]);
          assert.equal(rows.length, lastByKey.size);
          for (const row of rows) {
            assert.deepEqual(
              {
                id: row.id,
                title: row.title,
                openedAt: storedInstant(row.opened_at),
              },
              model.get(row.external_id),
            );
          }
        }
        assert.equal(
          await countWhere(plugin.knex, 'incidents', 'external_id', prefix),
          [...model.keys()].filter(key => key.startsWith(prefix)).length,
        );
      });
      expect(acknowledged).toBeGreaterThan(40);
    });

    it('POST /heartbeats: never 5xx, stored == acknowledged', async () => {
      const prefix = `ph${randomBytes(4).toString('hex')}`;
      /** Rows by id: what each acknowledged heartbeat stored. */
      const model = new Map<string, { name: string; externalId?: string }>();
      const item = fc.record(
        {
          entityRef: nearly(
            fc.constantFrom(
              'component:default/checkout',
              'component:default/nowhere',
            ),
          ),
          name: fc.oneof(
            { weight: 4, arbitrary: fc.nat(3).map(n => `${prefix}-beat-${n}`) },
            { weight: 1, arbitrary: hostileText.map(t => `${prefix}-${t}`) },
          ),
          externalId: keyOf(prefix),
          environment: nearly(fc.constantFrom('production', 'staging')),
          occurredAt: timestamp,
          details: nearly(
            fc.dictionary(
              fc.oneof(fc.constantFrom('run', 'host'), hostileText),
              fc.oneof(hostileText, fc.integer(), fc.boolean()),
              { maxKeys: 3 },
            ),
          ),
        },
        { requiredKeys: ['entityRef', 'name'] },
      );
      let acknowledged = 0;
      await check(body(item), 250, async sent => {
        const response = await send('/heartbeats', sent);
        if (response.status === 200) {
          acknowledged++;
          const items = sentItems(sent);
          assert.equal(response.body.items.length, items.length);
          items.forEach((one, i) => {
            const answer = response.body.items[i];
            const earlier = [...model.values()].find(
              stored =>
                one.externalId !== undefined &&
                stored.externalId === one.externalId,
            );
            // A resent externalId changes nothing: the first one stays.
            assert.equal(answer.duplicate, earlier !== undefined);
            if (!earlier) {
              model.set(answer.id, {
                name: one.name,
                externalId: one.externalId,
              });
            }
          });
          const ids = response.body.items.map((answer: any) => answer.id);
          const rows = await plugin.knex('heartbeats').whereIn('id', ids);
          for (const row of rows) {
            assert.equal(row.name, model.get(row.id)!.name);
          }
          assert.equal(rows.length, new Set(ids).size);
        }
        assert.equal(
          await countWhere(plugin.knex, 'heartbeats', 'name', prefix),
          model.size,
        );
      });
      expect(acknowledged).toBeGreaterThan(40);
    });

    it('POST /events/cdevents: never 5xx, stored == acknowledged', async () => {
      const prefix = `pc${randomBytes(4).toString('hex')}`;
      /** Recorded events by `source id`: the subject each recorded. */
      const model = new Map<string, string>();
      const event = fc
        .record({
          fixture: fc.constantFrom(
            'deployed' as const,
            'upgraded' as const,
            'pipelineRunFinished' as const,
            'incidentReported' as const,
          ),
          id: keyOf(prefix),
          source: nearly(
            fc.constantFrom(`${prefix}/argocd`, `${prefix}/tekton`),
          ),
          subjectId: nearly(fc.constantFrom('checkout', 'service/checkout')),
          timestamp,
          environment: nearly(fc.constantFrom('production', 'staging')),
          customData: fc.option(hostileValue, { nil: undefined }),
        })
        .map(fields => {
          const data: Record<string, any> = cdEvent(fields.fixture);
          data.context.id = fields.id;
          data.context.source = fields.source;
          data.context.timestamp = fields.timestamp;
          data.subject.id = fields.subjectId;
          if (data.subject.content.environment) {
            data.subject.content.environment = { id: fields.environment };
          }
          data.customData = fields.customData;
          return {
            specversion: '1.0',
            id: fields.id,
            source: fields.source,
            type: data.context.type,
            datacontenttype: 'application/json',
            data,
          };
        });
      const sentEvents = fc.oneof(
        event.map(one => ({ batch: false, events: [one] })),
        fc
          .array(event, { minLength: 1, maxLength: 4 })
          .map(events => ({ batch: true, events })),
      );
      let acknowledged = 0;
      await check(sentEvents, 200, async ({ batch, events }) => {
        const response = await send(
          '/events/cdevents',
          batch ? events : events[0],
          batch
            ? 'application/cloudevents-batch+json'
            : 'application/cloudevents+json',
        );
        if (response.status === 200) {
          acknowledged++;
          events.forEach((one, i) => {
            const answer = response.body.events[i];
            const key = `${one.data.context.source} ${one.data.context.id}`;
            assert.equal(answer.duplicate, model.has(key));
            if (!answer.duplicate) model.set(key, one.data.subject.id);
          });
          const rows = await plugin.knex('cdevents_received').whereIn(
            ['source', 'event_id'],
            events.map(one => [one.data.context.source, one.data.context.id]),
          );
          for (const row of rows) {
            assert.equal(
              row.subject_id,
              model.get(`${row.source} ${row.event_id}`),
            );
          }
        }
        assert.equal(
          await countWhere(plugin.knex, 'cdevents_received', 'source', prefix),
          [...model.keys()].filter(key => key.startsWith(prefix)).length,
        );
      });
      expect(acknowledged).toBeGreaterThan(40);
    });
  });
});
