import fs from 'node:fs';
import path from 'node:path';
import { mockServices } from '@backstage/backend-test-utils';
import { InputError, ServiceUnavailableError } from '@backstage/errors';
import { EntityAssignment } from '../../../delivery/DeliveryBatch';
import { requestBytes, spanBytes } from '../__testUtils__/protobufWire';
import { InThreadSpanDecoder, SpanDecoder } from './SpanDecoder';
import { SpanDecoderPool } from './SpanDecoderPool';
import { createSpanDecoder, defaultDecoderThreads } from './createSpanDecoder';
import { ConfigReader } from '@backstage/config';
import knexFactory from 'knex';

// Real worker threads, started from this source with the TypeScript
// transform; each test compares them with decoding on the calling thread.

const RECORDED = fs.readFileSync(
  path.resolve(__dirname, '../__fixtures__/sdk-proto-exporter.binpb'),
);
const RECORDED_JSON = fs.readFileSync(
  path.resolve(__dirname, '../__fixtures__/sdk-json-exporter.json'),
);
const TRACE_ID = '5b8efff798038103d269b633813fc60c';
const RECEIVED_AT = new Date('2026-12-07T10:00:00.000Z');

function entitiesFor(count: number): EntityAssignment[] {
  return Array.from({ length: count }, (_, i) => ({
    entityRef: `component:default/service-${i}`,
    entityHint: `service.name=service-${i}`,
  }));
}

async function decodeAndBatch(
  decoder: SpanDecoder,
  encoding: 'protobuf' | 'json',
  body: Buffer,
  format: 'copy' | 'rows' = 'copy',
) {
  const pending = await decoder.decode(encoding, body);
  const { rejected, resourceHints, runs } = pending;
  const batch = await pending.batch(
    entitiesFor(resourceHints.length),
    format,
    RECEIVED_AT,
  );
  return { rejected, resourceHints, runs, batch };
}

