import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/test-utils';
import { TraceSpan } from '@can-i-deploy/plugin-quality-gates-common';
import {
  byStart,
  child,
  largePipeline,
  span,
  nanosAfterStart,
  TRACE_ID,
} from './__testUtils__/traceFixtures';
import { emulateScrolling } from './__testUtils__/scrollInJsdom';
import { TraceWaterfall } from './TraceWaterfall';
import { ROW_HEIGHT } from './waterfallLayout';

const user = userEvent.setup({ delay: null });

const VIEWPORT = { width: 1200, height: 600 };
const ms = (milliseconds: number) => milliseconds * 1000;

let stopEmulatingScrolling: () => void;
beforeAll(() => {
  stopEmulatingScrolling = emulateScrolling();
});
afterAll(() => stopEmulatingScrolling());

/**
 * A deploy pipeline: checkout, then lint beside build (compile beside unit
 * tests, then push), then a deploy that failed; and a cache warm-up whose
 * parent span never arrived.
 */
const deployPipeline: TraceSpan[] = byStart([
  span('pipeline', 0, ms(100), {
    name: 'deploy pipeline',
    serviceName: 'github-actions',
    pipelineRunId: 'run-812',
    attributes: { 'cicd.pipeline.name': 'deploy', 'cicd.pipeline.run.id': 812 },
  }),
  child('pipeline', 'checkout', 0, ms(10), { name: 'checkout' }),
  child('pipeline', 'lint', ms(10), ms(20), { name: 'lint' }),
  child('pipeline', 'build', ms(10), ms(60), { name: 'build' }),
  child('build', 'compile', ms(10), ms(50), { name: 'compile' }),
  child('build', 'unit', ms(12), ms(30), { name: 'unit tests' }),
  child('build', 'push', ms(50), ms(60), {
    name: 'push image',
    attributes: { 'oci.registry': 'registry.example.com' },
  }),
  child('pipeline', 'deploy', ms(60), ms(100), {
    name: 'deploy to production',
    serviceName: 'argocd',
    kind: 'client',
    status: { code: 'error', message: 'rollout timed out' },
    entityRef: 'component:default/checkout',
    ciTask: {
      taskName: 'deploy',
      taskType: 'deploy',
      taskRunId: '4711',
      taskResult: 'timeout',
      taskRunUrl: 'https://ci.example.com/runs/4711',
    },
    attributes: {
      'deployment.environment': 'production',
      'argocd.app': 'checkout',
      replicas: 3,
    },
    events: [
      {
        name: 'rollout started',
        timeUnixNano: nanosAfterStart(ms(61)),
        attributes: { revision: 'abc123' },
      },
    ],
    links: [
      { traceId: TRACE_ID, spanId: 'push' },
      { traceId: 'aaaabbbbccccdddd', spanId: 'feedbeef' },
    ],
    resourceAttributes: { 'service.name': 'argocd', 'host.name': 'runner-7' },
  }),
  child('gone', 'cache', ms(5), ms(15), { name: 'cache warm-up' }),
]);

async function renderWaterfall(
  spans: TraceSpan[],
  props: { initialSelectedSpanId?: string } = {},
) {
  await renderInTestApp(
    <TraceWaterfall spans={spans} initialRect={VIEWPORT} {...props} />,
  );
}

const rows = () => screen.queryAllByTestId('trace-row');
const row = (spanId: string) =>
  rows().find(element => element.dataset.spanId === spanId);
const rowIds = () => rows().map(element => element.dataset.spanId);
const detail = () => screen.getByTestId('trace-span-detail');

