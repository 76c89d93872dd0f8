/**
 * Values a hostile or broken client sends instead of what a field should
 * hold, and ways to break a whole body. Deterministic: every choice comes
 * from the seeded generator the caller passes.
 */

export type Random = () => number;

export function pick<T>(random: Random, values: readonly T[]): T {
  return values[Math.floor(random() * values.length)];
}

/** A JSON value written verbatim (numbers JavaScript cannot hold, bad syntax). */
export class RawJson {
  constructor(readonly text: string) {}
}

/** JSON text of a value, with RawJson parts written as they are. */
export function toJson(value: unknown): string {
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

/** Strings PostgreSQL cannot store, or that look alike once stored. */
export const UNSTORABLE_TEXT = [
  'a\u0000b',
  '\u0000',
  'rel-\ud800',
  'rel-\udbff',
  '\udc00tail',
  'x\udfff',
];

/** Valid Unicode that trips careless code: must round-trip exactly. */
export const UNICODE_EDGE_TEXT = [
  '\ud83d\ude80 launch',
  'e\u0301',
  '\u202eevil',
  '\ufeffbom',
  '\uFFFD',
  '\u{10FFFF}',
  '\u2028\u2029',
  'Ω≈ç√∫',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
  'x'.repeat(255),
  '"\\/\b\f\n\r\t',
];

export const IMPOSSIBLE_DATES = [
  '2026-02-30T00:00:00Z',
  '2026-13-01T00:00:00Z',
  '2026-11-24T24:00:00Z',
  '2026-11-24T10:00:60Z',
  '2025-02-29T12:00:00Z',
  '2026-11-24T10:00:00+99:00',
  '0000-01-01T00:00:00Z',
  '+275760-09-13T00:00:00Z',
  '2026-11-24',
  'yesterday',
];

export const WRONG_TYPES: unknown[] = [
  12345,
  -1,
  0.5,
  true,
  null,
  [],
  {},
  [1, 2, 3],
  { nested: { object: true } },
  new RawJson('1e400'),
  new RawJson('-1e400'),
  new RawJson('123456789012345678901234567890123456789'),
  new RawJson('1.7976931348623157e309'),
];

/** An array nested `depth` deep, as JSON text (1 byte per bracket). */
export function nestedArrayJson(depth: number): RawJson {
  return new RawJson(`${'['.repeat(depth)}0${']'.repeat(depth)}`);
}

export type ValueKind = 'unicode' | 'unstorable' | 'dates' | 'types' | 'nested';

/** A hostile value of the given kind for one field. */
export function hostileValue(random: Random, kind: ValueKind): unknown {
  switch (kind) {
    case 'unstorable':
      return pick(random, UNSTORABLE_TEXT);
    case 'unicode':
      return pick(random, UNICODE_EDGE_TEXT);
    case 'dates':
      return pick(random, IMPOSSIBLE_DATES);
    case 'types':
      return pick(random, WRONG_TYPES);
    default:
      return nestedArrayJson(pick(random, [65, 200, 5_000, 50_000]));
  }
}

/** Bodies that are not the JSON they claim to be. */
export function malformedJsonBody(random: Random, valid: string): Buffer {
  const variants: Array<() => Buffer> = [
    () => Buffer.from(valid.slice(0, Math.max(1, valid.length >> 1))),
    () => Buffer.from(`${valid},`),
    () => Buffer.from(`${valid}}`),
    () => Buffer.from(valid.replace(/"/g, "'")),
    () => Buffer.from(''),
    () => Buffer.from('null'),
    () => Buffer.from('"just a string"'),
    () => Buffer.from('NaN'),
    () => Buffer.from('{"a":1,"a":2}'),
    // Invalid UTF-8: a lone continuation byte, an encoded surrogate, overlong NUL.
    () =>
      Buffer.concat([
        Buffer.from(valid.slice(0, -1)),
        Buffer.from([0xc3, 0x28]),
        Buffer.from('}'),
      ]),
    () =>
      Buffer.concat([
        Buffer.from('{"x":"'),
        Buffer.from([0xed, 0xa0, 0x80]),
        Buffer.from('"}'),
      ]),
    () =>
      Buffer.concat([
        Buffer.from('{"x":"'),
        Buffer.from([0xc0, 0x80]),
        Buffer.from('"}'),
      ]),
    () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(valid)]),
    () => Buffer.from(`{"a":${'1'.repeat(5000)}}`),
    () => Buffer.from(`{"${'k'.repeat(10_000)}":1}`),
    () => Buffer.from(valid.replace(/:/, ':\u0000')),
  ];
  return pick(random, variants)();
}

/** Query-string values, written already percent-encoded. */
export const HOSTILE_QUERY_VALUES = [
  '%00',
  'a%00b',
  '%ED%A0%80',
  '%C0%80',
  '%',
  '%zz',
  encodeURIComponent('\ud83d\ude80'),
  encodeURIComponent('\u202eevil'),
  'x'.repeat(10_000),
  '-1',
  '1e400',
  'NaN',
  '2026-02-30T00:00:00Z',
  '2026-13-01T00:00:00Z',
  encodeURIComponent('2026-11-24T10:00:00+99:00'),
  encodeURIComponent('[object Object]'),
  encodeURIComponent("' OR 1=1 --"),
];

/** Path segments, written already percent-encoded. */
export const HOSTILE_PATH_SEGMENTS = [
  '%00',
  'abc%00def',
  '%ED%A0%80',
  '%',
  'x'.repeat(5_000),
  '..%2F..%2Fhealth',
  encodeURIComponent('\ud83d\ude80'),
  '0'.repeat(32),
  'ffffffffffffffffffffffffffffffff',
];
