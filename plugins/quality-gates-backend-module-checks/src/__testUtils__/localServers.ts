import http from 'node:http';
import net from 'node:net';

/** A request a local server received. */
export interface ReceivedRequest {
  method: string;
  /** Path and query, as sent. */
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** performance.now() when it arrived, to measure waits between tries. */
  at: number;
}

/** A loopback HTTP server a test scripts, with its base URL. */
export interface LocalServer {
  url: string;
  requests: ReceivedRequest[];
  close(): Promise<void>;
}

/**
 * Starts a loopback HTTP server whose handler the test writes; it keeps
 * every request it received.
 */
export async function startLocalServer(
  handle: (
    request: ReceivedRequest,
    response: http.ServerResponse,
  ) => void | Promise<void>,
): Promise<LocalServer> {
  const requests: ReceivedRequest[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', chunk => (body += chunk));
    req.on('end', () => {
      const received: ReceivedRequest = {
        method: req.method ?? 'GET',
        url: req.url ?? '/',
        headers: req.headers,
        body,
        at: performance.now(),
      };
      requests.push(received);
      Promise.resolve(handle(received, res)).catch(error => {
        res.writeHead(500).end(String(error));
      });
    });
  });
  const port = await listen(server);
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => closeServer(server),
  };
}

/** A loopback URL nothing listens on: the port was free a moment ago. */
export async function closedPortUrl(): Promise<string> {
  const server = net.createServer();
  const port = await listen(server);
  await closeServer(server);
  return `http://127.0.0.1:${port}`;
}

/** Resolves after `ms`; for servers that answer late. */
export function delay(ms: number): Promise<void> {
  return new Promise(resolve => setTimeout(resolve, ms));
}

function listen(server: net.Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () =>
      resolve((server.address() as net.AddressInfo).port),
    );
  });
}

function closeServer(server: net.Server): Promise<void> {
  return new Promise(resolve => {
    if (server instanceof http.Server) server.closeAllConnections();
    server.close(() => resolve());
  });
}
