import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { QUALITY_GATES_PLUGIN_ID } from '@can-i-deploy/plugin-quality-gates-common';
import createClient, {
  ClientPathsWithMethod,
  FetchResponse,
  MaybeOptionalInit,
} from 'openapi-fetch';
import { paths } from '../schema/openapi.generated';
import { queryOf } from './deliveryQuery';

type Method = 'get' | 'post';
type PathOf<M extends Method> = ClientPathsWithMethod<
  ReturnType<typeof createClient<paths>>,
  M
>;
type Operation<P extends keyof paths, M extends Method> = Extract<
  paths[P][M],
  Record<string | number, any>
>;

/**
 * What one call of a route may send, as openapi.yaml describes it. Not
 * inferred from the call, so a misspelt or unknown parameter or body field
 * is an error too.
 */
export type RequestOf<P extends keyof paths, M extends Method> = Omit<
  NonNullable<MaybeOptionalInit<paths[P], M>>,
  'baseUrl' | 'fetch' | 'parseAs'
>;

/** The JSON body of a route's successful answer. */
export type AnswerOf<P extends keyof paths, M extends Method> = NonNullable<
  FetchResponse<Operation<P, M>, {}, `${string}/${string}`>['data']
>;

/** The query parameters of a route. */
export type QueryOf<
  P extends keyof paths,
  M extends Method = 'get',
> = NonNullable<
  Operation<P, M> extends { parameters: { query?: infer Query } }
    ? Query
    : never
>;

/**
 * The backend's routes, typed from openapi.yaml (`yarn openapi:generate`
 * writes `src/schema/openapi.generated.ts`): a path, query parameter or body
 * that disagrees with the YAML does not compile.
 */
export interface BackendClient {
  get<P extends PathOf<'get'>>(
    path: P,
    request: RequestOf<P, 'get'>,
  ): Promise<AnswerOf<P, 'get'>>;
  /** A GET whose answer is a file, e.g. a CSV export. */
  download<P extends PathOf<'get'>>(
    path: P,
    request: RequestOf<P, 'get'>,
  ): Promise<Blob>;
  post<P extends PathOf<'post'>>(
    path: P,
    request: RequestOf<P, 'post'>,
  ): Promise<AnswerOf<P, 'post'>>;
}

type UntypedCall = (
  path: string,
  init: object,
) => Promise<{ data?: unknown; response: Response }>;

/**
 * A typed client that asks discovery for the backend's address on every call
 * (it may move), sends each request through fetchApi (which adds the user's
 * credentials) and throws a ResponseError for an error answer before its
 * body is read, so the UI gets the backend's error as before.
 */
export function createBackendClient(options: {
  discoveryApi: DiscoveryApi;
  fetchApi: FetchApi;
}): BackendClient {
  const client = createClient<paths>({
    fetch: async request => {
      // fetchApi gets the URL and a plain init, as before: its middlewares
      // copy the request, and a browser refuses to copy a Request whose
      // body was already taken over by an earlier copy.
      const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
      const body = hasBody ? await request.text() : '';
      const response = await options.fetchApi.fetch(request.url, {
        method: request.method,
        headers: request.headers,
        ...(body ? { body } : {}),
      });
      if (!response.ok) {
        throw await ResponseError.fromResponse(response);
      }
      return response;
    },
    // Parameters left out are not sent, so the backend applies its defaults.
    querySerializer: query => queryOf(query).toString(),
  });
  // The typing is done by BackendClient's signatures above.
  const get = client.GET as unknown as UntypedCall;
  const post = client.POST as unknown as UntypedCall;
  const call = async (
    method: UntypedCall,
    path: string,
    request: object | undefined,
    parseAs: 'json' | 'blob',
  ) => {
    const baseUrl = await options.discoveryApi.getBaseUrl(
      QUALITY_GATES_PLUGIN_ID,
    );
    const { data } = await method(path, { ...request, baseUrl, parseAs });
    return data;
  };
  return {
    get: async (path, request) =>
      (await call(get, path, request, 'json')) as AnswerOf<typeof path, 'get'>,
    download: async (path, request) =>
      (await call(get, path, request, 'blob')) as Blob,
    post: async (path, request) =>
      (await call(post, path, request, 'json')) as AnswerOf<
        typeof path,
        'post'
      >,
  };
}
