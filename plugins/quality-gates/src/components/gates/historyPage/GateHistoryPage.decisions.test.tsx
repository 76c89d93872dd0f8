import { ResponseError } from '@backstage/errors';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { InMemoryCatalogClient } from '@backstage/catalog-client/testUtils';
import { Entity } from '@backstage/catalog-model';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { Route, Routes, useLocation } from 'react-router-dom';
import {
  QualityGatesApi,
  qualityGatesApiRef,
} from '../../../api/QualityGatesApi';
import { gateHistoryRouteRef } from '../../../routes';
import { permissionApiAllowing } from '../../__testUtils__/permissionApi';
import {
  productionNo,
  productionOverridden,
  stagingError,
  summaryOf,
} from '../__testUtils__/decisionFixtures';
import { overriddenEvaluation } from '../__testUtils__/gateFixtures';
import { GateHistoryPage } from './GateHistoryPage';

const user = userEvent.setup({ delay: null });

// Menus and typing are slow on a busy machine.
jest.setTimeout(30_000);

function LocationProbe() {
  const location = useLocation();
  return (
    <output aria-label="Current location">
      {location.pathname}
      {location.search}
    </output>
  );
}

function entity(kind: string, name: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name, namespace: 'default' },
    spec: {},
  };
}

// A real in-memory catalog suggests entities and owners.
const catalog = new InMemoryCatalogClient({
  entities: [
    entity('Component', 'checkout'),
    entity('Component', 'payments'),
    entity('Group', 'checkout-team'),
  ],
});

function fakeApi() {
  return {
    listDecisions: jest.fn().mockResolvedValue({
      items: [
        summaryOf(productionOverridden),
        summaryOf(productionNo),
        summaryOf(stagingError),
      ],
      total: 40,
    }),
    getDecision: jest.fn().mockResolvedValue(productionNo),
    getGateEvaluation: jest.fn().mockResolvedValue({
      ...overriddenEvaluation,
      decisionId: 'dec-prod-no',
    }),
    listOverrides: jest.fn().mockResolvedValue({ items: [] }),
    evaluateGates: jest.fn(),
  } satisfies Partial<QualityGatesApi>;
}

async function renderPage(api: Partial<QualityGatesApi>, url: string) {
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [qualityGatesApiRef, api],
        [catalogApiRef, catalog],
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
}

const lastRequest = (api: ReturnType<typeof fakeApi>) =>
  api.listDecisions.mock.calls[api.listDecisions.mock.calls.length - 1][0];

function row(decisionId: string): HTMLElement {
  const found = document.querySelector<HTMLElement>(
    `tr[data-decision="${decisionId}"]`,
  );
  if (!found) throw new Error(`No row for ${decisionId}`);
  return found;
}

const filters = () => screen.getByRole('search', { name: 'Filters' });

