import { FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import createClient, { Client } from 'openapi-fetch';
import { paths } from '../schema/openapi.generated';
import { queryOf } from './deliveryQuery';

/**
 * The backend's routes as openapi.yaml describes them: a path, query parameter
 * or body that disagrees with the YAML does not compile. The types come from
 * `src/schema/openapi.generated.ts` (`yarn openapi:generate`).
 */
export type BackendClient = Client<paths>;

/** The query parameters of one backend operation, as openapi.yaml names them. */
export type QueryOf<
  Path extends keyof paths,
  Method extends 'get' | 'post' = 'get',
> = NonNullable<
  NonNullable<paths[Path][Method]> extends { parameters: { query?: infer Q } }
    ? Q
    : never
>;

/**
 * A typed client that sends every request through fetchApi (which adds the
 * user's credentials) and throws a ResponseError for an error answer, before
 * the body is read, so the UI gets the backend's error as before.
 */
export function createBackendClient(fetchApi: FetchApi): BackendClient {
  return createClient<paths>({
    fetch: async request => {
      const response = await fetchApi.fetch(request);
      if (!response.ok) {
        throw await ResponseError.fromResponse(response);
      }
      return response;
    },
    // Parameters left out are not sent, so the backend applies its defaults.
    querySerializer: query => queryOf(query).toString(),
  });
}

/** The parsed body of a call whose error answers were already thrown. */
export async function dataOf<Data>(
  call: Promise<{ data?: Data; response: Response }>,
): Promise<Data> {
  const { data } = await call;
  return data as Data;
}
