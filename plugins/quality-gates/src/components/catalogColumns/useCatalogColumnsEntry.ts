import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { QualityGatesApi, qualityGatesApiRef } from '../../api/QualityGatesApi';
import { CatalogColumnsLoader } from './CatalogColumnsLoader';

// One loader per API instance and environment, shared by every cell of the
// table, so that a page of rows is one request.
const loaders = new WeakMap<
  QualityGatesApi,
  Map<string, CatalogColumnsLoader>
>();

function loaderFor(api: QualityGatesApi, environment: string | undefined) {
  const byEnvironment =
    loaders.get(api) ?? new Map<string, CatalogColumnsLoader>();
  loaders.set(api, byEnvironment);
  const key = environment ?? '';
  let loader = byEnvironment.get(key);
  if (!loader) {
    loader = new CatalogColumnsLoader(api, environment);
    byEnvironment.set(key, loader);
  }
  return loader;
}

/** One catalog row's readiness and decision, batched with the other rows'. */
export function useCatalogColumnsEntry(
  entityRef: string,
  environment: string | undefined,
) {
  const api = useApi(qualityGatesApiRef);
  return useAsync(
    () => loaderFor(api, environment).load(entityRef),
    [api, environment, entityRef],
  );
}