describe('TraceWaterfall', () => {
  it('renders only the rows in view of 10,000 spans', async () => {
    await renderWaterfall(largePipeline(10_000));

    const shown = rows();
    // 600 px of 28 px rows, and a few either side.
    expect(shown.length).toBeGreaterThan(15);
    expect(shown.length).toBeLessThan(45);
    expect(shown[0]).toHaveAttribute('data-span-id', 'root');
    expect(screen.getByTestId('trace-summary')).toHaveTextContent(
      '10000 spans',
    );
    // The list is as tall as all rows, so the scroll bar is true.
    expect(screen.getByTestId('trace-rows').firstElementChild).toHaveStyle({
      height: `${10_000 * ROW_HEIGHT}px`,
    });
  });

  it('hides the descendants of a collapsed span, and shows them again', async () => {
    await renderWaterfall(deployPipeline);
    expect(rowIds()).toEqual([
      'pipeline',
      'checkout',
      'build',
      'compile',
      'unit',
      'push',
      'lint',
      'deploy',
      'cache',
    ]);

    await user.click(screen.getByRole('button', { name: 'Collapse build' }));
    expect(rowIds()).toEqual([
      'pipeline',
      'checkout',
      'build',
      'lint',
      'deploy',
      'cache',
    ]);
    expect(row('build')).toHaveAttribute('aria-expanded', 'false');

    await user.click(screen.getByRole('button', { name: 'Expand build' }));
    expect(rowIds()).toContain('compile');

    await user.click(screen.getByRole('button', { name: 'Collapse all' }));
    expect(rowIds()).toEqual(['pipeline', 'cache']);
    await user.click(screen.getByRole('button', { name: 'Expand all' }));
    expect(rows()).toHaveLength(9);
  });

  it('shows a span whose parent is missing as a root', async () => {
    await renderWaterfall(deployPipeline);
    expect(row('cache')).toHaveAttribute('data-depth', '0');
    expect(row('cache')).toHaveAttribute('aria-level', '1');
    expect(row('compile')).toHaveAttribute('data-depth', '2');

    await user.click(row('cache')!);
    expect(
      within(detail()).getByRole('row', { name: /Parent span/ }),
    ).toHaveTextContent('gone (not in this trace)');
  });

  it('finds a span far down a large trace, selects it and scrolls to it', async () => {
    await renderWaterfall(largePipeline(10_000));
    expect(row('s9005')).toBeUndefined();

    await user.type(
      screen.getByRole('textbox', { name: 'Find spans' }),
      'step 9005',
    );

    await waitFor(() =>
      expect(row('s9005')).toHaveAttribute('data-selected', 'true'),
    );
    expect(screen.getByRole('status', { name: 'Matches' })).toHaveTextContent(
      '1 of 1',
    );
    expect(row('s9005')).toHaveAttribute('data-match', 'true');
    expect(rows().length).toBeLessThan(45);
  });

  it('steps through matches, and dims spans that do not match', async () => {
    await renderWaterfall(deployPipeline);
    await user.type(
      screen.getByRole('textbox', { name: 'Find spans' }),
      'registry.example.com',
    );
    await waitFor(() =>
      expect(row('push')).toHaveAttribute('data-selected', 'true'),
    );
    expect(row('deploy')).toHaveAttribute('data-dimmed', 'true');

    await user.clear(screen.getByRole('textbox', { name: 'Find spans' }));
    await user.type(
      screen.getByRole('textbox', { name: 'Find spans' }),
      'argocd',
    );
    await waitFor(() =>
      expect(screen.getByRole('status', { name: 'Matches' })).toHaveTextContent(
        '1 of 1',
      ),
    );
    await user.clear(screen.getByRole('textbox', { name: 'Find spans' }));
    await user.type(
      screen.getByRole('textbox', { name: 'Find spans' }),
      'deploy',
    );
    await waitFor(() =>
      expect(screen.getByRole('status', { name: 'Matches' })).toHaveTextContent(
        '1 of 2',
      ),
    );
    expect(row('pipeline')).toHaveAttribute('data-selected', 'true');
    await user.click(screen.getByRole('button', { name: 'Next match' }));
    expect(row('deploy')).toHaveAttribute('data-selected', 'true');
    expect(screen.getByRole('status', { name: 'Matches' })).toHaveTextContent(
      '2 of 2',
    );
    await user.click(screen.getByRole('button', { name: 'Next match' }));
    expect(row('pipeline')).toHaveAttribute('data-selected', 'true');
    await user.click(screen.getByRole('button', { name: 'Previous match' }));
    expect(row('deploy')).toHaveAttribute('data-selected', 'true');
    // Enter in the search box steps too.
    await user.type(
      screen.getByRole('textbox', { name: 'Find spans' }),
      '{Enter}',
    );
    expect(row('pipeline')).toHaveAttribute('data-selected', 'true');
  });

  it('filters by minimum duration, and can show only the matches', async () => {
    await renderWaterfall(deployPipeline);
    await user.type(screen.getByTestId('trace-min-duration'), '40ms');

    await waitFor(() =>
      expect(screen.getByRole('status', { name: 'Matches' })).toHaveTextContent(
        '1 of 4',
      ),
    );
    const matching = rows()
      .filter(element => element.dataset.match)
      .map(element => element.dataset.spanId);
    expect(matching).toEqual(['pipeline', 'build', 'compile', 'deploy']);
    expect(row('lint')).toHaveAttribute('data-dimmed', 'true');

    await user.click(screen.getByRole('checkbox', { name: 'Only matches' }));
    expect(rowIds()).toEqual(['pipeline', 'build', 'compile', 'deploy']);

    await user.clear(screen.getByTestId('trace-min-duration'));
    await user.type(screen.getByTestId('trace-min-duration'), 'slow');
    expect(screen.getByText('e.g. 250ms, 1.5s, 2m')).toBeInTheDocument();
    expect(rows()).toHaveLength(9);
  });

  it('shows everything about a clicked span', async () => {
    await renderWaterfall(deployPipeline);
    await user.click(row('deploy')!);

    const panel = detail();
    expect(panel).toHaveAttribute('data-span-id', 'deploy');
    const fact = (name: string) =>
      within(panel).getByRole('row', { name: new RegExp(`^${name}`) });
    expect(
      within(panel).getByRole('heading', { name: 'deploy to production' }),
    ).toBeInTheDocument();
    expect(fact('Service')).toHaveTextContent('argocd');
    expect(fact('Kind')).toHaveTextContent('client');
    expect(fact('Status')).toHaveTextContent('errorrollout timed out');
    expect(fact('Start')).toHaveTextContent('+60 ms');
    expect(fact('Duration')).toHaveTextContent('40 ms');
    expect(fact('Critical path')).toHaveTextContent(
      '40 ms of its time holds up the trace',
    );
    expect(fact('Span ID')).toHaveTextContent('deploy');
    expect(fact('Parent span')).toHaveTextContent('pipeline');
    expect(fact('Entity')).toHaveTextContent('component:default/checkout');

    const ciTask = within(panel).getByRole('table', { name: 'CI task' });
    expect(ciTask).toHaveTextContent('Taskdeploy');
    expect(ciTask).toHaveTextContent('Run ID4711');
    expect(ciTask).toHaveTextContent('Resulttimeout');
    expect(within(ciTask).getByRole('link')).toHaveAttribute(
      'href',
      'https://ci.example.com/runs/4711',
    );

    const attributes = within(panel).getByRole('table', { name: 'Attributes' });
    expect(
      within(attributes)
        .getAllByRole('rowheader')
        .map(cell => cell.textContent),
    ).toEqual(['argocd.app', 'deployment.environment', 'replicas']);

    const events = within(panel).getByRole('table', { name: 'Events' });
    expect(events).toHaveTextContent('+1 ms');
    expect(events).toHaveTextContent('rollout started');
    expect(events).toHaveTextContent('revision=abc123');

    const links = within(panel).getByRole('table', { name: 'Links' });
    expect(links).toHaveTextContent('trace aaaabbbbccccdddd, span feedbeef');

    const resource = within(panel).getByRole('table', {
      name: 'Resource attributes',
    });
    expect(
      within(resource)
        .getAllByRole('rowheader')
        .map(cell => cell.textContent),
    ).toEqual(['host.name', 'service.name']);

    // A link to a span of the same trace selects it.
    await user.click(within(links).getByRole('button', { name: 'Show' }));
    expect(detail()).toHaveAttribute('data-span-id', 'push');
    expect(row('push')).toHaveAttribute('data-selected', 'true');

    await user.click(
      screen.getByRole('button', { name: 'Close span details' }),
    );
    expect(screen.queryByTestId('trace-span-detail')).not.toBeInTheDocument();
  });

  it("links the span's pipeline run by name and number, not by its id", async () => {
    await renderWaterfall(deployPipeline);
    await user.click(row('pipeline')!);
    const run = within(detail()).getByRole('row', { name: /^Pipeline run/ });
    const link = within(run).getByRole('link', { name: 'deploy #812' });
    expect(link).toHaveAttribute(
      'href',
      expect.stringContaining(`?run=run-812&trace=${TRACE_ID}`),
    );
    expect(run).not.toHaveTextContent('run-812deploy');
  });

  it('marks the critical path on the spans that make up the end-to-end time', async () => {
    await renderWaterfall(deployPipeline);
    const critical = rows()
      .filter(element => element.dataset.critical)
      .map(element => element.dataset.spanId);
    expect(critical).toEqual(['checkout', 'compile', 'push', 'deploy']);
    expect(
      within(row('deploy')!).getAllByTestId('critical-path-segment'),
    ).toHaveLength(1);
    expect(screen.getByTestId('trace-summary')).toHaveTextContent(
      'critical path 100 ms',
    );

    await user.click(screen.getByRole('checkbox', { name: 'Critical path' }));
    expect(screen.queryAllByTestId('critical-path-segment')).toHaveLength(0);
  });

  it('colours failed spans apart', async () => {
    await renderWaterfall(deployPipeline);
    expect(row('deploy')).toHaveAttribute('data-error', 'true');
    expect(row('deploy')).toHaveAccessibleName(
      'deploy to production, 40 ms, failed',
    );
    expect(row('build')).not.toHaveAttribute('data-error');
  });

  it('moves, folds and opens with the keyboard', async () => {
    await renderWaterfall(deployPipeline);
    const tree = screen.getByRole('tree', { name: 'Spans' });
    tree.focus();

    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}');
    expect(row('build')).toHaveAttribute('data-selected', 'true');
    expect(tree).toHaveAttribute('aria-activedescendant', row('build')!.id);

    await user.keyboard('{ArrowLeft}');
    expect(rowIds()).not.toContain('compile');
    await user.keyboard('{ArrowLeft}');
    expect(row('pipeline')).toHaveAttribute('data-selected', 'true');
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowRight}');
    expect(rowIds()).toContain('compile');

    await user.keyboard('{Enter}');
    expect(detail()).toHaveAttribute('data-span-id', 'build');
    await user.keyboard('{ArrowDown}');
    expect(detail()).toHaveAttribute('data-span-id', 'compile');
    await user.keyboard('{Escape}');
    expect(screen.queryByTestId('trace-span-detail')).not.toBeInTheDocument();
  });

  it('zooms the time axis to a stretch dragged on the minimap', async () => {
    await renderWaterfall(deployPipeline);
    const minimap = screen.getByTestId('trace-minimap');
    minimap.getBoundingClientRect = () =>
      ({ left: 100, width: 1000, top: 0, height: 48 } as DOMRect);
    const tickLabels = () =>
      screen.getAllByTestId('trace-ruler-tick').map(tick => tick.textContent);
    expect(tickLabels()).toEqual([
      '0',
      '20 ms',
      '40 ms',
      '60 ms',
      '80 ms',
      '100 ms',
    ]);

    fireEvent.mouseDown(minimap, { clientX: 350, button: 0 });
    fireEvent.mouseMove(window, { clientX: 600 });
    fireEvent.mouseUp(window, { clientX: 600 });

    expect(minimap).toHaveAttribute('data-zoom-from', '0.25');
    expect(minimap).toHaveAttribute('data-zoom-to', '0.5');
    expect(screen.getByTestId('trace-minimap-window')).toHaveStyle({
      left: '25%',
      width: '25%',
    });
    expect(tickLabels()).toEqual([
      '25 ms',
      '30 ms',
      '35 ms',
      '40 ms',
      '45 ms',
      '50 ms',
    ]);
    // Deploy starts at 60 ms: outside the zoomed axis, it draws no bar.
    expect(
      within(row('deploy')!).queryByTestId('trace-bar'),
    ).not.toBeInTheDocument();
    expect(within(row('compile')!).getByTestId('trace-bar')).toHaveStyle({
      left: '0%',
      width: '100%',
    });

    await user.click(screen.getByRole('button', { name: 'Reset zoom' }));
    expect(minimap).toHaveAttribute('data-zoom-from', '0');
    expect(tickLabels()).toHaveLength(6);

    // The same with keys: + narrows around the middle, arrows move.
    minimap.focus();
    await user.keyboard('+');
    expect(minimap).toHaveAttribute('data-zoom-from', '0.25');
    expect(minimap).toHaveAttribute(
      'aria-valuetext',
      'Showing 25 ms to 75 ms of 100 ms',
    );
    await user.keyboard('{ArrowRight}');
    expect(minimap).toHaveAttribute('data-zoom-from', '0.375');
    await user.keyboard('{Escape}');
    expect(minimap).toHaveAttribute('data-zoom-to', '1');
  });

  it('opens on the span it is given, revealed and scrolled to', async () => {
    await renderWaterfall(largePipeline(10_000), {
      initialSelectedSpanId: 's7003',
    });
    await waitFor(() =>
      expect(row('s7003')).toHaveAttribute('data-selected', 'true'),
    );
    expect(detail()).toHaveAttribute('data-span-id', 's7003');
    expect(
      within(detail()).getByRole('row', { name: /^Parent span/ }),
    ).toHaveTextContent('s7001');
  });

  it('says so when the trace has no spans', async () => {
    await renderWaterfall([]);
    expect(screen.getByText('This trace has no spans')).toBeInTheDocument();
    expect(screen.queryByTestId('trace-waterfall')).not.toBeInTheDocument();
  });
});
