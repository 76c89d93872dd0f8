import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { DateTime } from 'luxon';
import { Route, Routes, useLocation } from 'react-router-dom';
import {
  QualityGatesApi,
  qualityGatesApiRef,
} from '../../../api/QualityGatesApi';
import {
  dryRunFreeze,
  evaluation,
  overriddenEvaluation,
  PROMETHEUS_LINK,
} from '../__testUtils__/gateFixtures';
import { gateHistoryRouteRef } from '../../../routes';
import { permissionApiAllowing } from '../../__testUtils__/permissionApi';
import { GateHistoryPage } from './GateHistoryPage';

const user = userEvent.setup({ delay: null });

// Menus, dialogs and typing are slow on a busy machine.
jest.setTimeout(20_000);

/** Shows the page's URL query, to check that filters can be shared as a link. */
function LocationProbe() {
  const location = useLocation();
  return <output aria-label="Current query">{location.search}</output>;
}

// The API is the page's boundary: the client is tested against a real HTTP
// server, and the whole page against the real backend in the browser test.
function fakeApi() {
  return {
    listGateEvaluations: jest.fn().mockResolvedValue({
      items: [evaluation(), overriddenEvaluation, dryRunFreeze],
      totalCount: 60,
    }),
    exportGateEvaluations: jest
      .fn()
      .mockResolvedValue(new Blob(['id\r\n'], { type: 'text/csv' })),
    getGateEvaluation: jest.fn(),
    listDecisions: jest.fn().mockResolvedValue({ items: [], total: 0 }),
  } satisfies Partial<QualityGatesApi>;
}

// The evaluations view; the decisions are the page's first view.
const EVALUATIONS = '/gate-history?view=evaluations';

async function renderPage(
  api: Partial<QualityGatesApi>,
  url = EVALUATIONS,
  table = 'Gate evaluations',
) {
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [qualityGatesApiRef, api],
        // Nothing is allowed: an opened evaluation offers no pinning.
        [permissionApiRef, permissionApiAllowing([]).api],
      ]}
    >
      <Routes>
        <Route path="/gate-history/*" element={<GateHistoryPage />} />
      </Routes>
      <LocationProbe />
    </TestApiProvider>,
    {
      routeEntries: [url],
      mountedRoutes: {
        '/catalog/:namespace/:kind/:name': entityRouteRef,
        '/gate-history': gateHistoryRouteRef,
      },
    },
  );
  // hidden: a dialog opened by the link hides the page behind it.
  await screen.findByRole('table', { name: table, hidden: true });
}

const lastRequest = (api: ReturnType<typeof fakeApi>) =>
  api.listGateEvaluations.mock.calls[
    api.listGateEvaluations.mock.calls.length - 1
  ][0];

const currentQuery = () =>
  Object.fromEntries(
    new URLSearchParams(
      screen.getByRole('status', { name: 'Current query' }).textContent ?? '',
    ),
  );

const filters = () => screen.getByRole('search', { name: 'Filters' });

async function choose(filter: RegExp, option: string) {
  await user.click(within(filters()).getByRole('button', { name: filter }));
  await user.click(await screen.findByRole('option', { name: option }));
}

function row(evaluationId: string): HTMLElement {
  const found = document.querySelector<HTMLElement>(
    `tr[data-evaluation="${evaluationId}"]`,
  );
  if (!found) throw new Error(`No row for ${evaluationId}`);
  return found;
}

