import { screen, within } from '@testing-library/react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { EntityReadinessResponse } from '@can-i-deploy/plugin-quality-gates-common';
import {
  QualityGatesApi,
  qualityGatesApiRef,
} from '../../../api/QualityGatesApi';
import {
  checkoutEntity,
  checkoutReadiness,
} from '../__testUtils__/readinessFixtures';
import { EntityReadinessCard } from './EntityReadinessCard';

// The API is the card's boundary: the client and the backend are tested on
// their own and together in the browser test.
async function renderCard(readiness: EntityReadinessResponse) {
  const api: Partial<QualityGatesApi> = {
    getEntityReadiness: jest.fn().mockResolvedValue(readiness),
  };
  await renderInTestApp(
    <TestApiProvider apis={[[qualityGatesApiRef, api]]}>
      <EntityProvider entity={checkoutEntity}>
        <EntityReadinessCard />
      </EntityProvider>
    </TestApiProvider>,
    {
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
  return api;
}

describe('EntityReadinessCard', () => {
  it('shows the level, score, counts and the checks that most need work', async () => {
    const api = await renderCard(checkoutReadiness);

    expect(await screen.findByText('Score 50%')).toBeInTheDocument();
    expect(api.getEntityReadiness).toHaveBeenCalledWith(
      'component:default/checkout',
    );
    expect(screen.getByText('Bronze')).toBeInTheDocument();
    expect(screen.getByText('Next: Silver')).toBeInTheDocument();

    const counts = screen.getByRole('list', { name: 'Checks by state' });
    expect(within(counts).getAllByRole('listitem')).toHaveLength(7);
    expect(counts).toHaveTextContent('1Failed');

    const needWork = screen.getByRole('list', {
      name: 'Checks that need work',
    });
    const entries = within(needWork)
      .getAllByRole('listitem')
      .map(item => item.textContent);
    expect(entries).toEqual([
      'FailedAlerts with instructions1 of 2 alert rules lacks what an on-call person needs.',
      'ErrorDocumentationTechDocs could not be read: timeout.',
      'Not reportedSource locationNot evaluated yet.',
    ]);
    // Each leads to that check on the entity's readiness tab.
    expect(
      within(needWork).getByRole('link', { name: 'Documentation' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/checkout/readiness#check-docs-summary',
    );

    expect(
      screen.getByRole('link', { name: /View readiness/ }),
    ).toHaveAttribute('href', '/catalog/default/component/checkout/readiness');
  });

  it('says when the entity was never evaluated, and still links the tab', async () => {
    await renderCard({ ...checkoutReadiness, summary: undefined });

    expect(await screen.findByText('Not evaluated yet.')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /View readiness/ }),
    ).toHaveAttribute('href', '/catalog/default/component/checkout/readiness');
  });
});
