import { ReactElement } from 'react';
import {
  renderInTestApp,
  TestApiProvider,
  TestApiProviderProps,
} from '@backstage/test-utils';
import { Entity } from '@backstage/catalog-model';
import { RouteRef } from '@backstage/core-plugin-api';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';

/**
 * Renders a view on an entity's page with the given APIs, at `url` when
 * given; links to entity pages resolve.
 */
export async function renderOnEntityPage<TApiPairs extends any[]>(
  view: ReactElement,
  options: {
    entity: Entity;
    apis: TestApiProviderProps<TApiPairs>['apis'];
    url?: string;
    /** More routes links may resolve, by path. */
    mountedRoutes?: Record<string, RouteRef>;
  },
) {
  await renderInTestApp(
    <TestApiProvider apis={options.apis}>
      <EntityProvider entity={options.entity}>{view}</EntityProvider>
    </TestApiProvider>,
    {
      routeEntries: options.url ? [options.url] : undefined,
      mountedRoutes: {
        '/catalog/:namespace/:kind/:name': entityRouteRef,
        ...options.mountedRoutes,
      },
    },
  );
}
