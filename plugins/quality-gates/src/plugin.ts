import {
  createApiFactory,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { qualityGatesApiRef } from './api/QualityGatesApi';
import { QualityGatesClient } from './api/QualityGatesClient';
import { entityContentRouteRef } from './routes';

/**
 * The quality-gates frontend plugin.
 *
 * @public
 */
export const qualityGatesPlugin = createPlugin({
  id: 'quality-gates',
  apis: [
    createApiFactory({
      api: qualityGatesApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new QualityGatesClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: {
    entityContent: entityContentRouteRef,
  },
});

/**
 * Entity page tab: "Can I deploy?" for the current entity.
 *
 * @public
 */
export const EntityQualityGatesContent = qualityGatesPlugin.provide(
  createRoutableExtension({
    name: 'EntityQualityGatesContent',
    component: () =>
      import('./components/EntityQualityGatesContent').then(
        m => m.EntityQualityGatesContent,
      ),
    mountPoint: entityContentRouteRef,
  }),
);
