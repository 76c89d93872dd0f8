import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { GateEffectivenessResponse } from '@can-i-deploy/plugin-quality-gates-common';
import { DateTime } from 'luxon';
import { Route, Routes, useLocation } from 'react-router-dom';
import {
  QualityGatesApi,
  qualityGatesApiRef,
} from '../../../api/QualityGatesApi';
import { gateHistoryRouteRef } from '../../../routes';
import { GateHistoryPage } from '../historyPage/GateHistoryPage';

const user = userEvent.setup({ delay: null });

jest.setTimeout(20_000);

function LocationProbe() {
  const location = useLocation();
  return <output aria-label="Current query">{location.search}</output>;
}

const counts = (
  trueBlocks: number,
  falseBlocks: number,
  misses: number,
  correctPasses: number,
  unknown: number,
  errors: number,
) => ({ trueBlocks, falseBlocks, misses, correctPasses, unknown, errors });

// The figures the backend computes from its hand-worked fixture.
const answer: GateEffectivenessResponse = {
  from: '2026-11-01T00:00:00.000Z',
  to: '2026-12-01T00:00:00.000Z',
  windowSeconds: 86400,
  gates: [
    {
      gateId: 'release-checks',
      gateTitle: 'Release checks',
      evaluations: 16,
      versions: 12,
      counts: counts(2, 1, 3, 3, 2, 1),
      sensitivity: 0.4,
      specificity: 0.75,
      criteria: [
        {
          key: 'error-ratio',
          source: 'prometheus',
          versions: 12,
          counts: counts(3, 1, 2, 3, 2, 1),
          sensitivity: 0.6,
          specificity: 0.75,
          noData: 0,
        },
        {
          key: 'ci',
          source: 'pipeline',
          versions: 12,
          counts: counts(0, 0, 5, 5, 1, 0),
          sensitivity: 0,
          specificity: 1,
          noData: 1,
        },
      ],
    },
    {
      gateId: 'smoke',
      gateTitle: 'Smoke tests',
      evaluations: 1,
      versions: 1,
      counts: counts(0, 0, 0, 0, 1, 0),
      sensitivity: null,
      specificity: null,
      criteria: [],
    },
  ],
  flaky: {
    items: [
      {
        gateId: 'release-checks',
        criterionKey: 'error-ratio',
        entityRef: 'component:default/checkout',
        environment: 'production',
        version: 'v8',
        evaluations: 4,
        passes: 2,
        fails: 2,
        flips: 3,
        lastEvaluatedAt: '2026-11-12T11:45:00.000Z',
      },
    ],
    totalCount: 140,
    limit: 100,
  },
};

function fakeApi() {
  return {
    getGateEffectiveness: jest.fn().mockResolvedValue(answer),
    listGateEvaluations: jest
      .fn()
      .mockResolvedValue({ items: [], totalCount: 0 }),
    exportGateEvaluations: jest.fn(),
    getGateEvaluation: jest.fn(),
  } satisfies Partial<QualityGatesApi>;
}

