import fs from 'node:fs';
import path from 'node:path';
import { decodeJsonTraces } from './otlpJson';

const TRACE_ID = '5B8EFFF798038103D269B633813FC60C';
const SPAN_ID = 'EEE19B7EC3C1B174';

function decode(request: unknown) {
  return decodeJsonTraces(Buffer.from(JSON.stringify(request)));
}

function requestWith(...spans: unknown[]) {
  return {
    resourceSpans: [
      {
        resource: {
          attributes: [
            { key: 'service.name', value: { stringValue: 'checkout' } },
          ],
        },
        scopeSpans: [{ scope: { name: 'test' }, spans }],
      },
    ],
  };
}

const validSpan = {
  traceId: TRACE_ID,
  spanId: SPAN_ID,
  name: 'build',
  kind: 'SPAN_KIND_SERVER',
  startTimeUnixNano: '1763899200000000001',
  endTimeUnixNano: 1763899260000000000,
  status: { code: 'STATUS_CODE_ERROR', message: 'failed' },
};

describe('decodeJsonTraces', () => {
  it('reads hex ids, 64-bit integers as strings or numbers and enum names', () => {
    const { resourceSpans, rejected } = decode(requestWith(validSpan));
    expect(rejected).toEqual([]);
    expect(resourceSpans).toEqual([
      {
        resourceAttributes: { 'service.name': 'checkout' },
        spans: [
          {
            traceId: TRACE_ID.toLowerCase(),
            spanId: SPAN_ID.toLowerCase(),
            parentSpanId: undefined,
            name: 'build',
            kind: 'server',
            startTimeUnixNano: 1763899200000000001n,
            endTimeUnixNano: 1763899260000000000n,
            status: { code: 'error', message: 'failed' },
            attributes: {},
            events: [],
            links: [],
          },
        ],
      },
    ]);
  });

  it('reads enums as numbers and fields by their snake_case names', () => {
    const { resourceSpans } = decode({
      resource_spans: [
        {
          scope_spans: [
            {
              spans: [
                {
                  trace_id: TRACE_ID,
                  span_id: SPAN_ID,
                  parent_span_id: '1111111111111111',
                  name: 'step',
                  kind: 3,
                  start_time_unix_nano: '1',
                  end_time_unix_nano: '2',
                  status: { code: 1 },
                },
              ],
            },
          ],
        },
      ],
    });
    expect(resourceSpans[0].spans[0]).toMatchObject({
      parentSpanId: '1111111111111111',
      kind: 'client',
      status: { code: 'ok' },
    });
  });

  it('turns AnyValues into plain JSON', () => {
    const { resourceSpans } = decode(
      requestWith({
        ...validSpan,
        attributes: [
          { key: 's', value: { stringValue: 'text' } },
          { key: 'b', value: { boolValue: false } },
          { key: 'i', value: { intValue: '42' } },
          { key: 'big', value: { intValue: '9223372036854775807' } },
          { key: 'd', value: { doubleValue: 0.25 } },
          { key: 'nan', value: { doubleValue: 'NaN' } },
          { key: 'bytes', value: { bytesValue: 'AAE=' } },
          {
            key: 'a',
            value: {
              arrayValue: { values: [{ intValue: 1 }, { stringValue: 'x' }] },
            },
          },
          {
            key: 'kv',
            value: {
              kvlistValue: {
                values: [{ key: 'k', value: { boolValue: true } }],
              },
            },
          },
          { key: 'empty', value: {} },
        ],
        events: [
          {
            timeUnixNano: '1763899230000000000',
            name: 'retry',
            attributes: [{ key: 'attempt', value: { intValue: 2 } }],
          },
        ],
        links: [
          { traceId: TRACE_ID, spanId: '1111111111111111', traceState: 'a=b' },
        ],
      }),
    );
    const [span] = resourceSpans[0].spans;
    expect(span.attributes).toEqual({
      s: 'text',
      b: false,
      i: 42,
      big: '9223372036854775807',
      d: 0.25,
      nan: 'NaN',
      bytes: 'AAE=',
      a: [1, 'x'],
      kv: { k: true },
      empty: null,
    });
    expect(span.events).toEqual([
      {
        name: 'retry',
        timeUnixNano: '1763899230000000000',
        attributes: { attempt: 2 },
      },
    ]);
    expect(span.links).toEqual([
      {
        traceId: TRACE_ID.toLowerCase(),
        spanId: '1111111111111111',
        traceState: 'a=b',
      },
    ]);
  });

  it('rejects invalid spans one by one, with where and why', () => {
    const { resourceSpans, rejected } = decode(
      requestWith(
        validSpan,
        { ...validSpan, spanId: 'not-hex' },
        { ...validSpan, traceId: '00000000000000000000000000000000' },
        { ...validSpan, endTimeUnixNano: '1763899100000000000' },
        { ...validSpan, startTimeUnixNano: undefined },
        { ...validSpan, kind: 'SPAN_KIND_SIDEWAYS' },
        {
          ...validSpan,
          attributes: [{ key: 'x', value: { boolValue: 'yes' } }],
        },
        'not a span',
      ),
    );
    expect(resourceSpans[0].spans).toHaveLength(1);
    const at = 'resourceSpans[0].scopeSpans[0].spans';
    expect(rejected).toEqual([
      {
        path: `${at}[1]`,
        reason: 'spanId must be 8 bytes (16 hex characters), not all zero',
      },
      {
        path: `${at}[2]`,
        reason: 'traceId must be 16 bytes (32 hex characters), not all zero',
      },
      {
        path: `${at}[3]`,
        reason: 'endTimeUnixNano is before startTimeUnixNano',
      },
      {
        path: `${at}[4]`,
        reason: 'startTimeUnixNano must be a positive unsigned 64-bit integer',
      },
      {
        path: `${at}[5].kind`,
        reason: 'must be a SPAN_KIND_* enum name or number',
      },
      {
        path: `${at}[6].attributes[0].value.boolValue`,
        reason: 'must be a boolean',
      },
      { path: `${at}[7]`, reason: 'must be an object' },
    ]);
  });

  it.each([
    ['{"resourceSpans": [', /^Body is not valid JSON/],
    ['[1, 2]', /^Body must be an ExportTraceServiceRequest object$/],
    ['{"resourceSpans": {}}', /^\(body\)\.resourceSpans must be an array$/],
    [
      '{"resourceSpans": [{"scopeSpans": [{"spans": 3}]}]}',
      /^resourceSpans\[0\]\.scopeSpans\[0\]\.spans must be an array$/,
    ],
    [
      '{"resourceSpans": [{"resource": {"attributes": [{"key": 1}]}}]}',
      /^resourceSpans\[0\]\.resource\.attributes\[0\] must be a KeyValue/,
    ],
  ])('refuses %s as a whole (400)', (body, message) => {
    expect(() => decodeJsonTraces(Buffer.from(body))).toThrow(
      expect.objectContaining({
        name: 'InputError',
        message: expect.stringMatching(message),
      }),
    );
  });

  it('reads what the OpenTelemetry JSON exporter sent (recorded)', () => {
    const { resourceSpans, rejected } = decodeJsonTraces(
      fs.readFileSync(
        path.resolve(__dirname, '__fixtures__/sdk-json-exporter.json'),
      ),
    );
    expect(rejected).toEqual([]);
    expect(resourceSpans[0].resourceAttributes).toEqual({
      'service.name': 'checkout',
      'cicd.pipeline.name': 'deploy',
      'k.int': 7,
      'k.bool': true,
      'k.arr': ['a', 'b'],
    });
    expect(resourceSpans[0].spans.map(span => span.name)).toEqual([
      'step',
      'RUN deploy',
    ]);
  });
});
