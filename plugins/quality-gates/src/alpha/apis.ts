import {
  ApiBlueprint,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { qualityGatesApiRef } from '../api/QualityGatesApi';
import { QualityGatesClient } from '../api/QualityGatesClient';

/** The plugin's client, the same one the legacy plugin provides. */
export const qualityGatesApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: qualityGatesApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new QualityGatesClient({ discoveryApi, fetchApi }),
    }),
});