describe('GateHistoryPage decisions', () => {
  it('lists one row per decision with its answer, sentence, time and trigger', async () => {
    const api = fakeApi();
    await renderPage(api, '/gate-history');

    await screen.findByRole('table', { name: 'Gate decisions' });
    expect(lastRequest(api)).toEqual(
      expect.objectContaining({ limit: 25, offset: 0 }),
    );
    expect(screen.getByText('40 decisions')).toBeInTheDocument();

    const no = row('dec-prod-no');
    expect(no.querySelector('[data-answer]')).toHaveAttribute(
      'data-answer',
      'no',
    );
    expect(no).toHaveTextContent('production');
    expect(no).toHaveTextContent('1.4.0');
    expect(no).toHaveTextContent(productionNo.sentence);
    expect(no).toHaveTextContent('CI (ci-bot)');
    expect(no.querySelector('time')?.closest('[title]')).toHaveAttribute(
      'title',
      expect.stringMatching(/2026/),
    );
    expect(within(no).getByRole('link', { name: 'checkout' })).toHaveAttribute(
      'href',
      '/catalog/default/component/checkout/quality-gates?version=1.4.0',
    );
    expect(within(no).getByRole('link', { name: 'Open' })).toHaveAttribute(
      'href',
      '/gate-history/decisions/dec-prod-no',
    );
    expect(row('dec-staging-error')).toHaveTextContent('schedule');
  });

  it('expands a decision to its gates, dry-run and overrides marked', async () => {
    const api = fakeApi();
    await renderPage(api, '/gate-history');
    await screen.findByRole('table', { name: 'Gate decisions' });

    expect(
      document.querySelector('[data-gates-of="dec-prod-overridden"]'),
    ).toBeNull();
    await user.click(
      within(row('dec-prod-overridden')).getByRole('button', {
        name: 'Show its gates',
      }),
    );
    const gates = document.querySelector<HTMLElement>(
      '[data-gates-of="dec-prod-overridden"]',
    )!;
    expect(gates).toHaveTextContent('Release checks');
    expect(
      gates.querySelector(
        '[data-gate="release-checks"] [data-role="overridden"]',
      ),
    ).toHaveTextContent(
      /fail, overridden by jane because The error spike is the load test, until/,
    );
    expect(
      gates.querySelector('[data-gate="weekend-freeze"]'),
    ).toHaveTextContent('Dry run · not enforced');

    // A click on the row folds it again.
    await user.click(within(row('dec-prod-overridden')).getByText('1.4.0'));
    expect(
      document.querySelector('[data-gates-of="dec-prod-overridden"]'),
    ).toBeNull();
  });

  it('filters by a catalog entity, owner, gate, environment and answer, kept in the URL', async () => {
    const api = fakeApi();
    await renderPage(api, '/gate-history');
    await screen.findByRole('table', { name: 'Gate decisions' });

    await user.type(within(filters()).getByLabelText('Entity'), 'pay');
    await user.click(await screen.findByRole('option', { name: 'payments' }));
    await waitFor(() =>
      expect(lastRequest(api)).toEqual(
        expect.objectContaining({
          entityRef: 'component:default/payments',
          offset: 0,
        }),
      ),
    );

    await user.click(within(filters()).getByLabelText('Owner'));
    await user.click(
      await screen.findByRole('option', { name: 'checkout-team' }),
    );
    // Gates and environments are suggested from what was decided.
    await user.click(within(filters()).getByLabelText('Gate'));
    await user.click(
      await screen.findByRole('option', { name: 'weekend-freeze' }),
    );
    await user.type(
      within(filters()).getByLabelText('Environment'),
      'prod{arrowdown}{enter}',
    );
    await user.click(
      within(filters()).getByRole('button', { name: /^Answer/ }),
    );
    await user.click(await screen.findByRole('option', { name: 'Not yet' }));

    await waitFor(() =>
      expect(lastRequest(api)).toEqual({
        entityRef: 'component:default/payments',
        owner: 'group:default/checkout-team',
        gateId: 'weekend-freeze',
        environment: 'production',
        answer: 'not_yet',
        limit: 25,
        offset: 0,
      }),
    );
    expect(
      screen.getByRole('status', { name: 'Current location' }),
    ).toHaveTextContent(
      'entityRef=component%3Adefault%2Fpayments&gateId=weekend-freeze&owner=group%3Adefault%2Fcheckout-team&environment=production&answer=not_yet',
    );
  });

  it('keeps an old evaluation link working and leads to its decision', async () => {
    const api = fakeApi();
    await renderPage(api, '/gate-history?evaluation=ev-overridden');

    const dialog = await screen.findByRole('dialog');
    expect(api.getGateEvaluation).toHaveBeenCalledWith('ev-overridden');
    expect(
      within(dialog).getByRole('link', { name: 'Open its decision' }),
    ).toHaveAttribute('href', '/gate-history/decisions/dec-prod-no');
  });

  it('shows one decision on its own page: answer, sentence, gates and evidence', async () => {
    const api = fakeApi();
    await renderPage(api, '/gate-history/decisions/dec-prod-no');

    expect(
      await screen.findByRole('heading', {
        name: 'Can 1.4.0 go to production?',
      }),
    ).toBeInTheDocument();
    expect(api.getDecision).toHaveBeenCalledWith('dec-prod-no');
    expect(api.listDecisions).not.toHaveBeenCalled();
    const headline = document.querySelector<HTMLElement>(
      '[data-role="decision-headline"]',
    )!;
    expect(headline.querySelector('[data-answer]')).toHaveAttribute(
      'data-answer',
      'no',
    );
    expect(headline).toHaveTextContent(productionNo.sentence);
    expect(
      screen.getByRole('link', { name: /Can I deploy\?” tab for 1\.4\.0/ }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/checkout/quality-gates?version=1.4.0',
    );
    expect(
      document.querySelector(
        '[data-gate="release-checks"] [data-criterion="error-ratio"]',
      ),
    ).not.toBeNull();
    // Nothing is allowed here: no buttons that would be refused.
    expect(
      screen.queryByRole('button', { name: /Evaluate now|Override/ }),
    ).not.toBeInTheDocument();
  });

  it('says so when the decision cannot be read', async () => {
    const api = fakeApi();
    api.getDecision.mockRejectedValue(new Error('Decision unknown not found'));
    await renderPage(api, '/gate-history/decisions/unknown');

    expect(
      await screen.findByText(
        /The decision could not be loaded: Decision unknown not found/,
      ),
    ).toBeInTheDocument();
  });

  it('says in words when the decision no longer exists', async () => {
    const api = fakeApi();
    api.getDecision.mockRejectedValue(
      await ResponseError.fromResponse(
        new Response(
          JSON.stringify({
            error: { name: 'NotFoundError', message: 'No decision unknown' },
            response: { statusCode: 404 },
          }),
          {
            status: 404,
            statusText: 'Not Found',
            headers: { 'content-type': 'application/json' },
          },
        ),
      ),
    );
    await renderPage(api, '/gate-history/decisions/unknown');

    expect(
      await screen.findByText(/This gate decision no longer exists/),
    ).toBeInTheDocument();
    expect(screen.queryByText(/Request failed/)).not.toBeInTheDocument();
  });
});