describe('GateHistoryPage', () => {
  it('lists evaluations with their verdicts, overrides and links to the entity tab', async () => {
    const api = fakeApi();
    await renderPage(api);

    expect(lastRequest(api)).toEqual({ limit: 25, offset: 0 });
    expect(screen.getByText('60 evaluations')).toBeInTheDocument();
    expect(screen.getAllByRole('row').slice(1)).toHaveLength(3);

    const failed = row('ev-prod-release');
    expect(
      within(failed).getByRole('link', { name: 'checkout' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/checkout/quality-gates',
    );
    expect(failed.querySelector('[data-verdict]')).toHaveAttribute(
      'data-verdict',
      'fail',
    );
    expect(failed).toHaveTextContent('Release checks');
    // Names stay on one line, whole in their tooltip.
    expect(within(failed).getByTitle('Release checks')).toHaveStyle({
      whiteSpace: 'nowrap',
      textOverflow: 'ellipsis',
    });
    expect(failed).toHaveTextContent('1.4.0');
    expect(failed).toHaveTextContent('60%');
    expect(failed).not.toHaveTextContent('acts as');

    const overridden = row('ev-overridden');
    expect(
      within(overridden).getByRole('link', { name: 'payments' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/payments/quality-gates',
    );
    expect(overridden).toHaveTextContent('pass by user:default/jane');
    expect(overridden).toHaveTextContent(
      /Fail — overridden to pass by user:default\/jane until .*; acts as pass/,
    );

    expect(row('ev-prod-freeze')).toHaveTextContent(
      'Fail — dry-run, not enforced; acts as pass',
    );
  });

  it('reads its filters from a shared link', async () => {
    const api = fakeApi();
    await renderPage(
      api,
      `${EVALUATIONS}&gateId=release-checks&owner=checkout-team&verdict=error&overridden=yes&from=2026-11-01&to=2026-11-30&page=3`,
    );

    expect(lastRequest(api)).toEqual({
      gateId: 'release-checks',
      owner: 'checkout-team',
      verdict: 'error',
      overridden: true,
      from: DateTime.fromISO('2026-11-01').toUTC().toISO(),
      to: DateTime.fromISO('2026-12-01').toUTC().toISO(),
      limit: 25,
      offset: 50,
    });
    expect(
      within(filters()).getByRole('button', { name: /^Verdict/ }),
    ).toHaveTextContent('Error');
    expect(within(filters()).getByLabelText('Gate')).toHaveValue(
      'release-checks',
    );
  });

  it('asks the API again when a filter changes and puts it in the URL', async () => {
    const api = fakeApi();
    await renderPage(api);

    await choose(/^Verdict/, 'Fail');
    await waitFor(() =>
      expect(lastRequest(api)).toEqual({
        verdict: 'fail',
        limit: 25,
        offset: 0,
      }),
    );

    await choose(/^Override/, 'Not overridden');
    // Suggestion fields apply what is typed on Enter.
    await user.type(
      within(filters()).getByLabelText('Gate'),
      'release-checks{enter}',
    );
    await user.type(
      within(filters()).getByLabelText('Environment'),
      'production{enter}',
    );
    await user.type(
      within(filters()).getByLabelText('Owner'),
      'checkout-team{enter}',
    );
    // From and To wrap together, never To alone.
    const days = within(filters()).getByRole('group', { name: 'Days' });
    expect(within(days).getByLabelText('To')).toBeInTheDocument();
    expect(days).toHaveStyle({ flexWrap: 'nowrap' });
    fireEvent.change(within(days).getByLabelText('From'), {
      target: { value: '2026-11-01' },
    });
    await waitFor(() =>
      expect(lastRequest(api)).toEqual({
        verdict: 'fail',
        overridden: false,
        gateId: 'release-checks',
        environment: 'production',
        owner: 'checkout-team',
        from: DateTime.fromISO('2026-11-01').toUTC().toISO(),
        limit: 25,
        offset: 0,
      }),
    );
    expect(currentQuery()).toEqual({
      verdict: 'fail',
      overridden: 'no',
      gateId: 'release-checks',
      environment: 'production',
      owner: 'checkout-team',
      from: '2026-11-01',
      view: 'evaluations',
    });

    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() =>
      expect(lastRequest(api)).toEqual({ limit: 25, offset: 0 }),
    );
    expect(currentQuery()).toEqual({ view: 'evaluations' });
    expect(within(filters()).getByLabelText('Gate')).toHaveValue('');
  });

  it('pages on the server', async () => {
    const api = fakeApi();
    await renderPage(api, `${EVALUATIONS}&verdict=pass`);

    await user.click(screen.getByRole('button', { name: 'Next page' }));
    await waitFor(() =>
      expect(lastRequest(api)).toEqual({
        verdict: 'pass',
        limit: 25,
        offset: 25,
      }),
    );
    expect(currentQuery()).toEqual({
      verdict: 'pass',
      page: '2',
      view: 'evaluations',
    });
  });

  it('opens an evaluation with its evidence when its row is clicked', async () => {
    const api = fakeApi();
    await renderPage(api);

    await user.click(
      within(row('ev-prod-release')).getByText('Release checks'),
    );
    const dialog = await screen.findByRole('dialog');
    // The row already holds the whole evaluation: no second request.
    expect(api.getGateEvaluation).not.toHaveBeenCalled();
    expect(dialog).toHaveTextContent('Release checks in production');
    expect(
      within(dialog).getByRole('link', { name: /Can I deploy\?/ }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/checkout/quality-gates',
    );
    const errorRatio = dialog.querySelector('[data-criterion="error-ratio"]')!;
    expect(errorRatio).toHaveTextContent('Observed0.03123');
    expect(
      within(errorRatio as HTMLElement).getByRole('link', {
        name: /^Open in Prometheus/,
      }),
    ).toHaveAttribute('href', PROMETHEUS_LINK);

    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );

    // The entity link goes to the tab without opening the dialog.
    await user.click(
      within(row('ev-overridden')).getByRole('button', { name: 'Details' }),
    );
    expect(await screen.findByRole('dialog')).toHaveTextContent(
      'The error spike is the load test, not the release',
    );
  });

  it('opens the evaluation a link names, and forgets it when closed', async () => {
    const api = fakeApi();
    api.getGateEvaluation.mockResolvedValue(overriddenEvaluation);
    // An old link: the decisions view opens the evaluation it names.
    await renderPage(
      api,
      '/gate-history?evaluation=ev-overridden',
      'Gate decisions',
    );

    const dialog = await screen.findByRole('dialog');
    expect(api.getGateEvaluation).toHaveBeenCalledWith('ev-overridden');
    expect(dialog).toHaveTextContent(
      'The error spike is the load test, not the release',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(
      screen.getByRole('status', { name: 'Current query' }),
    ).not.toHaveTextContent('evaluation=');
  });

  it('downloads the CSV export with the same filters', async () => {
    const api = fakeApi();
    const createObjectURL = jest.fn(() => 'blob:gates');
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
      await renderPage(
        api,
        `${EVALUATIONS}&verdict=fail&environment=production&page=2`,
      );
      await user.click(screen.getByRole('button', { name: 'Download CSV' }));

      await waitFor(() => expect(clicked).toHaveLength(1));
      // Every matching row: the page is not a filter.
      expect(api.exportGateEvaluations).toHaveBeenCalledWith({
        verdict: 'fail',
        environment: 'production',
      });
      expect(createObjectURL).toHaveBeenCalledWith(expect.any(Blob));
      expect(clicked[0].getAttribute('href')).toBe('blob:gates');
      expect(clicked[0].download).toMatch(
        /^gate-evaluations-\d{4}-\d{2}-\d{2}\.csv$/,
      );
      await waitFor(() =>
        expect(revokeObjectURL).toHaveBeenCalledWith('blob:gates'),
      );
    } finally {
      click.mockRestore();
    }
  });
});