describe('SpanDecoderPool', () => {
  const logger = mockServices.logger.mock();
  let pool: SpanDecoderPool;

  beforeEach(() => {
    // Every request on a thread, however small.
    pool = new SpanDecoderPool(logger, { threads: 2, minBodyBytes: 0 });
  });

  afterEach(async () => {
    await pool.close();
  });

  it.each([
    ['protobuf', RECORDED],
    ['json', RECORDED_JSON],
  ] as const)(
    'decodes a recorded %s request and makes the same batch as the event loop would',
    async (encoding, body) => {
      const inThread = await decodeAndBatch(
        new InThreadSpanDecoder(),
        encoding,
        body,
      );
      const onThread = await decodeAndBatch(pool, encoding, body);
      expect(onThread.batch.copyData).toBeInstanceOf(Buffer);
      expect(onThread.batch.copyData!.toString('utf8')).toBe(
        inThread.batch.copyData!.toString('utf8'),
      );
      expect(onThread.batch.size).toBe(inThread.batch.size);
      expect([...onThread.batch.startMicros]).toEqual([
        ...inThread.batch.startMicros,
      ]);
      expect(onThread.resourceHints).toEqual(inThread.resourceHints);
      expect(onThread.runs).toEqual(inThread.runs);
      expect(onThread.batch.size).toBeGreaterThan(0);
      // The entity of each resource is in its spans' lines.
      expect(onThread.batch.copyData!.toString('utf8')).toContain(
        'component:default/service-0',
      );
    },
  );

  it('makes rows (SQLite) as the event loop would', async () => {
    const inThread = await decodeAndBatch(
      new InThreadSpanDecoder(),
      'protobuf',
      RECORDED,
      'rows',
    );
    const onThread = await decodeAndBatch(pool, 'protobuf', RECORDED, 'rows');
    expect(onThread.batch.rows).toEqual(inThread.batch.rows);
    expect(onThread.batch.rows![0].received_at).toEqual(RECEIVED_AT);
  });

  it('reports rejected spans and keeps the valid ones', async () => {
    const body = Buffer.from(
      requestBytes(
        spanBytes(TRACE_ID, 'eee19b7ec3c1b174', 10n, 20n),
        spanBytes(TRACE_ID, 'eee19b7ec3c1b176', 20n, 10n),
      ),
    );
    const { rejected, batch } = await decodeAndBatch(pool, 'protobuf', body);
    expect(batch.size).toBe(1);
    expect(rejected).toEqual([
      expect.objectContaining({
        path: 'resourceSpans[0].scopeSpans[0].spans[1]',
      }),
    ]);
  });

  it('answers a body that is not a request with the InputError decoding on the event loop gives', async () => {
    const garbage = Buffer.from([0x0a, 0xff, 0xff, 0xff, 0x0f, 0x01]);
    const expected = await new InThreadSpanDecoder()
      .decode('protobuf', garbage)
      .catch(error => error);
    expect(expected).toBeInstanceOf(InputError);
    await expect(pool.decode('protobuf', garbage)).rejects.toThrow(
      new InputError(expected.message),
    );
    await expect(
      pool.decode('json', Buffer.from('{"resourceSpans": [')),
    ).rejects.toBeInstanceOf(InputError);
    // The thread goes on serving.
    expect((await decodeAndBatch(pool, 'protobuf', RECORDED)).batch.size).toBe(
      (await decodeAndBatch(new InThreadSpanDecoder(), 'protobuf', RECORDED))
        .batch.size,
    );
  });

  it('lets released spans go: their batch can no longer be made', async () => {
    const pending = await pool.decode('protobuf', RECORDED);
    pending.release();
    await expect(
      pending.batch(entitiesFor(1), 'copy', RECEIVED_AT),
    ).rejects.toThrow('The spans were let go');
  });

  it('keeps requests apart when many are in flight on both threads', async () => {
    const bodies = Array.from({ length: 40 }, (_, i) =>
      Buffer.from(
        requestBytes(
          ...Array.from({ length: i + 1 }, (__, s) =>
            spanBytes(
              TRACE_ID,
              (0x1000 * (i + 1) + s).toString(16).padStart(16, '0'),
              BigInt(s + 1),
              BigInt(s + 2),
            ),
          ),
        ),
      ),
    );
    const batches = await Promise.all(
      bodies.map(body => decodeAndBatch(pool, 'protobuf', body)),
    );
    expect(batches.map(({ batch }) => batch.size)).toEqual(
      bodies.map((_, i) => i + 1),
    );
  });

  it('fails the requests of a thread that stops with a 503, and replaces the thread', async () => {
    // A heap too small for the request: the thread runs out of memory.
    const small = new SpanDecoderPool(logger, {
      threads: 1,
      minBodyBytes: 0,
      resourceLimits: {
        maxOldGenerationSizeMb: 48,
        maxYoungGenerationSizeMb: 2,
      },
    });
    try {
      // Requests concatenated are one request with all their resources.
      const thousandSpans = requestBytes(
        ...Array.from({ length: 1000 }, (_, s) =>
          spanBytes(
            TRACE_ID,
            (s + 1).toString(16).padStart(16, '0'),
            BigInt(s + 1),
            BigInt(s + 2),
          ),
        ),
      );
      const huge = Buffer.concat(Array(300).fill(thousandSpans));
      await expect(small.decode('protobuf', huge)).rejects.toBeInstanceOf(
        ServiceUnavailableError,
      );
      expect(logger.warn).toHaveBeenCalledWith(
        expect.stringContaining('A span decoder thread stopped'),
      );
      // A new thread takes the next request.
      expect(
        (await decodeAndBatch(small, 'protobuf', RECORDED)).batch.size,
      ).toBeGreaterThan(0);
    } finally {
      await small.close();
    }
  });

  it('decodes small bodies on the event loop and large ones on its threads', async () => {
    const sized = new SpanDecoderPool(logger, {
      threads: 1,
      minBodyBytes: RECORDED.length + 1,
    });
    try {
      const small = await decodeAndBatch(sized, 'protobuf', RECORDED);
      expect(sized.runningThreads).toBe(0);
      const large = Buffer.concat([RECORDED, RECORDED]);
      const fromThread = await decodeAndBatch(sized, 'protobuf', large);
      expect(sized.runningThreads).toBe(1);
      // The same spans twice: one line each, as on the event loop.
      expect(fromThread.batch.size).toBe(small.batch.size);
      expect(fromThread.batch.copyData!.toString('utf8')).toBe(
        (
          await decodeAndBatch(new InThreadSpanDecoder(), 'protobuf', large)
        ).batch.copyData!.toString('utf8'),
      );
    } finally {
      await sized.close();
    }
  });

  it('decodes on the event loop, and says so once, when a thread cannot start', async () => {
    const broken = new SpanDecoderPool(logger, {
      threads: 1,
      minBodyBytes: 0,
      threadFile: path.resolve(
        __dirname,
        '__fixtures__/threadThatDoesNotLoad.js',
      ),
    });
    try {
      const expected = await decodeAndBatch(
        new InThreadSpanDecoder(),
        'protobuf',
        RECORDED,
      );
      for (let i = 0; i < 3; i++) {
        const decoded = await decodeAndBatch(broken, 'protobuf', RECORDED);
        expect(decoded.batch.copyData!.toString('utf8')).toBe(
          expected.batch.copyData!.toString('utf8'),
        );
      }
      const said = logger.error.mock.calls.filter(([message]) =>
        String(message).includes('could not start'),
      );
      expect(said).toHaveLength(1);
      expect(String(said[0][0])).toContain('this module does not load');
      expect(broken.runningThreads).toBe(0);
    } finally {
      await broken.close();
    }
  });

  it('fails requests still waiting when it closes', async () => {
    const waiting = pool.decode('protobuf', RECORDED);
    await pool.close();
    await expect(waiting).rejects.toBeInstanceOf(ServiceUnavailableError);
  });
});

