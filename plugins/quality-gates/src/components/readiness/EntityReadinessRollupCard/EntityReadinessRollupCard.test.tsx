import { screen, within } from '@testing-library/react';
import { Entity } from '@backstage/catalog-model';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { ReadinessRollupResponse } from '@can-i-deploy/plugin-quality-gates-common';
import {
  QualityGatesApi,
  qualityGatesApiRef,
} from '../../../api/QualityGatesApi';
import { readinessOverviewRouteRef } from '../../../routes';
import {
  checkoutTeamEntity,
  webshopEntity,
} from '../../dora/__testUtils__/doraFixtures';
import {
  checkoutEntity,
  checkoutTeamRollup,
} from '../__testUtils__/readinessFixtures';
import { EntityReadinessRollupCard } from './EntityReadinessRollupCard';

// The API is the card's boundary: the client and the backend's roll-up are
// tested on their own (the backend over HTTP with a real catalog).
async function renderCard(
  entity: Entity,
  rollup: ReadinessRollupResponse = checkoutTeamRollup,
  options: { overviewMounted?: boolean } = {},
) {
  const api = {
    getReadinessRollup: jest.fn().mockResolvedValue(rollup),
  } satisfies Partial<QualityGatesApi>;
  await renderInTestApp(
    <TestApiProvider apis={[[qualityGatesApiRef, api]]}>
      <EntityProvider entity={entity}>
        <EntityReadinessRollupCard />
      </EntityProvider>
    </TestApiProvider>,
    {
      mountedRoutes: {
        '/catalog/:namespace/:kind/:name': entityRouteRef,
        ...(options.overviewMounted === false
          ? {}
          : { '/readiness': readinessOverviewRouteRef }),
      },
    },
  );
  return api;
}

const componentsList = () =>
  screen.getByRole('list', { name: 'Components, least ready first' });

describe('EntityReadinessRollupCard', () => {
  it("shows a group's levels, worst checks and least ready components, with links", async () => {
    const api = await renderCard(checkoutTeamEntity);

    expect(
      await screen.findByText(
        '4 components owned by this group and its sub-groups',
      ),
    ).toBeInTheDocument();
    expect(api.getReadinessRollup).toHaveBeenCalledWith({
      group: 'group:default/checkout-team',
      worstChecks: 3,
    });

    // The bar says what it shows; the legend leaves out empty levels.
    expect(
      screen.getByRole('img', { name: /Readiness levels of 4 components/ }),
    ).toHaveAccessibleName(
      'Readiness levels of 4 components: 1 Gold, 1 Bronze, 1 No level, 1 Not evaluated',
    );
    const legend = screen.getByRole('list', { name: 'Components by level' });
    expect(
      within(legend)
        .getAllByRole('listitem')
        .map(item => item.textContent),
    ).toEqual(['Gold 1', 'Bronze 1', 'No level 1', 'Not evaluated 1']);

    const worst = screen.getByRole('list', {
      name: 'Checks failing most often',
    });
    const [alerts, owner] = within(worst).getAllByRole('listitem');
    expect(alerts).toHaveTextContent('Alerts with instructions: 2 of 4');
    expect(
      within(alerts).getByRole('link', { name: 'payments' }),
    ).toHaveAttribute('href', '/catalog/default/component/payments/readiness');
    expect(
      within(alerts).getByRole('link', { name: 'checkout' }),
    ).toBeVisible();
    expect(owner).toHaveTextContent('Owned by a team: 1 of 4');

    const rows = within(componentsList()).getAllByRole('listitem');
    expect(rows.map(row => row.textContent)).toEqual([
      'paymentsScore 20%No level',
      'CheckoutScore 50%Bronze',
      'storefrontScore 100%Gold',
      'basketNot evaluated',
    ]);
    expect(
      within(componentsList()).getByRole('link', { name: 'Checkout' }),
    ).toHaveAttribute('href', '/catalog/default/component/checkout/readiness');

    expect(
      screen.getByRole('link', { name: /Open in readiness overview/ }),
    ).toHaveAttribute(
      'href',
      '/readiness?owner=group%3Adefault%2Fcheckout-team',
    );
  });

  it("rolls up a system by its own scope and links the overview's system filter", async () => {
    const api = await renderCard(webshopEntity, {
      ...checkoutTeamRollup,
      scope: {
        kind: 'system',
        ref: 'system:default/webshop',
        includesSubgroups: false,
      },
    });

    expect(
      await screen.findByText('4 components of this system'),
    ).toBeInTheDocument();
    expect(api.getReadinessRollup).toHaveBeenCalledWith({
      system: 'system:default/webshop',
      worstChecks: 3,
    });
    expect(
      screen.getByRole('link', { name: /Open in readiness overview/ }),
    ).toHaveAttribute('href', '/readiness?system=system%3Adefault%2Fwebshop');
  });

  it('says when there is nothing to roll up, and links no overview the app lacks', async () => {
    await renderCard(
      checkoutTeamEntity,
      {
        ...checkoutTeamRollup,
        distribution: {
          levels: checkoutTeamRollup.distribution.levels.map(entry => ({
            ...entry,
            count: 0,
          })),
          notEvaluated: 0,
          total: 0,
        },
        worstChecks: [],
        items: [],
      },
      { overviewMounted: false },
    );

    expect(
      await screen.findByText(
        '0 components owned by this group and its sub-groups that you can see.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('link')).not.toBeInTheDocument();
  });

  it('does not ask for a roll-up of a component', async () => {
    const api = await renderCard(checkoutEntity);

    expect(
      await screen.findByText(
        'Readiness rolls up for groups and systems; this is a Component.',
      ),
    ).toBeInTheDocument();
    expect(api.getReadinessRollup).not.toHaveBeenCalled();
  });
});
