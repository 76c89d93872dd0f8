import userEvent from '@testing-library/user-event';
import { screen, waitFor } from '@testing-library/react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { Entity } from '@backstage/catalog-model';
import { DeploymentListResponse } from '@can-i-deploy/plugin-quality-gates-common';
import { ResponseError } from '@backstage/errors';
import { QualityGatesApi, qualityGatesApiRef } from '../../api/QualityGatesApi';
import { permissionApiAllowing } from '../__testUtils__/permissionApi';
import { gateHistoryRouteRef } from '../../routes';
import {
  checkoutCandidates,
  productionNo,
} from '../gates/__testUtils__/decisionFixtures';
import { EntityQualityGatesContent } from './EntityQualityGatesContent';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'checkout', namespace: 'default' },
  spec: { type: 'service', lifecycle: 'production', owner: 'checkout-team' },
};

const listing: DeploymentListResponse = {
  entityRef: 'component:default/checkout',
  totalCount: 3,
  items: [
    {
      id: 'd3',
      source: 'api',
      externalId: 'run-3',
      entityRef: 'component:default/checkout',
      environment: 'production',
      version: '1.4.0',
      actor: 'argocd',
      status: 'rolled_back',
      changes: [],
      startedAt: '2026-11-20T10:00:00Z',
      finishedAt: '2026-11-20T10:06:30Z',
    },
    {
      id: 'd2',
      source: 'api',
      externalId: 'run-2',
      entityRef: 'component:default/checkout',
      environment: 'staging',
      version: '1.4.0',
      status: 'succeeded',
      changes: [],
      startedAt: '2026-11-19T10:00:00Z',
      finishedAt: '2026-11-19T10:04:00Z',
    },
    {
      id: 'd1',
      source: 'api',
      externalId: 'run-1',
      entityRef: 'component:default/checkout',
      environment: 'production',
      version: '1.3.2',
      status: 'succeeded',
      changes: [],
      startedAt: '2026-11-10T10:00:00Z',
      finishedAt: '2026-11-10T10:05:00Z',
    },
  ],
  currentVersions: [
    {
      environment: 'production',
      version: '1.3.2',
      deploymentId: 'd1',
      deployedAt: '2026-11-10T10:05:00Z',
    },
    {
      environment: 'staging',
      version: '1.4.0',
      deploymentId: 'd2',
      deployedAt: '2026-11-19T10:04:00Z',
    },
  ],
};

// Nothing known to ask about: no environment, no version.
const noGates: Partial<QualityGatesApi> = {
  gateCandidates: async () => ({ environments: [], versions: [] }),
  latestDecisions: async () => ({ items: [] }),
  listOverrides: async () => ({ items: [] }),
};

// The API is the component's boundary: the client and the backend are tested
// on their own and together in the end-to-end browser test.
function renderWith(api: Partial<QualityGatesApi>, version?: string) {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [qualityGatesApiRef, { ...noGates, ...api }],
        [permissionApiRef, permissionApiAllowing([]).api],
      ]}
    >
      <EntityProvider entity={entity}>
        <EntityQualityGatesContent />
      </EntityProvider>
    </TestApiProvider>,
    {
      routeEntries: version ? [`/?version=${version}`] : undefined,
      mountedRoutes: {
        '/catalog/:namespace/:kind/:name': entityRouteRef,
        '/gate-history': gateHistoryRouteRef,
      },
    },
  );
}

