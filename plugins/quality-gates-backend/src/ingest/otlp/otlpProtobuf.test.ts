import fs from 'node:fs';
import path from 'node:path';
import { decodeJsonTraces } from './otlpJson';
import {
  decodeProtobufTraces,
  encodeProtobufResponse,
  encodeProtobufStatus,
} from './otlpProtobuf';
import {
  bytesField,
  readFields,
  requestBytes,
  spanBytes,
  varint,
  varintField,
} from './__testUtils__/protobufWire';

const TRACE_ID = '5b8efff798038103d269b633813fc60c';

describe('decodeProtobufTraces', () => {
  it('reads what the OpenTelemetry protobuf exporter sent as the JSON exporter did (recorded)', () => {
    const fromProtobuf = decodeProtobufTraces(
      fs.readFileSync(
        path.resolve(__dirname, '__fixtures__/sdk-proto-exporter.binpb'),
      ),
    );
    const fromJson = decodeJsonTraces(
      fs.readFileSync(
        path.resolve(__dirname, '__fixtures__/sdk-json-exporter.json'),
      ),
    );
    expect(fromProtobuf).toEqual(fromJson);
    const [step] = fromProtobuf.resourceSpans[0].spans;
    // Nanoseconds stay exact.
    expect(step.startTimeUnixNano).toBe(1763899201123456789n);
    expect(step.events[0].timeUnixNano).toBe('1763899202000000005');
  });

  it('rejects invalid spans one by one and keeps the valid ones', () => {
    const { resourceSpans, rejected } = decodeProtobufTraces(
      requestBytes(
        spanBytes(TRACE_ID, 'eee19b7ec3c1b174', 10n, 20n),
        spanBytes('5b8efff7', 'eee19b7ec3c1b175', 10n, 20n),
        spanBytes(TRACE_ID, 'eee19b7ec3c1b176', 20n, 10n),
      ),
    );
    expect(resourceSpans[0].spans.map(span => span.spanId)).toEqual([
      'eee19b7ec3c1b174',
    ]);
    expect(resourceSpans[0].spans[0]).toMatchObject({
      traceId: TRACE_ID,
      kind: 'server',
      startTimeUnixNano: 10n,
      status: { code: 'unset' },
    });
    expect(rejected).toEqual([
      {
        path: 'resourceSpans[0].scopeSpans[0].spans[1]',
        reason: 'traceId must be 16 bytes (32 hex characters), not all zero',
      },
      {
        path: 'resourceSpans[0].scopeSpans[0].spans[2]',
        reason: 'endTimeUnixNano is before startTimeUnixNano',
      },
    ]);
  });

  it('reads every kind of attribute value and skips fields it does not know', () => {
    const text = (value: string) => bytesField(1, Buffer.from(value));
    const keyValue = (key: string, value: number[]) =>
      bytesField(9, [
        ...bytesField(1, Buffer.from(key)),
        ...bytesField(2, value),
      ]);
    const double = (value: number) => {
      const bytes = Buffer.alloc(8);
      bytes.writeDoubleLE(value);
      return [...varint((4 << 3) | 1), ...bytes];
    };
    const nested = (depth: number) => {
      let value = text('x');
      for (let i = 0; i < depth; i++)
        value = bytesField(5, bytesField(1, value));
      return value;
    };
    const span = (spanId: string, ...more: number[][]) => [
      ...spanBytes(TRACE_ID, spanId, 10n, 20n),
      ...more.flat(),
    ];
    const { resourceSpans, rejected } = decodeProtobufTraces(
      requestBytes(
        span(
          'eee19b7ec3c1b174',
          keyValue('s', text('text')),
          keyValue('i', varintField(3, 42)),
          keyValue('big', [...varint(3 << 3), ...varint(2n ** 60n)]),
          keyValue('negative', [...varint(3 << 3), ...varint(2n ** 64n - 5n)]),
          keyValue('d', double(1.5)),
          keyValue('nan', double(NaN)),
          keyValue('b', varintField(2, 1)),
          keyValue('bytes', bytesField(7, [1, 2, 3])),
          keyValue(
            'list',
            bytesField(5, [
              ...bytesField(1, text('a')),
              ...bytesField(1, varintField(3, 1)),
            ]),
          ),
          keyValue(
            'map',
            bytesField(
              6,
              bytesField(1, [
                ...bytesField(1, Buffer.from('inner')),
                ...bytesField(2, text('x')),
              ]),
            ),
          ),
          keyValue('empty', []),
          keyValue('deep', nested(16)),
          // A field this version does not know, and a known one of another
          // wire type (the name as a varint): both skipped.
          varintField(99, 5),
          varintField(5, 7),
        ),
        span('eee19b7ec3c1b175', keyValue('deeper', nested(17))),
        span('eee19b7ec3c1b176'),
      ),
    );
    const [first, last] = resourceSpans[0].spans;
    expect(first.name).toBe('build');
    expect(first.attributes).toEqual({
      s: 'text',
      i: 42,
      big: '1152921504606846976',
      negative: -5,
      d: 1.5,
      nan: 'NaN',
      b: true,
      bytes: 'AQID',
      list: ['a', 1],
      map: { inner: 'x' },
      empty: null,
      deep: expect.any(Array),
    });
    // The span nested too deep is rejected; the next one is read.
    expect(last.spanId).toBe('eee19b7ec3c1b176');
    expect(rejected).toEqual([
      {
        path: 'resourceSpans[0].scopeSpans[0].spans[1]',
        reason: 'attribute values nest deeper than 16 levels',
      },
    ]);
  });

  it.each([
    ['a truncated message', Buffer.from([0x0a, 0x10, 0x12, 0x02])],
    [
      'a length past the end',
      Buffer.from([0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f]),
    ],
    ['an invalid wire type', Buffer.from([0x0f, 0x01])],
  ])('refuses %s as a whole (400)', (_case, body) => {
    expect(() => decodeProtobufTraces(body)).toThrow(
      expect.objectContaining({
        name: 'InputError',
        message: expect.stringMatching(
          /^Body is not a protobuf ExportTraceServiceRequest: /,
        ),
      }),
    );
  });
});

describe('protobuf answers', () => {
  it('encodes a full success as an empty ExportTraceServiceResponse', () => {
    expect(encodeProtobufResponse()).toHaveLength(0);
  });

  it('encodes a partial success with its count and message', () => {
    const response = readFields(
      encodeProtobufResponse({ rejectedSpans: 3, errorMessage: 'bad ids' }),
    );
    const partialSuccess = readFields(response.get(1)![0] as Buffer);
    expect(partialSuccess.get(1)).toEqual([3]);
    expect(String(partialSuccess.get(2)![0])).toBe('bad ids');
  });

  it('encodes errors as google.rpc.Status', () => {
    const status = readFields(encodeProtobufStatus(3, 'Body is not valid'));
    expect(status.get(1)).toEqual([3]);
    expect(String(status.get(2)![0])).toBe('Body is not valid');
  });
});
