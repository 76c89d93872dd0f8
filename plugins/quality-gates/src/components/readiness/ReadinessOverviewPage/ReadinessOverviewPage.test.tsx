import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { useLocation } from 'react-router-dom';
import {
  QualityGatesApi,
  qualityGatesApiRef,
} from '../../../api/QualityGatesApi';
import {
  checkInfos,
  levels,
  overviewGroupsByOwner,
  overviewResponse,
} from '../__testUtils__/readinessFixtures';
import { ReadinessOverviewPage } from './ReadinessOverviewPage';

const user = userEvent.setup({ delay: null });

/** Shows the page's URL query, to check that filters can be shared as a link. */
function LocationProbe() {
  const location = useLocation();
  return <output aria-label="Current query">{location.search}</output>;
}

// The API is the page's boundary: the client is tested against a real HTTP
// server, and the whole page against the real backend in the browser test.
function fakeApi() {
  return {
    getReadinessChecks: jest
      .fn()
      .mockResolvedValue({ levels, checks: checkInfos }),
    getReadinessOverview: jest.fn().mockResolvedValue(overviewResponse),
    getReadinessOverviewGroups: jest
      .fn()
      .mockResolvedValue(overviewGroupsByOwner),
    exportReadinessOverview: jest
      .fn()
      .mockResolvedValue(new Blob(['entityRef\r\n'], { type: 'text/csv' })),
  } satisfies Partial<QualityGatesApi>;
}

