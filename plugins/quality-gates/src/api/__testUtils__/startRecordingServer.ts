import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';

/** A request as the server saw it. */
export interface RecordedRequest {
  method: string;
  url: URL;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** What the server answers next. */
export interface Reply {
  status: number;
  body: unknown;
  /** Defaults to JSON; a string body is then sent as is. */
  contentType?: string;
}

/**
 * A real HTTP server on a free loopback port that records every request and
 * answers with whatever reply the test set last.
 */
export async function startRecordingServer() {
  const requests: RecordedRequest[] = [];
  let reply: Reply = { status: 200, body: {} };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', chunk => chunks.push(chunk));
    req.on('end', () => {
      requests.push({
        method: req.method ?? '',
        url: new URL(req.url ?? '/', 'http://127.0.0.1'),
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      const contentType = reply.contentType ?? 'application/json';
      res.writeHead(reply.status, { 'content-type': contentType });
      res.end(
        typeof reply.body === 'string' && contentType !== 'application/json'
          ? reply.body
          : JSON.stringify(reply.body),
      );
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/api/quality-gates`,
    requests,
    setReply(next: Reply) {
      reply = next;
    },
    close: () => new Promise<void>(resolve => server.close(() => resolve())),
  };
}