describe('createSpanDecoder', () => {
  const logger = mockServices.logger.mock();
  // Clients only: nothing connects.
  const postgres = knexFactory({ client: 'pg' });
  const sqlite = knexFactory({
    client: 'better-sqlite3',
    connection: { filename: ':memory:' },
    useNullAsDefault: true,
  });

  afterAll(async () => {
    await Promise.all([postgres.destroy(), sqlite.destroy()]);
  });

  it('decodes on threads by default where there is more than one core, on the event loop where asked', async () => {
    expect(defaultDecoderThreads(1)).toBe(0);
    expect(defaultDecoderThreads(2)).toBe(1);
    expect(defaultDecoderThreads(16)).toBe(2);
    const none = createSpanDecoder(
      new ConfigReader({ qualityGates: { ingest: { decoderThreads: 0 } } }),
      logger,
      postgres,
    );
    expect(none).toBeInstanceOf(InThreadSpanDecoder);
    const two = createSpanDecoder(
      new ConfigReader({ qualityGates: { ingest: { decoderThreads: 2 } } }),
      logger,
      postgres,
    );
    expect(two).toBeInstanceOf(SpanDecoderPool);
    await two.close();
  });

  it('decodes on the event loop on SQLite, whose rows are written one request at a time', () => {
    const onSqlite = createSpanDecoder(
      new ConfigReader({ qualityGates: { ingest: { decoderThreads: 2 } } }),
      logger,
      sqlite,
    );
    expect(onSqlite).toBeInstanceOf(InThreadSpanDecoder);
  });

  it('refuses a size from which to use threads that is not one', () => {
    expect(() =>
      createSpanDecoder(
        new ConfigReader({
          qualityGates: { ingest: { decoderThreadMinBodyBytes: -1 } },
        }),
        logger,
        postgres,
      ),
    ).toThrow(/decoderThreadMinBodyBytes must be a whole number of bytes/);
  });

  it('refuses a number of threads that is not one', () => {
    for (const decoderThreads of [-1, 1.5, 1000]) {
      expect(() =>
        createSpanDecoder(
          new ConfigReader({ qualityGates: { ingest: { decoderThreads } } }),
          logger,
          postgres,
        ),
      ).toThrow(/qualityGates.ingest.decoderThreads must be a whole number/);
    }
  });
});
