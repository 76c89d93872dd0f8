import http from 'node:http';
import { AddressInfo } from 'node:net';

/** A dashboard the fake Grafana holds. */
export interface FakeGrafanaDashboard {
  uid: string;
  title: string;
  tags?: string[];
  folderTitle?: string;
  /** The dashboard JSON model's panels (rows included), as Grafana keeps them. */
  panels?: unknown[];
}

/** One request as the fake Grafana saw it. */
export interface FakeGrafanaRequest {
  path: string;
  query: URLSearchParams;
  authorization?: string;
}

export interface FakeGrafana {
  /** e.g. `http://127.0.0.1:41234`, without a trailing slash. */
  baseUrl: string;
  requests: FakeGrafanaRequest[];
  /** Answer every request with this status from now on (undefined: normal). */
  failWith(status: number | undefined): void;
  close(): Promise<void>;
}

/**
 * Grafana cannot run in these tests, so this is a real HTTP server on a
 * free loopback port answering the two endpoints the dashboards check uses
 * the way Grafana's HTTP API does: `GET /api/search?type=dash-db` (all
 * `tag` parameters must match; `limit` and `page`) and
 * `GET /api/dashboards/uid/<uid>` (`{ dashboard, meta }`). It checks the
 * service account token as Grafana does, answering 401 without it.
 */
export async function startFakeGrafana(options: {
  token: string;
  dashboards: FakeGrafanaDashboard[];
}): Promise<FakeGrafana> {
  const requests: FakeGrafanaRequest[] = [];
  let failure: number | undefined;
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    requests.push({
      path: url.pathname,
      query: url.searchParams,
      authorization: req.headers.authorization,
    });
    const answer = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (failure) {
      answer(failure, { message: 'Internal Server Error', traceID: 'abc' });
      return;
    }
    if (req.headers.authorization !== `Bearer ${options.token}`) {
      answer(401, {
        message: 'Invalid API key',
        messageId: 'auth.unauthorized',
      });
      return;
    }
    if (url.pathname === '/api/search') {
      answer(200, search(options.dashboards, url.searchParams));
      return;
    }
    const byUid = /^\/api\/dashboards\/uid\/([^/]+)$/.exec(url.pathname);
    const dashboard =
      byUid &&
      options.dashboards.find(d => d.uid === decodeURIComponent(byUid[1]));
    if (dashboard) {
      answer(200, {
        meta: {
          type: 'db',
          slug: slug(dashboard.title),
          url: `/d/${dashboard.uid}/${slug(dashboard.title)}`,
          folderTitle: dashboard.folderTitle ?? 'General',
        },
        dashboard: {
          uid: dashboard.uid,
          title: dashboard.title,
          tags: dashboard.tags ?? [],
          schemaVersion: 39,
          panels: dashboard.panels ?? [],
        },
      });
      return;
    }
    answer(404, { message: 'Dashboard not found' });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    failWith: status => {
      failure = status;
    },
    close: () =>
      new Promise<void>((resolve, reject) =>
        server.close(error => (error ? reject(error) : resolve())),
      ),
  };
}

function search(dashboards: FakeGrafanaDashboard[], params: URLSearchParams) {
  const tags = params.getAll('tag');
  const limit = Number(params.get('limit') ?? 1000);
  const page = Number(params.get('page') ?? 1);
  return dashboards
    .filter(d => tags.every(tag => (d.tags ?? []).includes(tag)))
    .slice((page - 1) * limit, page * limit)
    .map((d, index) => ({
      id: index + 1,
      uid: d.uid,
      title: d.title,
      uri: `db/${slug(d.title)}`,
      url: `/d/${d.uid}/${slug(d.title)}`,
      slug: '',
      type: 'dash-db',
      tags: d.tags ?? [],
      isStarred: false,
      // Grafana leaves the folder out for dashboards at the root.
      ...(d.folderTitle
        ? { folderUid: slug(d.folderTitle), folderTitle: d.folderTitle }
        : {}),
    }));
}

function slug(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
