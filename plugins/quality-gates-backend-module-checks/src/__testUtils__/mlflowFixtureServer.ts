import {
  MLFLOW_ANSWERS,
  TOKEN,
} from '../mlflow/__fixtures__/mlflowRestResponses';
import { LocalServer, startLocalServer } from './localServers';

const PREFIX = '/api/2.0/mlflow/';

/**
 * Serves the MLflow REST answers in `mlflow/__fixtures__` over HTTP, as an
 * MLflow tracking server behind a token would: a request without the
 * bearer token gets 401, one without an answer on file gets 501 naming it
 * (a gap in the fixtures, not an MLflow answer).
 */
export async function startMlflowFixtureServer(): Promise<LocalServer> {
  return startLocalServer((request, response) => {
    const json = (status: number, body: unknown) =>
      response
        .writeHead(status, { 'content-type': 'application/json' })
        .end(JSON.stringify(body));
    if (request.headers.authorization !== `Bearer ${TOKEN}`) {
      json(401, {
        error_code: 'UNAUTHENTICATED',
        message:
          'Credential was not sent or was of an unsupported type for this API.',
      });
      return;
    }
    const url = new URL(request.url, 'http://mlflow');
    if (!url.pathname.startsWith(PREFIX)) {
      json(404, { error_code: 'ENDPOINT_NOT_FOUND', message: url.pathname });
      return;
    }
    const endpoint = url.pathname.slice(PREFIX.length);
    const params =
      request.method === 'POST'
        ? Object.entries(JSON.parse(request.body || '{}') as object)
            .map(([name, value]) => `${name}=${[value].flat().join(',')}`)
            .join('&')
        : decodeURIComponent(url.search.slice(1).replace(/\+/g, ' '));
    const key = `${request.method} ${endpoint} ${params}`;
    const answer = MLFLOW_ANSWERS[key];
    if (!answer) {
      json(501, { error_code: 'NOT_RECORDED', message: key });
      return;
    }
    json(answer.status, answer.body);
  });
}
