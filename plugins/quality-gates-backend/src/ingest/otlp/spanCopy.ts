import { Writable } from 'node:stream';
import { Knex } from 'knex';
import { from as copyFrom } from 'pg-copy-streams';

/** Rows per string handed to the COPY stream. */
export const COPY_CHUNK_ROWS = 500;

/** SQL null in COPY's text format. */
export const NULL = '\\N';

// eslint-disable-next-line no-control-regex -- the characters COPY escapes
const COPY_SPECIAL = /[\\\n\r\t]/g;
// eslint-disable-next-line no-control-regex -- the same, to test for
const HAS_COPY_SPECIAL = /[\\\n\r\t]/;
const COPY_ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

/** One value in COPY's text format: `\N` for null, specials escaped. */
export function copyText(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'number') return String(value);
  const text = value instanceof Date ? value.toISOString() : String(value);
  // Most values have nothing to escape: testing is cheaper than replacing.
  return HAS_COPY_SPECIAL.test(text)
    ? text.replace(COPY_SPECIAL, c => COPY_ESCAPES[c])
    : text;
}

/**
 * JSON text in COPY's text format: JSON escapes every control character
 * itself, so only its backslashes need escaping.
 */
export function copyJson(json: string): string {
  return json.includes('\\') ? json.replace(/\\/g, '\\\\') : json;
}

function* copyChunks<Row>(
  rows: Row[],
  columns: Array<keyof Row>,
): Generator<string> {
  for (let i = 0; i < rows.length; i += COPY_CHUNK_ROWS) {
    let chunk = '';
    const end = Math.min(i + COPY_CHUNK_ROWS, rows.length);
    for (let r = i; r < end; r++) {
      const row = rows[r];
      for (let c = 0; c < columns.length; c++) {
        chunk += copyText(row[columns[c]]);
        chunk += c === columns.length - 1 ? '\n' : '\t';
      }
    }
    yield chunk;
  }
}

/**
 * Chunks of COPY text as one buffer: handed to the COPY stream as one
 * CopyData message, it reaches the socket in two writes (the message's
 * header and the buffer) instead of two per chunk. Each write to a
 * database on the same host wakes its process; per request that was a
 * tenth of the backend's CPU.
 */
export function copyBuffer(chunks: string[]): Buffer {
  let size = 0;
  for (const chunk of chunks) size += Buffer.byteLength(chunk);
  const buffer = Buffer.allocUnsafe(size);
  let offset = 0;
  for (const chunk of chunks) offset += buffer.write(chunk, offset);
  return buffer;
}

/**
 * Streams lines of COPY's text format (one row each, values tab-separated,
 * written with {@link copyText}) into `table` with `COPY … FROM STDIN` on
 * the transaction's own connection: PostgreSQL parses COPY's text format
 * far faster than the same rows as INSERT parameters. The lines are in
 * memory already, in one buffer, so they are written at once.
 */
export async function copyLines<Row>(
  db: Knex | Knex.Transaction,
  table: string,
  columns: Array<keyof Row>,
  lines: Buffer,
): Promise<void> {
  // A transaction's client hands out the transaction's connection; outside
  // one, the COPY is a transaction of its own on a pooled connection.
  const connection = await db.client.acquireConnection();
  try {
    const list = columns.map(column => `"${String(column)}"`).join(', ');
    const copy: Writable = connection.query(
      copyFrom(`COPY ${table} (${list}) FROM STDIN`),
    );
    await new Promise<void>((resolve, reject) => {
      copy.once('finish', resolve);
      copy.once('error', reject);
      copy.end(lines);
    });
  } finally {
    await db.client.releaseConnection(connection);
  }
}

/** Streams rows into `table` with COPY (see {@link copyLines}). */
export async function copyRows<Row>(
  tx: Knex | Knex.Transaction,
  table: string,
  columns: Array<keyof Row>,
  rows: Row[],
): Promise<void> {
  if (rows.length === 0) return;
  await copyLines(
    tx,
    table,
    columns,
    copyBuffer([...copyChunks(rows, columns)]),
  );
}