async function renderPage(api: Partial<QualityGatesApi>, url: string) {
  await renderInTestApp(
    <TestApiProvider apis={[[qualityGatesApiRef, api]]}>
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
}

const figures = (row: HTMLElement) =>
  Object.fromEntries(
    [...row.querySelectorAll('[data-figure]')].map(cell => [
      cell.getAttribute('data-figure'),
      cell.textContent,
    ]),
  );

const rowOf = (selector: string) => {
  const found = document.querySelector<HTMLElement>(selector);
  if (!found) throw new Error(`No row ${selector}`);
  return found;
};

describe('gate effectiveness on the history page', () => {
  it('asks for the page’s days and filters, and shows each gate with its criteria', async () => {
    const api = fakeApi();
    await renderPage(
      api,
      '/gate-history?view=effectiveness&gateId=release-checks&owner=checkout-team&environment=staging&from=2026-11-01&to=2026-11-30',
    );
    await screen.findByRole('table', { name: 'Gate effectiveness' });

    // The last day is included; environment is not a filter of this view.
    expect(api.getGateEffectiveness).toHaveBeenCalledWith({
      from: DateTime.fromISO('2026-11-01').toUTC().toISO(),
      to: DateTime.fromISO('2026-12-01').toUTC().toISO(),
      gateId: 'release-checks',
      owner: 'checkout-team',
    });
    expect(api.listGateEvaluations).not.toHaveBeenCalled();
    const filters = screen.getByRole('search', { name: 'Filters' });
    expect(within(filters).queryByLabelText('Environment')).toBeNull();
    expect(within(filters).getByLabelText('Gate')).toHaveValue(
      'release-checks',
    );
    expect(screen.getByText('Nov 1, 2026 – Nov 30, 2026')).toBeInTheDocument();

    const release = rowOf(
      'tr[data-gate="release-checks"]:not([data-criterion])',
    );
    expect(release).toHaveTextContent('Release checks');
    expect(release).toHaveTextContent('16 evaluations');
    expect(figures(release)).toEqual({
      versions: '12',
      trueBlocks: '2',
      falseBlocks: '1',
      misses: '3',
      correctPasses: '3',
      unknown: '2',
      errors: '1',
      noData: '—',
      sensitivity: '40%',
      specificity: '75%',
    });
    // Nothing to divide: a dash, not 0 %.
    expect(figures(rowOf('tr[data-gate="smoke"]'))).toMatchObject({
      sensitivity: '—',
      specificity: '—',
    });
    expect(
      screen.getByText(/within 24 h after it shipped/),
    ).toBeInTheDocument();

    // Criteria open under their gate.
    expect(document.querySelector('tr[data-criterion]')).toBeNull();
    await user.click(
      screen.getByRole('button', {
        name: 'Show the criteria of Release checks',
      }),
    );
    expect(
      screen.getByRole('button', {
        name: 'Hide the criteria of Release checks',
      }),
    ).toHaveAttribute('aria-expanded', 'true');
    expect(figures(rowOf('tr[data-criterion="error-ratio"]'))).toEqual({
      versions: '12',
      trueBlocks: '3',
      falseBlocks: '1',
      misses: '2',
      correctPasses: '3',
      unknown: '2',
      errors: '1',
      noData: '0',
      sensitivity: '60%',
      specificity: '75%',
    });
    const ci = rowOf('tr[data-criterion="ci"]');
    expect(ci).toHaveTextContent('pipeline');
    expect(figures(ci)).toMatchObject({
      misses: '5',
      noData: '1',
      sensitivity: '0%',
      specificity: '100%',
    });
  });

  it('lists flaky criteria with their counts and says when there are more', async () => {
    const api = fakeApi();
    await renderPage(
      api,
      '/gate-history?view=effectiveness&from=2026-11-01&to=2026-11-30',
    );
    const table = await screen.findByRole('table', { name: 'Flaky criteria' });
    const flaky = within(table).getAllByRole('row')[1];
    expect(
      [...flaky.querySelectorAll('td')].slice(0, 9).map(c => c.textContent),
    ).toEqual([
      'release-checks',
      'error-ratio',
      'checkout',
      'production',
      'v8',
      '4',
      '2',
      '2',
      '3',
    ]);
    expect(
      within(flaky).getByRole('link', { name: 'checkout' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/checkout/quality-gates',
    );
    expect(
      screen.getByText('The 1 with the most flips of 140.'),
    ).toBeInTheDocument();
  });

  it('opens from the evaluations tab, keeps the view in the URL, and fills in an open period', async () => {
    const api = fakeApi();
    await renderPage(
      api,
      '/gate-history?view=evaluations&gateId=release-checks',
    );
    await screen.findByRole('table', { name: 'Gate evaluations' });
    expect(api.getGateEffectiveness).not.toHaveBeenCalled();

    await user.click(screen.getByRole('tab', { name: 'Effectiveness' }));
    await screen.findByRole('table', { name: 'Gate effectiveness' });
    expect(
      Object.fromEntries(
        new URLSearchParams(
          screen.getByRole('status', { name: 'Current query' }).textContent!,
        ),
      ),
    ).toEqual({ gateId: 'release-checks', view: 'effectiveness' });

    // No days chosen: through today, 30 days back.
    const request = api.getGateEffectiveness.mock.calls[0][0];
    const to = DateTime.local().plus({ days: 1 }).startOf('day');
    expect(request).toEqual({
      from: to.minus({ days: 30 }).toUTC().toISO(),
      to: to.toUTC().toISO(),
      gateId: 'release-checks',
    });
    expect(screen.getByText(/days left open/)).toBeInTheDocument();

    // Clearing the filters stays on this view.
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() =>
      expect(
        screen.getByRole('status', { name: 'Current query' }),
      ).toHaveTextContent('?view=effectiveness'),
    );
  });

  it('shows the backend’s message when it refuses the period', async () => {
    const api = fakeApi();
    api.getGateEffectiveness.mockRejectedValue(
      new Error('from must be before to'),
    );
    await renderPage(
      api,
      '/gate-history?view=effectiveness&from=2026-11-30&to=2026-11-01',
    );
    expect(
      await screen.findByText('Error: from must be before to', {
        selector: 'h6',
      }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('table', { name: 'Gate effectiveness' }),
    ).toBeNull();
  });
});
