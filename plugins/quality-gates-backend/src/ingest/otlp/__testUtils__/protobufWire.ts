/**
 * A minimal protobuf wire writer and reader for tests, independent of the
 * descriptor under test: built from the wire format and the field numbers
 * of opentelemetry-proto.
 */

export function varint(value: number | bigint): number[] {
  let rest = BigInt(value);
  const bytes: number[] = [];
  do {
    let byte = Number(rest & 0x7fn);
    rest >>= 7n;
    if (rest > 0n) byte |= 0x80;
    bytes.push(byte);
  } while (rest > 0n);
  return bytes;
}

export function bytesField(field: number, bytes: number[] | Buffer): number[] {
  return [...varint((field << 3) | 2), ...varint(bytes.length), ...bytes];
}

export function varintField(field: number, value: number): number[] {
  return [...varint(field << 3), ...varint(value)];
}

export function fixed64Field(field: number, value: bigint): number[] {
  const buffer = Buffer.alloc(8);
  buffer.writeBigUInt64LE(value);
  return [...varint((field << 3) | 1), ...buffer];
}

/** An OTLP `Span`: ids, name, kind SERVER, start and end. */
export function spanBytes(
  traceId: string,
  spanId: string,
  start: bigint,
  end: bigint,
): number[] {
  return [
    ...bytesField(1, Buffer.from(traceId, 'hex')),
    ...bytesField(2, Buffer.from(spanId, 'hex')),
    ...bytesField(5, Buffer.from('build')),
    ...varintField(6, 2),
    ...fixed64Field(7, start),
    ...fixed64Field(8, end),
  ];
}

/** An `ExportTraceServiceRequest` with one resource and one scope. */
export function requestBytes(...spans: number[][]): Buffer {
  const scopeSpans = spans.flatMap(span => bytesField(2, span));
  return Buffer.from(bytesField(1, bytesField(2, scopeSpans)));
}

/** Fields of a message by number: varints as numbers, the rest as bytes. */
export function readFields(
  bytes: Uint8Array,
): Map<number, Array<number | Buffer>> {
  const fields = new Map<number, Array<number | Buffer>>();
  let at = 0;
  const readVarint = () => {
    let result = 0;
    let shift = 0;
    for (;;) {
      const byte = bytes[at++];
      result += (byte & 0x7f) * 2 ** shift;
      shift += 7;
      if (!(byte & 0x80)) return result;
    }
  };
  while (at < bytes.length) {
    const tag = readVarint();
    let value: number | Buffer;
    if ((tag & 7) === 0) {
      value = readVarint();
    } else {
      const length = readVarint();
      value = Buffer.from(bytes.subarray(at, at + length));
      at += length;
    }
    fields.set(tag >> 3, [...(fields.get(tag >> 3) ?? []), value]);
  }
  return fields;
}