describe('EntityQualityGatesContent', () => {
  it('shows what runs where, in promotion order, and the deployments', async () => {
    const listDeployments = jest.fn().mockResolvedValue(listing);
    await renderWith({ listDeployments });

    expect(listDeployments).toHaveBeenCalledWith({
      entityRef: 'component:default/checkout',
      limit: 10,
      offset: 0,
    });
    expect(await screen.findByText('What is where')).toBeInTheDocument();
    const environments = screen
      .getAllByText(/^(staging|production)$/)
      .map(cell => cell.textContent);
    // The current-versions card lists staging before production.
    expect(environments.slice(0, 2)).toEqual(['staging', 'production']);
    expect(screen.getByText('Rolled back')).toBeInTheDocument();
    expect(screen.getAllByText('Succeeded')).toHaveLength(2);
    expect(screen.getByText('argocd')).toBeInTheDocument();
    expect(
      await screen.findByText('3 in total, newest first'),
    ).toBeInTheDocument();
    expect(await screen.findByText('6 min 30 s')).toBeInTheDocument();
    // The first page is not fetched twice.
    expect(listDeployments).toHaveBeenCalledTimes(1);
  });

  it('fetches only the page of deployments it shows', async () => {
    const page = (offset: number): DeploymentListResponse => ({
      ...listing,
      totalCount: 25,
      items: Array.from({ length: 10 }, (_, index) => ({
        ...listing.items[0],
        id: `d${offset + index}`,
        version: `1.${offset + index}.0`,
      })),
    });
    const listDeployments = jest
      .fn()
      .mockImplementation(async (request: { offset: number }) =>
        page(request.offset),
      );
    await renderWith({ listDeployments });

    expect(await screen.findByText('1.0.0')).toBeInTheDocument();
    expect(listDeployments).toHaveBeenLastCalledWith({
      entityRef: 'component:default/checkout',
      limit: 10,
      offset: 0,
    });
    await userEvent.click(screen.getByRole('button', { name: 'Next page' }));

    expect(await screen.findByText('1.10.0')).toBeInTheDocument();
    expect(listDeployments).toHaveBeenLastCalledWith({
      entityRef: 'component:default/checkout',
      limit: 10,
      offset: 10,
    });
    expect(screen.queryByText('1.0.0')).not.toBeInTheDocument();
  });

  it('links each version to its deployment on the deploy timeline', async () => {
    await renderWith({ listDeployments: async () => listing });

    const deployments = await screen.findByRole('table', {
      name: 'Deployments',
    });
    const rolledBack = Array.from(deployments.querySelectorAll('a')).find(
      link => link.textContent === '1.4.0',
    );
    expect(rolledBack).toHaveAttribute(
      'href',
      '/catalog/default/component/checkout/deploy-timeline?deployment=d3',
    );
    const whatIsWhere = screen.getByRole('table', { name: 'What is where' });
    expect(
      Array.from(whatIsWhere.querySelectorAll('a')).map(link =>
        link.getAttribute('href'),
      ),
    ).toEqual([
      '/catalog/default/component/checkout/deploy-timeline?deployment=d2',
      '/catalog/default/component/checkout/deploy-timeline?deployment=d1',
    ]);
  });

  it('shows what the gates decided above the deployments', async () => {
    await renderWith(
      {
        listDeployments: async () => listing,
        gateCandidates: async () => checkoutCandidates,
        latestDecisions: async () => ({ items: [productionNo] }),
      },
      '1.4.0',
    );

    const gates = await screen.findByRole('region', {
      name: 'Can I deploy?',
    });
    const whatIsWhere = await screen.findByText('What is where');
    expect(
      gates.compareDocumentPosition(whatIsWhere) &
        Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
    await waitFor(() =>
      expect(
        gates.querySelector(
          '[data-environment-card="production"] [data-answer]',
        ),
      ).toHaveAttribute('data-answer', 'no'),
    );
    expect(
      gates.querySelector('[data-gate="release-checks"] [data-verdict]'),
    ).toHaveAttribute('data-verdict', 'fail');
  });

  it('rounds a duration to whole seconds before it carries into minutes', async () => {
    const [first] = listing.items;
    await renderWith({
      listDeployments: async () => ({
        ...listing,
        items: [
          {
            ...first,
            startedAt: '2026-11-20T10:00:00.000Z',
            finishedAt: '2026-11-20T10:08:59.600Z',
          },
        ],
        totalCount: 1,
      }),
    });

    expect(await screen.findByText('9 min')).toBeInTheDocument();
    expect(screen.queryByText(/60 ?s/)).not.toBeInTheDocument();
  });

  it('explains how CI asks the gates when none has evaluated the entity', async () => {
    await renderWith({ listDeployments: async () => listing });

    expect(
      await screen.findByText('No gate has evaluated this component yet'),
    ).toBeInTheDocument();
    // The deployments are still there below it.
    expect(await screen.findByText('What is where')).toBeInTheDocument();
  });

  it('explains an empty history instead of showing an empty table', async () => {
    await renderWith({
      listDeployments: async () => ({
        entityRef: 'component:default/checkout',
        items: [],
        totalCount: 0,
        currentVersions: [],
      }),
    });

    expect(
      await screen.findByText('No deployments recorded yet'),
    ).toBeInTheDocument();
  });

  it('says in words which entity the backend does not know', async () => {
    const response = new Response(
      JSON.stringify({
        error: {
          name: 'NotFoundError',
          message:
            'Entity component:default/checkout was not found in the catalog',
        },
        request: { method: 'GET', url: '/deployments' },
        response: { statusCode: 404 },
      }),
      { status: 404, headers: { 'content-type': 'application/json' } },
    );
    const error = await ResponseError.fromResponse(response);
    await renderWith({ listDeployments: async () => Promise.reject(error) });

    expect(
      await screen.findByText(
        /No entity component:default\/checkout in the catalog/,
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText(/Request failed/)).not.toBeInTheDocument();
  });
});
