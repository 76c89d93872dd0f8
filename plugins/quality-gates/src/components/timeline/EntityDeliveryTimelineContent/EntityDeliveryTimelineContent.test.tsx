import {
  act,
  fireEvent,
  screen,
  waitFor,
  within,
} from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DateTime } from 'luxon';
import { EntityDeliveryTimelineContent } from './EntityDeliveryTimelineContent';
import {
  busyTimeline,
  CHECKOUT,
  checkoutTimeline,
  RANGE_FROM,
  RANGE_TO,
} from '../__testUtils__/timelineFixtures';
import {
  fakeTimelineApi,
  renderOnCheckout,
} from '../__testUtils__/renderTimeline';

const CHART_SELECTOR = 'svg[aria-label$="per environment over time"]';

async function renderTimeline(api = fakeTimelineApi(), url?: string) {
  await renderOnCheckout(<EntityDeliveryTimelineContent />, api, url);
  // Not by role: a drawer opened by the URL hides the page from roles, and
  // role queries over thousands of markers are slow.
  await waitFor(() => expect(chart()).toBeInTheDocument());
  return api;
}

function chart(): SVGSVGElement {
  return document.querySelector<SVGSVGElement>(CHART_SELECTOR)!;
}

/** A button by its text, without computing every marker's name. */
function buttonWithText(text: string): HTMLButtonElement {
  return screen.getByText(text).closest('button')!;
}

function markers(kind: string): Element[] {
  return Array.from(chart().querySelectorAll(`[data-kind="${kind}"]`));
}

function visibleView() {
  return {
    start: chart().getAttribute('data-view-start')!,
    end: chart().getAttribute('data-view-end')!,
  };
}

function days(from: string, to: string): number {
  return DateTime.fromISO(to).diff(DateTime.fromISO(from), 'days').days;
}

