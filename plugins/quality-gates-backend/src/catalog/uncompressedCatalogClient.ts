import { DiscoveryService } from '@backstage/backend-plugin-api';
import { CatalogClient } from '@backstage/catalog-client';
import { Dispatcher, request } from 'undici';
import { STATUS_CODES } from 'node:http';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';

/**
 * A whole answer of the catalog, read into memory: what the catalog client
 * reads of a fetch Response (status, JSON or text of the body, headers for
 * errors), without building one. `headers` and `body` are made on first
 * use.
 */
class BufferedResponse {
  readonly ok: boolean;
  readonly redirected = false;
  readonly type = 'basic';
  #bodyUsed = false;
  #headers?: Headers;

  constructor(
    readonly url: string,
    readonly status: number,
    private readonly rawHeaders: Record<string, string | string[] | undefined>,
    private readonly bytes: Buffer,
  ) {
    this.ok = status >= 200 && status < 300;
  }

  get statusText(): string {
    return STATUS_CODES[this.status] ?? '';
  }

  get headers(): Headers {
    if (!this.#headers) {
      this.#headers = new Headers();
      for (const [name, value] of Object.entries(this.rawHeaders)) {
        for (const item of [value ?? []].flat()) {
          this.#headers.append(name, item);
        }
      }
    }
    return this.#headers;
  }

  get bodyUsed(): boolean {
    return this.#bodyUsed;
  }

  get body(): ReadableStream<Uint8Array> | null {
    return this.asResponse().body;
  }

  async text(): Promise<string> {
    return this.consume().toString('utf8');
  }

  async json(): Promise<unknown> {
    return JSON.parse(await this.text());
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    const bytes = this.consume();
    return bytes.buffer.slice(
      bytes.byteOffset,
      bytes.byteOffset + bytes.byteLength,
    ) as ArrayBuffer;
  }

  clone(): BufferedResponse {
    return new BufferedResponse(
      this.url,
      this.status,
      this.rawHeaders,
      this.bytes,
    );
  }

  private consume(): Buffer {
    if (this.#bodyUsed) throw new TypeError('Body is unusable: already read');
    this.#bodyUsed = true;
    return this.bytes;
  }

  private asResponse(): Response {
    const noBody = this.status === 204 || this.status === 304;
    return new Response(noBody ? null : this.bytes, {
      status: this.status,
      headers: this.headers,
    });
  }
}

const DECODERS: Record<string, (bytes: Buffer) => Buffer> = {
  gzip: gunzipSync,
  'x-gzip': gunzipSync,
  deflate: inflateSync,
  br: brotliDecompressSync,
};

/** The body as sent, undoing a content encoding a proxy may have added. */
function decoded(bytes: Buffer, encoding: string | string[] | undefined) {
  const codings = [encoding ?? []]
    .flat()
    .flatMap(value => value.split(','))
    .map(value => value.trim().toLowerCase())
    .filter(value => value && value !== 'identity');
  return codings.reduceRight((body, coding) => {
    const decode = DECODERS[coding];
    if (!decode) throw new Error(`Unsupported content encoding ${coding}`);
    return decode(body);
  }, bytes);
}

function urlOf(input: RequestInfo | URL): string {
  if (typeof input === 'string') return input;
  return input instanceof URL ? input.href : input.url;
}

function headerRecord(
  headers: HeadersInit | undefined,
): Record<string, string> {
  if (!headers) return {};
  if (headers instanceof Headers || Array.isArray(headers)) {
    return Object.fromEntries(headers as Iterable<[string, string]>);
  }
  return { ...(headers as Record<string, string>) };
}

/**
 * The catalog client's fetch, for the plugin's own catalog reads: a single
 * entity looked up while a person or a pipeline waits. Two differences
 * from the global fetch:
 *
 * - It asks for answers as they are, not gzipped: the reads are small and
 *   usually cross a loopback or a cluster network, where compressing on
 *   one side and inflating on the other cost about half the CPU of a whole
 *   entity lookup (an answer gzipped anyway is still read).
 * - It sends the request through undici's request API, the engine under
 *   Node's fetch without the fetch standard's streams and bookkeeping:
 *   about half the client's CPU per lookup. It goes through the same
 *   global dispatcher as fetch (a proxy or TLS settings the backend
 *   installs with undici's setGlobalDispatcher apply alike), with the same
 *   kept-alive connections, which heed the server's keep-alive timeout.
 *   The whole answer is read before it is handed over, as the catalog
 *   client reads it anyway.
 */
export function catalogFetch() {
  return async (
    input: RequestInfo | URL,
    init?: RequestInit,
  ): Promise<Response> => {
    const url = urlOf(input);
    const headers = headerRecord(
      init?.headers ?? (input instanceof Request ? input.headers : undefined),
    );
    if (
      !Object.keys(headers).some(
        name => name.toLowerCase() === 'accept-encoding',
      )
    ) {
      headers['accept-encoding'] = 'identity';
    }
    const answer = await request(url, {
      method: (init?.method ?? 'GET') as Dispatcher.HttpMethod,
      headers,
      body: init?.body as string | Buffer | undefined,
      signal: init?.signal ?? undefined,
    });
    const bytes = Buffer.from(await answer.body.arrayBuffer());
    return new BufferedResponse(
      url,
      answer.statusCode,
      answer.headers,
      decoded(bytes, answer.headers['content-encoding']),
    ) as unknown as Response;
  };
}

/** A catalog client for the plugin's own reads (see `catalogFetch`). */
export function createCatalogClient(
  discovery: DiscoveryService,
): CatalogClient {
  return new CatalogClient({
    discoveryApi: discovery,
    fetchApi: { fetch: catalogFetch() },
  });
}
