import { configure, screen, within } from '@testing-library/react';
import { Entity } from '@backstage/catalog-model';
import {
  createExtensionTester,
  renderTestApp,
  RenderTestAppOptions,
} from '@backstage/frontend-test-utils';
import { coreExtensionData } from '@backstage/frontend-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import alphaDefault, { qualityGatesPlugin } from './alpha';
import { qualityGatesApiRef } from './api/QualityGatesApi';
import { fakeQualityGatesApi } from './components/__testUtils__/fakeQualityGatesApi';
import { checkoutTeamEntity } from './components/dora/__testUtils__/doraFixtures';
import { productionNo } from './components/gates/__testUtils__/decisionFixtures';
import { permissionApiAllowing } from './components/__testUtils__/permissionApi';
import { checkoutEntity } from './components/readiness/__testUtils__/readinessFixtures';
import { readinessOverviewPage } from './alpha/pages';
import { doraEntityContent } from './alpha/entityContents';

// The alpha plugin in an app on the new frontend system, next to the real
// catalog plugin: its entity page, tabs and overview cards come from the
// plugins' extensions and the app's config. The views' behaviour is tested
// with each view.

// A whole app renders per test: on a loaded runner that takes seconds.
jest.setTimeout(30_000);
configure({ asyncUtilTimeout: 10_000 });

const webshopSystem: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'System',
  metadata: { name: 'webshop', namespace: 'default' },
  spec: { owner: 'checkout-team' },
};

async function renderApp(
  url: string,
  appConfig: NonNullable<RenderTestAppOptions['config']> = {},
) {
  const api = fakeQualityGatesApi();
  renderTestApp({
    features: [catalogPlugin, qualityGatesPlugin],
    apis: [
      [qualityGatesApiRef, api],
      [
        catalogApiRef,
        catalogApiMock({
          entities: [checkoutEntity, checkoutTeamEntity, webshopSystem],
        }),
      ],
      [permissionApiRef, permissionApiAllowing([]).api],
    ],
    config: {
      app: { baseUrl: 'http://localhost:3000', ...appConfig },
      backend: { baseUrl: 'http://localhost:7007' },
    },
    initialRouteEntries: [url],
  });
  return api;
}

const CHECKOUT = '/catalog/default/component/checkout';

/** The entity page's tabs: links in the header's content navigation. */
async function tabTitles() {
  const tabs = await screen.findByRole('navigation', {
    name: 'Content navigation',
  });
  return within(tabs)
    .getAllByRole('link')
    .map(tab => tab.textContent);
}