describe('EntityDeliveryTimelineContent', () => {
  it('asks for the last 30 days of the entity and draws its environments as lanes in promotion order', async () => {
    const api = await renderTimeline();

    const [request] = api.getDeliveryTimeline.mock.calls[0];
    expect(request.entityRef).toBe(CHECKOUT);
    expect(days(request.from, request.to)).toBe(30);
    expect(api.getEnvironmentStates).toHaveBeenCalledWith({
      entityRef: CHECKOUT,
    });
    expect(
      screen.getByRole('button', { name: 'Last 30 days' }),
    ).toHaveAttribute('aria-pressed', 'true');

    const lanes = Array.from(chart().querySelectorAll('[data-lane]')).map(
      lane => lane.getAttribute('data-lane'),
    );
    // qa only had a gate decision: it still gets its place on the path.
    expect(lanes).toEqual([
      'dev',
      'qa',
      'staging',
      'production-eu',
      'production-us',
    ]);
  });

  it('draws a marker per deployment, distinct rollbacks, gate decisions and incidents', async () => {
    await renderTimeline();

    const deployments = markers('deployment');
    expect(deployments).toHaveLength(5);
    expect(
      deployments.map(marker => marker.getAttribute('data-status')),
    ).toEqual(
      expect.arrayContaining([
        'succeeded',
        'failed',
        'rolled_back',
        'in_progress',
      ]),
    );
    const failed = screen.getByRole('button', {
      name: /^Deployment of 1\.4\.0 to production-eu: Failed, .* by release-bot$/,
    });
    expect(failed.tagName).toBe('circle');
    const rolledBack = screen.getByRole('button', {
      name: /^Rolled back deployment of 1\.3\.9 to production-eu: Rolled back/,
    });
    expect(rolledBack.tagName).toBe('path');

    const gates = markers('gate');
    expect(gates.map(gate => gate.getAttribute('data-verdict')).sort()).toEqual(
      ['fail', 'pass', 'warn'],
    );
    expect(
      screen.getByRole('button', {
        name: /^Gate qa-gate in qa: Warn, overridden to Pass for 1\.4\.0/,
      }),
    ).toBeInTheDocument();

    expect(markers('incident')).toHaveLength(2);
    expect(
      screen.getByRole('button', {
        name: /^Incident \(SEV2\) in production-eu: Checkout errors spike, opened .*, resolved /,
      }),
    ).toBeInTheDocument();
    // Not tied to a deployment: nothing to open, still labelled.
    expect(
      screen.getByRole('img', {
        name: /^Incident in production-us: Payments unavailable, .* still open$/,
      }),
    ).toBeInTheDocument();
  });

  it('says what would fill an empty timeline and where its setup is written', async () => {
    await renderOnCheckout(
      <EntityDeliveryTimelineContent />,
      fakeTimelineApi({
        ...checkoutTimeline,
        lanes: [],
        deployments: [],
        gateDecisions: [],
        incidents: [],
      }),
    );
    const hint = await screen.findByRole('region', {
      name: 'No deployment of this entity yet',
    });
    expect(hint).toHaveTextContent(/GitHub deployment webhooks, CDEvents/);
    expect(hint).toHaveTextContent('docs/delivery-events.md');
  });

  it('shows a marker’s label as a tooltip on hover', async () => {
    await renderTimeline();

    const marker = screen.getByRole('button', {
      name: /^Deployment of 1\.4\.0 to staging/,
    });
    fireEvent.mouseOver(marker);
    expect(screen.getByRole('tooltip')).toHaveTextContent(
      /Deployment of 1\.4\.0 to staging: Succeeded/,
    );
    fireEvent.mouseOut(marker);
    expect(screen.queryByRole('tooltip')).not.toBeInTheDocument();
  });

  it('opens a clicked deployment with its changes, pipeline run, gate decisions and incidents', async () => {
    const api = await renderTimeline();

    await userEvent.click(
      screen.getByRole('button', {
        name: /^Deployment of 1\.4\.0 to production-eu/,
      }),
    );

    expect(api.getDeploymentView).toHaveBeenCalledWith('d3');
    const drawer = await screen.findByRole('dialog', {
      name: '1.4.0 to production-eu',
    });
    const changes = within(drawer).getByRole('region', { name: 'Changes (2)' });
    expect(changes).toHaveTextContent(/abcdef1.* Fix rounding in totals/);
    expect(changes).not.toHaveTextContent('The long explanation');
    expect(changes).toHaveTextContent(
      'ana · github.com/example-corp/checkout · #412',
    );
    expect(
      within(changes).getByRole('link', { name: /^abcdef1/ }),
    ).toHaveAttribute(
      'href',
      'https://github.com/example-corp/checkout/commit/abcdef1',
    );

    const run = within(drawer).getByRole('region', { name: 'Pipeline run' });
    expect(run).toHaveTextContent('deploy #77');
    expect(run).toHaveTextContent('Failure');
    const traceLink = within(run).getByRole('link', { name: 'Open trace' });
    const trace = new URL(traceLink.getAttribute('href')!, 'http://localhost');
    expect(trace.pathname).toBe(
      '/catalog/default/component/checkout/ci-pipelines',
    );
    expect(trace.searchParams.get('run')).toBe('run-77');
    expect(trace.searchParams.get('trace')).toBe(
      '5b8efff798038103d269b633813fc60c',
    );
    expect(trace.searchParams.get('sha')).toBe(
      'abcdef1234567890abcdef1234567890abcdef12',
    );

    const gates = within(drawer).getByRole('region', {
      name: 'Gate decisions',
    });
    // Only the decisions about this version in this environment, by gate title.
    await waitFor(() =>
      expect(api.listDecisions).toHaveBeenCalledWith({
        entityRef: 'component:default/checkout',
        environment: 'production-eu',
        version: '1.4.0',
        limit: 5,
      }),
    );
    expect(
      await within(gates).findByText('No: Production EU gate fails.'),
    ).toBeInTheDocument();
    expect(gates.querySelector('[data-answer]')).toHaveAttribute(
      'data-answer',
      'no',
    );
    expect(gates).toHaveTextContent('Production EU gate');
    expect(
      gates.querySelector('[data-gate="weekend-freeze"]'),
    ).toHaveTextContent('Weekend freeze');
    expect(
      gates.querySelector('[data-gate="weekend-freeze"]'),
    ).toHaveTextContent('Dry run · not enforced');
    expect(
      within(gates).getByRole('link', { name: 'Open decision' }),
    ).toHaveAttribute('href', '/gate-history/decisions/dec-eu');

    const incidents = within(drawer).getByRole('region', { name: 'Incidents' });
    expect(incidents).toHaveTextContent('Checkout errors spike');
    expect(incidents).toHaveTextContent('resolved after 8 h');

    expect(
      within(drawer).getByRole('link', {
        name: 'Path of 1.4.0 to production',
      }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/checkout/ci-pipelines?version=1.4.0',
    );
  });

  it('opens the evaluation behind a gate decision', async () => {
    const api = await renderTimeline();

    await userEvent.click(
      screen.getByRole('button', { name: /^Gate production-eu-gate/ }),
    );

    expect(api.getGateEvaluation).toHaveBeenCalledWith('e1');
    expect(await screen.findByRole('dialog')).toBeInTheDocument();
  });

  it('opens a deployment from the keyboard and from an incident it caused', async () => {
    const api = await renderTimeline();

    const marker = screen.getByRole('button', {
      name: /^Deployment of 1\.4\.0 to dev/,
    });
    act(() => marker.focus());
    expect(marker).toHaveFocus();
    expect(screen.getByRole('tooltip')).toHaveTextContent(/1\.4\.0 to dev/);
    fireEvent.keyDown(marker, { key: 'Enter' });
    expect(api.getDeploymentView).toHaveBeenLastCalledWith('d1');
    await screen.findByRole('dialog');
    await userEvent.click(screen.getByRole('button', { name: 'Close' }));
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );

    await userEvent.click(
      screen.getByRole('button', { name: /^Incident \(SEV2\)/ }),
    );
    expect(api.getDeploymentView).toHaveBeenLastCalledWith('d3');
  });

  it('opens the deployment a link names', async () => {
    const api = await renderTimeline(fakeTimelineApi(), '/?deployment=d3');

    expect(
      await screen.findByRole('dialog', { name: '1.4.0 to production-eu' }),
    ).toBeInTheDocument();
    expect(api.getDeploymentView).toHaveBeenCalledWith('d3');
  });

  it('tells what runs where and how far production lags', async () => {
    await renderTimeline();

    const table = await screen.findByRole('table', { name: 'What is where' });
    const row = (environment: string) =>
      table.querySelector<HTMLElement>(`[data-environment="${environment}"]`)!;

    expect(row('dev')).toHaveTextContent('1.4.0');
    expect(row('dev')).toHaveTextContent('by ana');
    expect(row('dev')).toHaveTextContent('1.4.1');
    expect(row('dev')).toHaveTextContent('In progress');
    expect(row('dev')).toHaveTextContent(
      '2 versions, 5 commits ahead of production',
    );
    expect(row('dev')).toHaveTextContent('waiting since');
    expect(row('staging')).toHaveTextContent(
      '1 version, 1 commit ahead of production',
    );
    expect(row('production-eu')).toHaveTextContent('Production');
    expect(row('production-eu')).toHaveTextContent('This is production');
    expect(row('production-eu')).toHaveTextContent('Rolled back');
    expect(row('production-us')).toHaveTextContent(
      'Never deployed successfully',
    );
  });

  it('opens the deployment behind a current version', async () => {
    const api = await renderTimeline();

    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Open the deployment of 1.4.0 to staging',
      }),
    );
    expect(api.getDeploymentView).toHaveBeenCalledWith('d2');
  });

  it('zooms with the buttons and resets to the whole range', async () => {
    await renderTimeline();
    const whole = visibleView();
    expect(whole).toEqual({ start: RANGE_FROM, end: RANGE_TO });
    const reset = screen.getByRole('button', { name: 'Reset zoom' });
    expect(reset).toBeDisabled();

    await userEvent.click(screen.getByRole('button', { name: 'Zoom in' }));
    const zoomed = visibleView();
    // Half as wide, around the middle.
    expect(days(zoomed.start, zoomed.end)).toBeCloseTo(3.5);
    expect(zoomed.start).toBe('2026-11-02T18:00:00.000Z');
    expect(reset).toBeEnabled();

    await userEvent.click(screen.getByRole('button', { name: 'Earlier' }));
    // Half a view earlier, stopped at the start of the range.
    expect(visibleView().start).toBe(RANGE_FROM);
    expect(days(visibleView().start, visibleView().end)).toBeCloseTo(3.5);

    await userEvent.click(reset);
    expect(visibleView()).toEqual(whole);
  });

  it('zooms with the mouse wheel around the pointer', async () => {
    await renderTimeline();

    fireEvent.wheel(chart(), { deltaY: -100, clientX: 150 });
    const view = visibleView();
    // The pointer is at the plot's left edge: that time stays put.
    expect(view.start).toBe(RANGE_FROM);
    expect(days(view.start, view.end)).toBeCloseTo(7 / 1.25);

    fireEvent.wheel(chart(), { deltaY: 100, clientX: 150 });
    expect(visibleView()).toEqual({ start: RANGE_FROM, end: RANGE_TO });
  });

  it('narrows to the range dragged on the time axis', async () => {
    await renderTimeline();
    const brushArea = screen.getByTestId('timeline-brush-area');
    // In tests the plot is 794 px wide and starts 150 px from the left.
    const plotWidth = 794;
    const clientX = (share: number) => 150 + share * plotWidth;

    fireEvent.mouseDown(brushArea, { button: 0, clientX: clientX(0.5) });
    fireEvent.mouseMove(window, { clientX: clientX(0.75) });
    expect(screen.getByTestId('timeline-brush')).toBeInTheDocument();
    fireEvent.mouseUp(window, { clientX: clientX(0.75) });

    const view = visibleView();
    expect(DateTime.fromISO(view.start).toMillis()).toBeCloseTo(
      DateTime.fromISO('2026-11-04T12:00:00.000Z').toMillis(),
      -4,
    );
    expect(days(view.start, view.end)).toBeCloseTo(7 / 4);
    // Only what lies in the selection is drawn.
    expect(markers('deployment').length).toBeLessThan(5);
  });

  it('says when the range holds more than it draws', async () => {
    await renderTimeline(
      fakeTimelineApi({ ...checkoutTimeline, truncated: true }),
    );

    expect(screen.getByRole('alert')).toHaveTextContent(
      'This range holds more than the timeline draws',
    );
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Pick a shorter range to see all of them.',
    );
  });

  it('asks for another range when one is picked', async () => {
    const api = await renderTimeline();

    await userEvent.click(screen.getByRole('button', { name: 'Last 7 days' }));

    await waitFor(() =>
      expect(api.getDeliveryTimeline).toHaveBeenCalledTimes(2),
    );
    const [request] = api.getDeliveryTimeline.mock.calls[1];
    expect(days(request.from, request.to)).toBe(7);
  });

  it('asks for chosen days, through the end of the last one', async () => {
    const api = await renderTimeline(
      fakeTimelineApi(),
      '/?from=2026-11-01&to=2026-11-07',
    );

    const [request] = api.getDeliveryTimeline.mock.calls[0];
    expect(DateTime.fromISO(request.from).toISODate()).toBe('2026-11-01');
    // Seven days, give or take a daylight saving change.
    expect(days(request.from, request.to)).toBeCloseTo(7, 1);
    expect(screen.getByRole('button', { name: 'Custom' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  });

  it('draws 2,000 deployments, and only those in view once zoomed', async () => {
    await renderTimeline(fakeTimelineApi(busyTimeline(2000)));

    expect(markers('deployment')).toHaveLength(2000);

    for (let i = 0; i < 3; i++) {
      fireEvent.click(buttonWithText('Zoom in'));
    }
    const shown = markers('deployment').length;
    expect(shown).toBeGreaterThan(200);
    expect(shown).toBeLessThan(300);
  });
});
