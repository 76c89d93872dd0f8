import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { Entity } from '@backstage/catalog-model';
import { InMemoryCatalogClient } from '@backstage/catalog-client/testUtils';
import { catalogPlugin, EntityLayout } from '@backstage/plugin-catalog';
import {
  catalogApiRef,
  EntityProvider,
  entityRouteRef,
  MockStarredEntitiesApi,
  starredEntitiesApiRef,
} from '@backstage/plugin-catalog-react';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { Outlet, Route } from 'react-router-dom';
import { FlatRoutes } from '@backstage/core-app-api';
import { qualityGatesApiRef } from './api/QualityGatesApi';
import { fakeQualityGatesApi } from './components/__testUtils__/fakeQualityGatesApi';
import { productionNo } from './components/gates/__testUtils__/decisionFixtures';
import { checkoutTeamEntity } from './components/dora/__testUtils__/doraFixtures';
import { permissionApiAllowing } from './components/__testUtils__/permissionApi';
import { checkoutEntity } from './components/readiness/__testUtils__/readinessFixtures';
import {
  ENTITY_PIPELINES_TAB_PATH,
  ENTITY_TIMELINE_TAB_PATH,
  EntityDeliveryTimelineContent,
  EntityDoraContent,
  EntityDoraRollupContent,
  EntityPipelinesContent,
  EntityQualityGatesContent,
  EntityReadinessCard,
  EntityReadinessContent,
  GateHistoryPage,
  ReadinessOverviewPage,
} from './index';

const user = userEvent.setup({ delay: null });

// The legacy exports wired as the README tells an app on the old frontend
// system to: tabs in the catalog's EntityLayout, pages under the app's
// routes. The views' behaviour is tested with each view. Elements, not
// components: the old system finds routable extensions in the element tree.
const componentPage = (
  <EntityLayout>
    <EntityLayout.Route path="/" title="Overview">
      <EntityReadinessCard />
    </EntityLayout.Route>
    <EntityLayout.Route path="/quality-gates" title="Can I deploy?">
      <EntityQualityGatesContent />
    </EntityLayout.Route>
    <EntityLayout.Route path="/readiness" title="Readiness">
      <EntityReadinessContent />
    </EntityLayout.Route>
    <EntityLayout.Route path="/dora" title="DORA">
      <EntityDoraContent />
    </EntityLayout.Route>
    <EntityLayout.Route
      path={`/${ENTITY_TIMELINE_TAB_PATH}`}
      title="Deploy timeline"
    >
      <EntityDeliveryTimelineContent />
    </EntityLayout.Route>
    <EntityLayout.Route
      path={`/${ENTITY_PIPELINES_TAB_PATH}`}
      title="CI pipelines"
    >
      <EntityPipelinesContent />
    </EntityLayout.Route>
  </EntityLayout>
);

const groupPage = (
  <EntityLayout>
    <EntityLayout.Route path="/" title="Overview">
      <div>Profile</div>
    </EntityLayout.Route>
    <EntityLayout.Route path="/dora" title="DORA">
      <EntityDoraRollupContent />
    </EntityLayout.Route>
  </EntityLayout>
);

const catalog = new InMemoryCatalogClient({
  entities: [checkoutEntity, checkoutTeamEntity],
});

/** The entity page element of an app: the entity, and the page's tabs. */
function EntityPage(props: { entity: Entity }) {
  return (
    <EntityProvider entity={props.entity}>
      <Outlet />
    </EntityProvider>
  );
}

