import http from 'node:http';
import { AddressInfo } from 'node:net';
import fs from 'node:fs/promises';
import path from 'node:path';
import { ConfigReader } from '@backstage/config';
import { UrlReaderService } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { UrlReaders } from '@backstage/backend-defaults/urlReader';

/** A directory served over plain HTTP on a free loopback port. */
export interface StaticFileServer {
  /** e.g. `http://127.0.0.1:41234`, without a trailing slash. */
  baseUrl: string;
  /** `127.0.0.1:<port>`, as `backend.reading.allow` wants it. */
  host: string;
  /** Every path asked for, in order, so tests can see what was read. */
  requests: string[];
  close(): Promise<void>;
}

/**
 * Serves `root` on 127.0.0.1 so the real `FetchUrlReader` can read it, the
 * way it reads any plain web server holding a repository's files.
 * `failingPaths` answer with the given status instead of the file, for the
 * errors a real host can give (500, 403...). `files` are served from memory,
 * for content no formatter may touch on disk (deliberately broken YAML).
 */
export async function startStaticFileServer(
  root: string,
  options: {
    failingPaths?: Record<string, number>;
    files?: Record<string, string>;
  } = {},
): Promise<StaticFileServer> {
  const rootDir = path.resolve(root);
  const requests: string[] = [];
  const server = http.createServer(async (req, res) => {
    const pathname = decodeURIComponent(
      new URL(req.url ?? '/', 'http://localhost').pathname,
    );
    requests.push(pathname);
    const failStatus = options.failingPaths?.[pathname];
    if (failStatus) {
      res.writeHead(failStatus, { 'content-type': 'text/plain' });
      res.end(`status ${failStatus} on purpose`);
      return;
    }
    const inMemory = options.files?.[pathname];
    if (inMemory !== undefined) {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(inMemory);
      return;
    }
    const filePath = path.resolve(rootDir, `.${pathname}`);
    // Never serve anything outside the fixture directory.
    if (!filePath.startsWith(`${rootDir}${path.sep}`)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const stat = await fs.stat(filePath);
      if (!stat.isFile()) throw Object.assign(new Error(), { code: 'ENOENT' });
      const body = await fs.readFile(filePath);
      res.writeHead(200, { 'content-length': body.length });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close(error => (error ? reject(error) : resolve()));
      }),
  };
}

/**
 * The backend's real URL reader with every default reader, allowed to read
 * the given hosts (`127.0.0.1:<port>`) and nothing else.
 */
export function urlReaderAllowing(...hosts: string[]): UrlReaderService {
  return UrlReaders.default({
    config: new ConfigReader({
      backend: { reading: { allow: hosts.map(host => ({ host })) } },
    }),
    logger: mockServices.rootLogger({ level: 'none' }),
  });
}
