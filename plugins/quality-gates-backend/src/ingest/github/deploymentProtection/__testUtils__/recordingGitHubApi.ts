import { createVerify, generateKeyPairSync, KeyObject } from 'node:crypto';
import http from 'node:http';
import { AddressInfo } from 'node:net';

/** One request the fake GitHub API received. */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** How the callback endpoint behaves. */
export type CallbackMode = 'accept' | 'unavailable' | 'unreachable' | 'refused';

export interface RecordingGitHubApi {
  /** e.g. `http://127.0.0.1:41234`: the integration's `apiBaseUrl`. */
  baseUrl: string;
  appId: number;
  installationId: number;
  /** PEM of the App's private key, for `integrations.github[].apps`. */
  privateKey: string;
  requests: RecordedRequest[];
  /** The token every access-token request is answered with. */
  installationToken: string;
  callbackMode: CallbackMode;
  /** Whether a bearer JWT is signed by the App's key and names the App. */
  isAppJwt(authorization: string | undefined): boolean;
  close(): Promise<void>;
}

/**
 * A local stand-in for the GitHub API, just the endpoints a GitHub App
 * uses to answer deployment protection rules: `GET /app/installations`
 * and `POST /app/installations/{id}/access_tokens` (what Backstage's
 * GitHub credentials provider calls, authenticated with the App's JWT),
 * and the runs' `deployment_protection_rule` callbacks, answered 204.
 * Every request is recorded. Tokens expire within 10 minutes, so the
 * provider never caches one and every answer asks for a token again.
 */
export async function startRecordingGitHubApi(
  options: { owner?: string } = {},
): Promise<RecordingGitHubApi> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
  });
  const api: RecordingGitHubApi = {
    baseUrl: '',
    appId: 4711,
    installationId: 52341234,
    privateKey: privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
    requests: [],
    installationToken: 'ghs_testInstallationToken0123456789',
    callbackMode: 'accept',
    isAppJwt: authorization => isJwtOf(authorization, publicKey, api.appId),
    close: async () => {},
  };
  const installationsPath = '/app/installations';
  const tokenPath = `/app/installations/${api.installationId}/access_tokens`;

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', chunk => chunks.push(chunk));
    req.on('end', () => {
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      api.requests.push({
        method: req.method ?? '',
        path,
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      const json = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      const appAuthorized = api.isAppJwt(req.headers.authorization);
      if (req.method === 'GET' && path === installationsPath) {
        if (!appAuthorized) return json(401, { message: 'Bad credentials' });
        return json(200, [
          {
            id: api.installationId,
            account: { login: options.owner ?? 'example-corp', id: 38302899 },
            app_id: api.appId,
            target_type: 'Organization',
            repository_selection: 'all',
            suspended_by: null,
          },
        ]);
      }
      if (req.method === 'POST' && path === tokenPath) {
        if (!appAuthorized) return json(401, { message: 'Bad credentials' });
        return json(201, {
          token: api.installationToken,
          expires_at: new Date(Date.now() + 5 * 60_000).toISOString(),
          permissions: { actions: 'read', deployments: 'write' },
          repository_selection: 'all',
        });
      }
      if (
        req.method === 'POST' &&
        path.endsWith('/deployment_protection_rule')
      ) {
        if (api.callbackMode === 'unreachable') {
          req.socket.destroy();
          return undefined;
        }
        if (api.callbackMode === 'refused') {
          return json(422, {
            message: 'No pending deployment requests to approve or reject',
          });
        }
        if (api.callbackMode === 'unavailable') {
          return json(503, { message: 'Service unavailable' });
        }
        res.writeHead(204).end();
        return undefined;
      }
      return json(404, { message: 'Not Found' });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  api.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  api.close = () =>
    new Promise<void>((resolve, reject) => {
      server.closeAllConnections();
      server.close(error => (error ? reject(error) : resolve()));
    });
  return api;
}

/** An RS256 JWT made with the App's private key, issued by the App. */
function isJwtOf(
  authorization: string | undefined,
  publicKey: KeyObject,
  appId: number,
): boolean {
  const match = /^(?:Bearer|Token) ([\w-]+)\.([\w-]+)\.([\w-]+)$/i.exec(
    authorization ?? '',
  );
  if (!match) return false;
  const [, header, claims, signature] = match;
  const verifier = createVerify('RSA-SHA256');
  verifier.update(`${header}.${claims}`);
  if (!verifier.verify(publicKey, Buffer.from(signature, 'base64url'))) {
    return false;
  }
  const { alg } = JSON.parse(Buffer.from(header, 'base64url').toString());
  const { iss, exp } = JSON.parse(Buffer.from(claims, 'base64url').toString());
  return (
    alg === 'RS256' && String(iss) === String(appId) && exp > Date.now() / 1000
  );
}
