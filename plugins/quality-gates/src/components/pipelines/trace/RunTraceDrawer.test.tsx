import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLocation, useNavigate } from 'react-router-dom';
import { renderOnCheckout } from '../../timeline/__testUtils__/renderTimeline';
import {
  buildRun,
  failedBuildRun,
  runsPage,
  TRACE_ID,
} from '../__testUtils__/pipelineFixtures';
import { fakePipelinesApi } from '../__testUtils__/renderPipelines';
import { EntityPipelinesContent } from '../EntityPipelinesContent';

// The waterfall has its own tests; here it shows what it was given.
jest.mock('../../traces', () => {
  const { createElement } = jest.requireActual('react');
  return {
    TraceWaterfall: (props: { height?: number; runFailed?: boolean }) =>
      createElement('div', {
        'data-testid': 'trace-waterfall',
        'data-height': props.height,
        'data-run-failed': String(props.runFailed),
      }),
  };
});

const user = userEvent.setup({ delay: null });

/** The router's URL, and its Back button, beside the tab. */
function Browser() {
  const location = useLocation();
  const navigate = useNavigate();
  return (
    <>
      <output data-testid="search">{location.search}</output>
      <button type="button" onClick={() => navigate(-1)}>
        Back
      </button>
    </>
  );
}

const params = () =>
  new URLSearchParams(screen.getByTestId('search').textContent ?? '');
const drawer = () => screen.queryByRole('dialog', { name: /^Trace of / });

// A failed run with a trace, beside a passing one.
const failedWithTrace = { ...failedBuildRun, traceId: 'f'.repeat(32) };

async function renderTab(url?: string) {
  const api = fakePipelinesApi();
  api.listPipelineRuns.mockResolvedValue({
    ...runsPage,
    items: [buildRun, failedWithTrace],
  });
  await renderOnCheckout(
    <>
      <EntityPipelinesContent />
      <Browser />
    </>,
    api,
    url,
  );
  // Hidden from assistive tech while a drawer opened by the URL is over it.
  await screen.findByRole('table', { name: 'Pipeline runs', hidden: true });
  return api;
}

const traceButton = (name: string) =>
  screen.getByRole('button', { name: `Trace of ${name}` });

describe('a run’s trace in a drawer', () => {
  it('opens over the page with the run’s header, and puts the run in the URL', async () => {
    await renderTab();
    await user.click(traceButton('build #412'));

    const dialog = await waitFor(() => drawer()!);
    expect(dialog).toHaveAccessibleName('Trace of build #412');
    expect(dialog).toHaveTextContent('Success');
    expect(dialog).toHaveTextContent(`Trace ${TRACE_ID}`);
    const waterfall = await within(dialog).findByTestId('trace-waterfall');
    // As tall as the window allows, not a fixed box.
    expect(Number(waterfall.dataset.height)).toBe(window.innerHeight - 300);
    expect(waterfall).toHaveAttribute('data-run-failed', 'false');
    expect(params().get('run')).toBe('run-412');
    expect(params().get('trace')).toBe(TRACE_ID);
  });

  it('closes on Escape and on its close button; Back reopens it', async () => {
    await renderTab();
    await user.click(traceButton('build #412'));
    await waitFor(() => expect(drawer()).not.toBeNull());

    await user.keyboard('{Escape}');
    await waitFor(() => expect(drawer()).toBeNull());
    expect(params().has('run')).toBe(false);
    expect(params().has('trace')).toBe(false);

    await user.click(screen.getByRole('button', { name: 'Back' }));
    await waitFor(() => expect(params().get('run')).toBe('run-412'));
    const dialog = await waitFor(() => drawer()!);
    expect(dialog).toHaveAccessibleName('Trace of build #412');

    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(drawer()).toBeNull());
    expect(params().has('run')).toBe(false);
  });

  it('tells the waterfall a failed run failed', async () => {
    await renderTab();
    await user.click(traceButton('build #411 (attempt 2)'));

    const dialog = await waitFor(() => drawer()!);
    expect(dialog).toHaveAccessibleName('Trace of build #411 (attempt 2)');
    expect(
      await within(dialog).findByTestId('trace-waterfall'),
    ).toHaveAttribute('data-run-failed', 'true');
  });

  it('opens a trace linked without its run', async () => {
    const api = await renderTab(`/?trace=${TRACE_ID}`);

    const dialog = await waitFor(() => drawer()!);
    expect(api.getTrace).toHaveBeenCalledWith(TRACE_ID);
    expect(dialog).toHaveAccessibleName('Trace of the selected run');
    expect(dialog).toHaveTextContent(`Trace ${TRACE_ID}`);
    // No run to ask: no span of the empty trace failed.
    expect(
      await within(dialog).findByTestId('trace-waterfall'),
    ).toHaveAttribute('data-run-failed', 'false');
  });
});