async function renderPage(api: Partial<QualityGatesApi>, url = '/readiness') {
  await renderInTestApp(
    <TestApiProvider apis={[[qualityGatesApiRef, api]]}>
      <ReadinessOverviewPage />
      <LocationProbe />
    </TestApiProvider>,
    {
      routeEntries: [url],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
  await screen.findByRole('table', { name: 'Readiness of every entity' });
}

const lastOverviewRequest = (api: ReturnType<typeof fakeApi>) =>
  api.getReadinessOverview.mock.calls[
    api.getReadinessOverview.mock.calls.length - 1
  ][0];

const currentQuery = () =>
  screen.getByRole('status', { name: 'Current query' }).textContent;

const filters = () => screen.getByRole('search', { name: 'Filters' });

async function choose(filter: RegExp, option: string) {
  await user.click(within(filters()).getByRole('button', { name: filter }));
  await user.click(await screen.findByRole('option', { name: option }));
}

describe('ReadinessOverviewPage', () => {
  it('lists every entity with its level, score and failing checks, new ones first', async () => {
    const api = fakeApi();
    await renderPage(api);

    // No sort chosen: the backend's default order, new entities first.
    expect(lastOverviewRequest(api)).toEqual({ limit: 25, offset: 0 });
    expect(screen.getByText('60 entities')).toBeInTheDocument();
    expect(screen.getByText(/New entities first/)).toBeInTheDocument();

    const rows = screen.getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    const [indexer, checkout] = rows;
    expect(
      within(indexer).getByRole('link', { name: 'Search indexer' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/search-indexer/readiness',
    );
    expect(within(indexer).getByText('New')).toBeInTheDocument();
    expect(within(indexer).getByText('No level')).toBeInTheDocument();
    expect(within(indexer).getByText('0%')).toBeInTheDocument();
    expect(within(indexer).getByText('Owned by a team')).toBeInTheDocument();
    expect(
      within(indexer).getByText('Alerts with instructions'),
    ).toBeInTheDocument();
    expect(
      within(indexer).getByRole('link', { name: 'search-team' }),
    ).toHaveAttribute('href', '/catalog/default/group/search-team');

    expect(within(checkout).queryByText('New')).not.toBeInTheDocument();
    expect(within(checkout).getByText('Gold')).toBeInTheDocument();
    expect(within(checkout).getByText('100%')).toBeInTheDocument();
  });

  it('narrows the overview to a failing check when its chip is clicked', async () => {
    const api = fakeApi();
    await renderPage(api);
    const [indexer] = screen.getAllByRole('row').slice(1);

    await userEvent.click(
      within(indexer).getByRole('button', { name: 'Owned by a team' }),
    );

    await waitFor(() =>
      expect(lastOverviewRequest(api)).toEqual({
        failingCheck: 'owner',
        limit: 25,
        offset: 0,
      }),
    );
    expect(
      within(filters()).getByRole('button', { name: /^Failing check/ }),
    ).toHaveTextContent('Owned by a team');
  });

  it('reads its filters from a shared link', async () => {
    const api = fakeApi();
    await renderPage(
      api,
      '/readiness?lifecycle=experimental&failingCheck=owner&sort=score&order=desc&page=2',
    );

    expect(lastOverviewRequest(api)).toEqual({
      lifecycle: 'experimental',
      failingCheck: 'owner',
      sort: 'score',
      order: 'desc',
      limit: 25,
      offset: 25,
    });
    expect(
      within(filters()).getByRole('button', { name: /^Failing check/ }),
    ).toHaveTextContent('Owned by a team');
  });

  it('asks the API again when a filter changes and puts it in the URL', async () => {
    const api = fakeApi();
    await renderPage(api);

    await choose(/^Lifecycle/, 'experimental');
    await waitFor(() =>
      expect(lastOverviewRequest(api)).toEqual({
        lifecycle: 'experimental',
        limit: 25,
        offset: 0,
      }),
    );

    await choose(/^Failing check/, 'Owned by a team');
    await choose(/^Level/, 'No level');
    await choose(/^Owner/, 'search-team');
    await waitFor(() =>
      expect(lastOverviewRequest(api)).toEqual({
        lifecycle: 'experimental',
        failingCheck: 'owner',
        level: 'none',
        owner: 'group:default/search-team',
        limit: 25,
        offset: 0,
      }),
    );

    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'index');
    await waitFor(() => expect(lastOverviewRequest(api).q).toBe('index'));

    const query = new URLSearchParams(currentQuery() ?? '');
    expect(Object.fromEntries(query)).toEqual({
      lifecycle: 'experimental',
      failingCheck: 'owner',
      level: 'none',
      owner: 'group:default/search-team',
      q: 'index',
    });

    await user.click(
      screen.getByRole('button', { name: 'Clear filters and sort' }),
    );
    await waitFor(() =>
      expect(lastOverviewRequest(api)).toEqual({ limit: 25, offset: 0 }),
    );
    expect(currentQuery()).toBe('');
  });

  it('groups by owner: levels and worst check per group, kept in the URL', async () => {
    const api = fakeApi();
    await renderPage(api, '/readiness?lifecycle=production');

    await user.click(screen.getByRole('button', { name: /^Group by/ }));
    await user.click(await screen.findByRole('option', { name: 'Owner' }));

    const table = await screen.findByRole('table', {
      name: 'Readiness by owner',
    });
    // The page's filters narrow the groups; the order of rows does not apply.
    expect(api.getReadinessOverviewGroups).toHaveBeenLastCalledWith('owner', {
      lifecycle: 'production',
    });
    expect(
      Object.fromEntries(new URLSearchParams(currentQuery() ?? '')),
    ).toEqual({ lifecycle: 'production', groupBy: 'owner' });

    const [team, none] = within(table).getAllByRole('row').slice(1);
    expect(
      within(team).getByRole('img', { name: /Readiness levels/ }),
    ).toHaveAccessibleName(
      'Readiness levels of 3 components: 1 Gold, 1 Bronze, 1 No level',
    );
    expect(team).toHaveTextContent('Alerts with instructions (2 of 3)');
    expect(none).toHaveTextContent('No owner');
    expect(none).toHaveTextContent('–');

    // Choosing a group shows its entities: the overview filtered to it.
    await user.click(
      within(team).getByRole('button', { name: 'checkout-team' }),
    );
    await screen.findByRole('table', { name: 'Readiness of every entity' });
    await waitFor(() =>
      expect(lastOverviewRequest(api)).toEqual({
        lifecycle: 'production',
        owner: 'group:default/checkout-team',
        limit: 25,
        offset: 0,
      }),
    );
    expect(
      Object.fromEntries(new URLSearchParams(currentQuery() ?? '')),
    ).toEqual({
      lifecycle: 'production',
      owner: 'group:default/checkout-team',
    });
  });

  it('reads the grouping and the system filter from a shared link', async () => {
    const api = fakeApi();
    api.getReadinessOverviewGroups.mockResolvedValue({
      ...overviewGroupsByOwner,
      groupBy: 'system',
    });
    await renderInTestApp(
      <TestApiProvider apis={[[qualityGatesApiRef, api]]}>
        <ReadinessOverviewPage />
      </TestApiProvider>,
      {
        routeEntries: [
          '/readiness?groupBy=system&system=system:default/webshop',
        ],
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      },
    );

    const table = await screen.findByRole('table', {
      name: 'Readiness by system',
    });
    expect(api.getReadinessOverviewGroups).toHaveBeenCalledWith('system', {
      system: 'system:default/webshop',
    });
    expect(
      within(filters()).getByRole('button', { name: /^System/ }),
    ).toHaveTextContent('webshop');
    expect(within(table).getAllByRole('row')[2]).toHaveTextContent('No system');
  });

  it('sorts on the server when a column header is clicked, and pages', async () => {
    const api = fakeApi();
    await renderPage(api);

    await user.click(screen.getByRole('button', { name: 'Score' }));
    await waitFor(() =>
      expect(lastOverviewRequest(api)).toEqual({
        sort: 'score',
        order: 'asc',
        limit: 25,
        offset: 0,
      }),
    );
    await user.click(screen.getByRole('button', { name: 'Score' }));
    await waitFor(() => expect(lastOverviewRequest(api).order).toBe('desc'));

    await user.click(screen.getByRole('button', { name: 'Next page' }));
    await waitFor(() =>
      expect(lastOverviewRequest(api)).toEqual({
        sort: 'score',
        order: 'desc',
        limit: 25,
        offset: 25,
      }),
    );
    expect(currentQuery()).toBe('?sort=score&order=desc&page=2');
  });

  it('downloads the CSV export with the same filters and sort', async () => {
    const api = fakeApi();
    const createObjectURL = jest.fn(() => 'blob:readiness');
    const revokeObjectURL = jest.fn();
    // jsdom has no object URLs; the browser test downloads for real.
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const clicked: HTMLAnchorElement[] = [];
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(function record(this: HTMLAnchorElement) {
        clicked.push(this);
      });

    try {
      await renderPage(api, '/readiness?lifecycle=production&sort=level');
      await user.click(screen.getByRole('button', { name: 'Download CSV' }));

      await waitFor(() => expect(clicked).toHaveLength(1));
      expect(api.exportReadinessOverview).toHaveBeenCalledWith({
        lifecycle: 'production',
        sort: 'level',
        order: 'asc',
      });
      expect(createObjectURL).toHaveBeenCalledWith(expect.any(Blob));
      expect(clicked[0].getAttribute('href')).toBe('blob:readiness');
      expect(clicked[0].download).toMatch(/^readiness-\d{4}-\d{2}-\d{2}\.csv$/);
      await waitFor(() =>
        expect(revokeObjectURL).toHaveBeenCalledWith('blob:readiness'),
      );
    } finally {
      click.mockRestore();
    }
  });
});
