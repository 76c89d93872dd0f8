import http from 'node:http';
import net from 'node:net';

/** A loopback server a test controls, with its base URL. */
export interface LoopbackServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Accepts connections and never answers: a Prometheus stuck on a heavy
 * query, for timeouts that do not depend on how fast the machine is.
 */
export async function startSilentServer(): Promise<LoopbackServer> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer(socket => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  const port = await listen(server);
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => {
      sockets.forEach(socket => socket.destroy());
      return closeServer(server);
    },
  };
}

/** A loopback URL nothing listens on: the port was free a moment ago. */
export async function closedPortUrl(): Promise<string> {
  const server = net.createServer();
  const port = await listen(server);
  await closeServer(server);
  return `http://127.0.0.1:${port}`;
}

/** What a proxy saw of each request. */
export interface ProxiedRequest {
  path: string;
  headers: http.IncomingHttpHeaders;
}

/**
 * Forwards every request to `target` (a real Prometheus) and keeps the
 * request line and headers, to see what the client sent.
 */
export async function startRecordingProxy(
  target: string,
): Promise<LoopbackServer & { requests: ProxiedRequest[] }> {
  const requests: ProxiedRequest[] = [];
  const server = http.createServer((request, response) => {
    requests.push({ path: request.url ?? '', headers: request.headers });
    const forwarded = http.request(
      `${target}${request.url}`,
      { method: request.method, headers: request.headers },
      upstream => {
        response.writeHead(upstream.statusCode ?? 502, upstream.headers);
        upstream.pipe(response);
      },
    );
    forwarded.on('error', error => {
      response.writeHead(502).end(String(error));
    });
    request.pipe(forwarded);
  });
  const port = await listen(server);
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => closeServer(server),
  };
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
    if ('closeAllConnections' in server) {
      (server as http.Server).closeAllConnections();
    }
    server.close(() => resolve());
  });
}