describe('the alpha plugin', () => {
  it('is the default export of the alpha entry, under the backend plugin id', () => {
    expect(alphaDefault).toBe(qualityGatesPlugin);
    expect(qualityGatesPlugin.pluginId).toBe('quality-gates');
  });

  it('puts its tabs on a component page in order and its card on the overview', async () => {
    await renderApp(CHECKOUT);

    expect(await screen.findByText('Score 50%')).toBeInTheDocument();
    expect(await tabTitles()).toEqual([
      'Overview',
      'Can I deploy?',
      'Readiness',
      'DORA',
      'Deploy timeline',
      'CI pipelines',
    ]);
  });

  it.each([
    ['quality-gates', () => screen.findByText('No deployments recorded yet')],
    ['readiness', () => screen.findByText('Checks')],
    [
      'dora',
      () => screen.findByRole('region', { name: 'Deployment frequency' }),
    ],
    [
      'deploy-timeline',
      () => screen.findByRole('table', { name: 'What is where' }),
    ],
    ['ci-pipelines', () => screen.findByRole('table', { name: 'Pipelines' })],
  ])('shows its view under %s, the path of the old app', async (path, view) => {
    await renderApp(`${CHECKOUT}/${path}`);

    expect(await view()).toBeInTheDocument();
  });

  it('rolls up DORA on a group, without the component tabs', async () => {
    const api = await renderApp('/catalog/default/group/checkout-team/dora');

    expect(
      await screen.findByText('Roll-up of 3 components owned by this group'),
    ).toBeInTheDocument();
    // The window is the server's default, which follows the data.
    expect(jest.mocked(api.getDoraMetrics).mock.calls[0][0]).toEqual({
      group: 'group:default/checkout-team',
    });
    expect(await tabTitles()).toEqual(['Overview', 'DORA']);
  });

  it('puts the readiness roll-up card on group and system overviews only', async () => {
    const api = await renderApp('/catalog/default/group/checkout-team');

    expect(
      await screen.findByRole('list', { name: 'Checks failing most often' }),
    ).toBeInTheDocument();
    expect(api.getReadinessRollup).toHaveBeenCalledWith({
      group: 'group:default/checkout-team',
      worstChecks: 3,
    });
    // A component's overview has the entity card, not the roll-up.
    const onComponent = await renderApp(CHECKOUT);
    expect(await screen.findByText('Score 50%')).toBeInTheDocument();
    expect(onComponent.getReadinessRollup).not.toHaveBeenCalled();
  });

  it('rolls up DORA on a system too', async () => {
    await renderApp('/catalog/default/system/webshop');

    expect(await tabTitles()).toEqual(['Overview', 'DORA']);
  });

  it('takes titles, order, filters and cards from app.extensions', async () => {
    const api = await renderApp(CHECKOUT, {
      extensions: [
        // Listed extensions come first, in the order listed.
        {
          'entity-content:quality-gates/ci-pipelines': {
            config: { title: 'Pipelines' },
          },
        },
        'entity-content:quality-gates/can-i-deploy',
        // Only websites get DORA here: checkout is a service.
        {
          'entity-content:quality-gates/dora': {
            config: { filter: { 'spec.type': 'website' } },
          },
        },
        { 'entity-card:quality-gates/readiness': false },
      ],
    });

    expect(await tabTitles()).toEqual([
      'Overview',
      'Pipelines',
      'Can I deploy?',
      'Readiness',
      'Deploy timeline',
    ]);
    // The catalog's own cards render; the disabled one never asks.
    expect(
      await screen.findByRole('heading', { name: 'About' }),
    ).toBeInTheDocument();
    expect(api.getEntityReadiness).not.toHaveBeenCalled();
    expect(screen.queryByText('Score 50%')).not.toBeInTheDocument();
  });

  it('shows the readiness overview page with a configured title', async () => {
    await renderApp('/readiness', {
      extensions: [
        {
          'page:quality-gates/readiness-overview': {
            config: { title: 'Service readiness' },
          },
        },
      ],
    });

    expect(
      await screen.findByRole('heading', { name: 'Service readiness' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('table', { name: 'Readiness of every entity' }),
    ).toBeInTheDocument();
  });

  it('shows a gate decision on its own page under the gate history', async () => {
    await renderApp(`/gate-history/decisions/${productionNo.id}`);

    expect(
      await screen.findByRole('heading', {
        name: 'Can 1.4.0 go to production?',
      }),
    ).toBeInTheDocument();
  });

  it.each([
    ['', 'the overview'],
    ['/quality-gates', 'a tab of ours'],
    ['/readiness', 'the readiness tab'],
  ])(
    "shows the catalog's not-found message for an unknown entity on %s (%s)",
    async path => {
      const api = await renderApp(
        `/catalog/default/component/does-not-exist${path}`,
      );

      expect(
        await screen.findByText(/There is no component with the requested/),
      ).toBeInTheDocument();
      expect(
        screen.queryByText(/useEntity hook is being called outside/),
      ).not.toBeInTheDocument();
      expect(api.getEntityReadiness).not.toHaveBeenCalled();
    },
  );

  it('gives its pages nav items, named by config', () => {
    const page = createExtensionTester(readinessOverviewPage);
    expect(page.get(coreExtensionData.routePath)).toBe('/readiness');
    expect(page.get(coreExtensionData.title)).toBe('Readiness');
    expect(page.get(coreExtensionData.icon)).toBeDefined();

    const renamed = createExtensionTester(readinessOverviewPage, {
      config: { title: 'Service readiness', path: '/service-readiness' },
    });
    expect(renamed.get(coreExtensionData.title)).toBe('Service readiness');
    expect(renamed.get(coreExtensionData.routePath)).toBe('/service-readiness');
  });

  it('lets config rename and move an entity tab', () => {
    const tab = createExtensionTester(doraEntityContent, {
      config: { title: 'Delivery', path: 'delivery' },
    });
    expect(tab.get(EntityContentBlueprint.dataRefs.title)).toBe('Delivery');
    expect(tab.get(coreExtensionData.routePath)).toBe('delivery');
    const filter = tab.get(EntityContentBlueprint.dataRefs.filterFunction)!;
    expect(filter(checkoutEntity)).toBe(true);
    expect(filter(checkoutTeamEntity)).toBe(false);
  });
});