async function renderApp(url: string) {
  const api = fakeQualityGatesApi();
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [qualityGatesApiRef, api],
        [catalogApiRef, catalog],
        [starredEntitiesApiRef, new MockStarredEntitiesApi()],
        [permissionApiRef, permissionApiAllowing([]).api],
      ]}
    >
      <FlatRoutes>
        <Route
          path="/catalog/default/component/checkout"
          element={<EntityPage entity={checkoutEntity} />}
        >
          {componentPage}
        </Route>
        <Route
          path="/catalog/default/group/checkout-team"
          element={<EntityPage entity={checkoutTeamEntity} />}
        >
          {groupPage}
        </Route>
        <Route path="/readiness" element={<ReadinessOverviewPage />} />
        <Route path="/gate-history" element={<GateHistoryPage />} />
      </FlatRoutes>
    </TestApiProvider>,
    {
      routeEntries: [url],
      mountedRoutes: {
        '/catalog': catalogPlugin.routes.catalogIndex,
        '/catalog/:namespace/:kind/:name': entityRouteRef,
      },
    },
  );
  return api;
}

const CHECKOUT = '/catalog/default/component/checkout';

describe('the legacy plugin on an entity page of the old frontend system', () => {
  it('shows the readiness card on the overview and every tab in order', async () => {
    await renderApp(CHECKOUT);

    expect(await screen.findByText('Score 50%')).toBeInTheDocument();
    const tabs = screen.getAllByRole('tab').map(tab => tab.textContent);
    expect(tabs).toEqual([
      'Overview',
      'Can I deploy?',
      'Readiness',
      'DORA',
      'Deploy timeline',
      'CI pipelines',
    ]);
  });

  it.each([
    ['Can I deploy?', () => screen.findByText('No deployments recorded yet')],
    ['Readiness', () => screen.findByText('Checks')],
    [
      'DORA',
      () => screen.findByRole('region', { name: 'Deployment frequency' }),
    ],
    [
      'Deploy timeline',
      () => screen.findByRole('table', { name: 'What is where' }),
    ],
    ['CI pipelines', () => screen.findByRole('table', { name: 'Pipelines' })],
  ])('the %s tab shows its view', async (title, view) => {
    await renderApp(CHECKOUT);

    await user.click(await screen.findByRole('tab', { name: title }));

    expect(await view()).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: title })).toHaveAttribute(
      'aria-selected',
      'true',
    );
  });

  it('the tabs live under the URLs other views link to', async () => {
    await renderApp(`${CHECKOUT}/${ENTITY_TIMELINE_TAB_PATH}`);

    expect(
      await screen.findByRole('table', { name: 'What is where' }),
    ).toBeInTheDocument();
  });

  it('rolls up DORA on a group page', async () => {
    const api = await renderApp('/catalog/default/group/checkout-team/dora');

    expect(
      await screen.findByText('Roll-up of 3 components owned by this group'),
    ).toBeInTheDocument();
    // The window is the server's default, which follows the data.
    expect(jest.mocked(api.getDoraMetrics).mock.calls[0][0]).toEqual({
      group: 'group:default/checkout-team',
    });
  });
});

describe('the legacy plugin pages', () => {
  it('readiness overview lists every entity under its heading', async () => {
    await renderApp('/readiness');

    expect(
      await screen.findByRole('heading', { name: 'Production readiness' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('table', { name: 'Readiness of every entity' }),
    ).toBeInTheDocument();
  });

  it('gate history lists decisions, each with its own URL', async () => {
    await renderApp('/gate-history');

    expect(
      await screen.findByRole('heading', { name: 'Gate history' }),
    ).toBeInTheDocument();
    await screen.findByText(productionNo.sentence);
    const row = document.querySelector<HTMLElement>(
      'tr[data-decision="dec-prod-no"]',
    )!;
    expect(within(row).getByRole('link', { name: 'Open' })).toHaveAttribute(
      'href',
      '/gate-history/decisions/dec-prod-no',
    );
    // The entity links to its "Can I deploy?" tab, for the decided version.
    expect(within(row).getByRole('link', { name: 'checkout' })).toHaveAttribute(
      'href',
      '/catalog/default/component/checkout/quality-gates?version=1.4.0',
    );
  });

  it('gate history opens a decision at its URL', async () => {
    await renderApp('/gate-history/decisions/dec-prod-no');

    const heading = await screen.findByRole('heading', {
      name: 'Can 1.4.0 go to production?',
    });
    expect(
      within(heading.closest('header')!).getByText('checkout'),
    ).toBeInTheDocument();
  });
});
