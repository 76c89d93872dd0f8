import { screen, within } from '@testing-library/react';
import { Entity } from '@backstage/catalog-model';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { TableColumn } from '@backstage/core-components';
import { CatalogTable, CatalogTableRow } from '@backstage/plugin-catalog';
import {
  entityRouteRef,
  starredEntitiesApiRef,
  MockStarredEntitiesApi,
} from '@backstage/plugin-catalog-react';
import { MockEntityListContextProvider } from '@backstage/plugin-catalog-react/testUtils';
import { QualityGatesApi, qualityGatesApiRef } from '../../api/QualityGatesApi';
import { gateHistoryRouteRef } from '../../routes';
import { levels } from '../readiness/__testUtils__/readinessFixtures';
import { createQualityGatesCatalogColumns } from './createQualityGatesCatalogColumns';

// The columns in the catalog plugin's own table, with a page of rows. The
// quality-gates API is faked (no backend here); the client's request is
// tested against a real HTTP server with the other client tests.

const component = (name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default' },
  spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
});

const NAMES = Array.from({ length: 20 }, (_, i) => `service-${i}`);

function fakeColumnsApi() {
  return {
    getCatalogColumns: jest.fn(async (entityRefs: string[]) => ({
      environment: 'production',
      levels,
      // The backend leaves out what the caller cannot see: service-1 here.
      items: entityRefs
        .filter(ref => ref !== 'component:default/service-1')
        .map(entityRef =>
          entityRef === 'component:default/service-0'
            ? {
                entityRef,
                readiness: { level: levels[1].id, score: 80 },
                decision: {
                  id: 'decision-0',
                  version: '1.2.3',
                  answer: 'not_yet' as const,
                  decidedAt: '2026-12-01T10:00:00.000Z',
                },
              }
            : { entityRef },
        ),
    })),
  } satisfies Partial<QualityGatesApi>;
}

async function renderCatalogTable(api: ReturnType<typeof fakeColumnsApi>) {
  // Typed as the catalog wants its columns: they fit its rows.
  const columns: TableColumn<CatalogTableRow>[] = [
    CatalogTable.columns.createNameColumn(),
    ...createQualityGatesCatalogColumns<CatalogTableRow>(),
  ];
  const entities = NAMES.map(component);
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [qualityGatesApiRef, api],
        [starredEntitiesApiRef, new MockStarredEntitiesApi()],
      ]}
    >
      <MockEntityListContextProvider
        value={{ entities, totalItems: entities.length }}
      >
        <CatalogTable columns={columns} tableOptions={{ pageSize: 20 }} />
      </MockEntityListContextProvider>
    </TestApiProvider>,
    {
      mountedRoutes: {
        '/catalog/:namespace/:kind/:name': entityRouteRef,
        '/gate-history': gateHistoryRouteRef,
      },
    },
  );
}

describe('createQualityGatesCatalogColumns', () => {
  it('loads a page of rows with one request and links level and decision', async () => {
    const api = fakeColumnsApi();
    await renderCatalogTable(api);

    const level = await screen.findByRole('link', {
      name: `Readiness: ${levels[1].title}`,
    });
    expect(level).toHaveAttribute(
      'href',
      '/catalog/default/component/service-0/readiness',
    );
    const decision = screen.getByRole('link', {
      name: 'Last decision: Not yet',
    });
    expect(decision).toHaveAttribute(
      'href',
      '/gate-history/decisions/decision-0',
    );

    // Both columns of all 20 rows: one request.
    expect(api.getCatalogColumns).toHaveBeenCalledTimes(1);
    expect(api.getCatalogColumns.mock.calls[0][0]).toHaveLength(NAMES.length);
    expect(api.getCatalogColumns.mock.calls[0][0]).toContain(
      'component:default/service-19',
    );
  });

  it('says what a row has no data for, and hides nothing of the table', async () => {
    await renderCatalogTable(fakeColumnsApi());

    const row = (await screen.findByText('service-2')).closest('tr')!;
    expect(await within(row).findByText('Not evaluated')).toBeInTheDocument();
    expect(within(row).getByText('Not asked yet')).toBeInTheDocument();
    // The hidden entity's row is the catalog's: it stays, without our data.
    const hidden = screen.getByText('service-1').closest('tr')!;
    expect(within(hidden).getByText('Not evaluated')).toBeInTheDocument();
  });

  it('shows a failed load in the cells, not as a broken table', async () => {
    const api = fakeColumnsApi();
    api.getCatalogColumns.mockRejectedValue(new Error('Backend is down'));
    await renderCatalogTable(api);

    expect(await screen.findAllByText('Unavailable')).toHaveLength(
      NAMES.length * 2,
    );
    expect(screen.getByText('service-19')).toBeInTheDocument();
  });
});
