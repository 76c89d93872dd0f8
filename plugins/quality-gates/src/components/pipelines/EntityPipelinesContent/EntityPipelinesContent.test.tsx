import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DateTime } from 'luxon';
import { CHECKOUT } from '../../timeline/__testUtils__/timelineFixtures';
import {
  buildTrace,
  runsPage,
  SHA,
  TRACE_ID,
} from '../__testUtils__/pipelineFixtures';
import {
  fakePipelinesApi,
  renderPipelines,
} from '../__testUtils__/renderPipelines';

// The waterfall has its own tests; here it shows what it was given.
jest.mock('../../traces', () => {
  const { createElement } = jest.requireActual('react');
  return {
    TraceWaterfall: (props: {
      spans: unknown[];
      height?: number;
      runFailed?: boolean;
    }) =>
      createElement(
        'div',
        {
          'data-testid': 'trace-waterfall',
          'data-height': props.height,
          'data-run-failed': String(props.runFailed),
        },
        `${props.spans.length} spans`,
      ),
  };
});

const user = userEvent.setup({ delay: null });

type FakeApi = ReturnType<typeof fakePipelinesApi>;

const lastRunsRequest = (api: FakeApi) =>
  api.listPipelineRuns.mock.calls[
    api.listPipelineRuns.mock.calls.length - 1
  ][0];

function runRow(runId: string): HTMLElement {
  const found = document.querySelector<HTMLElement>(`tr[data-run="${runId}"]`);
  if (!found) throw new Error(`No row for ${runId}`);
  return found;
}

const filters = () => screen.getByRole('search', { name: 'Run filters' });

async function choose(filter: RegExp, option: string) {
  await user.click(within(filters()).getByRole('button', { name: filter }));
  await user.click(await screen.findByRole('option', { name: option }));
}

async function renderTab(url?: string) {
  const api = await renderPipelines(fakePipelinesApi(), url);
  await waitFor(() => expect(runRow('run-412')).toBeInTheDocument());
  return api;
}

describe('EntityPipelinesContent', () => {
  it('lists the runs of the last 30 days with their ref, commit, result and timings', async () => {
    const api = await renderTab();

    const request = lastRunsRequest(api);
    expect(request).toMatchObject({
      entityRef: CHECKOUT,
      limit: 25,
      offset: 0,
    });
    expect(
      DateTime.fromISO(request.to!).diff(
        DateTime.fromISO(request.from!),
        'days',
      ).days,
    ).toBe(30);
    expect(api.getPipelineStats).toHaveBeenCalledWith({
      entityRef: CHECKOUT,
      from: request.from,
      to: request.to,
    });

    const build = runRow('run-412');
    const cells = within(build)
      .getAllByRole('cell')
      .map(cell => cell.textContent);
    expect(cells).toEqual([
      'build',
      '#412',
      'main',
      'abcdef1',
      'Success',
      expect.any(String),
      '4 min',
      '30 s',
      'Trace',
    ]);

    const failed = runRow('run-411');
    expect(failed).toHaveTextContent('#411 (attempt 2)');
    expect(failed).toHaveTextContent('PR 17');
    expect(failed).toHaveTextContent('Failure');
    expect(failed.querySelector('[data-result]')).toHaveAttribute(
      'data-result',
      'failure',
    );

    expect(runRow('run-77')).toHaveTextContent('Running');
    expect(screen.getByText(/1.25 of 60/)).toBeInTheDocument();
  });

  it('says what would fill the tab when no run arrived in the range', async () => {
    const api = fakePipelinesApi();
    api.listPipelineRuns.mockResolvedValue({
      ...runsPage,
      items: [],
      totalCount: 0,
    });
    await renderPipelines(api);
    const hint = await screen.findByRole('region', {
      name: 'No pipeline run of this entity in this range',
    });
    expect(hint).toHaveTextContent(/workflow_run webhooks/);
    expect(hint).toHaveTextContent('docs/delivery-events.md');
  });

  it('asks the API with each filter and goes back to the first page', async () => {
    const api = await renderTab();

    await user.click(screen.getByRole('button', { name: /next page/i }));
    await waitFor(() => expect(lastRunsRequest(api).offset).toBe(25));

    await choose(/^Pipeline/, 'build');
    await waitFor(() =>
      expect(lastRunsRequest(api)).toMatchObject({
        pipelineName: 'build',
        offset: 0,
      }),
    );

    await choose(/^Result/, 'Failure');
    await waitFor(() =>
      expect(lastRunsRequest(api)).toMatchObject({
        pipelineName: 'build',
        result: 'failure',
      }),
    );

    // Pasted: typing a full sha re-renders the tab once per key.
    await user.click(within(filters()).getByLabelText('Commit'));
    await user.paste(SHA);
    await waitFor(() =>
      expect(lastRunsRequest(api)).toMatchObject({
        pipelineName: 'build',
        result: 'failure',
        sha: SHA,
        offset: 0,
      }),
    );

    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => {
      const request = lastRunsRequest(api);
      expect(request.pipelineName).toBeUndefined();
      expect(request.result).toBeUndefined();
      expect(request.sha).toBeUndefined();
    });
  });

  it('shows each pipeline as a product, and the one that runs most in detail', async () => {
    await renderTab();

    const pipelines = await screen.findByRole('table', { name: 'Pipelines' });
    const build = pipelines.querySelector<HTMLElement>(
      '[data-pipeline="build"]',
    )!;
    expect(
      within(build)
        .getAllByRole('cell')
        .map(cell => cell.textContent),
    ).toEqual([
      'build',
      '40',
      '6',
      '15%',
      '4 min / 9 min',
      '20 s / 1 min 30 s',
    ]);
    const deploy = pipelines.querySelector<HTMLElement>(
      '[data-pipeline="deploy"]',
    )!;
    expect(deploy).toHaveTextContent('8.3%');
    expect(deploy).toHaveTextContent('— / —');

    expect(screen.getByTestId('shown-pipeline')).toHaveTextContent(
      'build: 40 runs, failure rate 15%, duration p50 / p95 4 min / 9 min',
    );
    expect(
      screen.getByRole('figure', { name: 'build: duration per week' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('figure', { name: 'build: failure rate per week' }),
    ).toBeInTheDocument();

    const tasks = screen.getByRole('table', { name: 'Tasks' });
    const unitTests = tasks.querySelector<HTMLElement>(
      '[data-task="unit-tests"]',
    )!;
    expect(
      within(unitTests)
        .getAllByRole('cell')
        .map(cell => cell.textContent),
    ).toEqual(['unit-tests', 'test', '40', '2 min', '5 min', '4']);
    // Classified by name: the producer's "step" says nothing.
    expect(
      within(tasks.querySelector<HTMLElement>('[data-task="lint"]')!)
        .getAllByRole('cell')
        .map(cell => cell.textContent)
        .slice(0, 2),
    ).toEqual(['lint', 'lint']);
    // The slowest task's trend first; a row shows another's.
    expect(
      screen.getByRole('figure', { name: 'unit-tests: duration per week' }),
    ).toBeInTheDocument();
    await user.click(tasks.querySelector<HTMLElement>('[data-task="lint"]')!);
    expect(
      screen.getByRole('figure', { name: 'lint: duration per week' }),
    ).toBeInTheDocument();
  });

  it('filters the runs by the pipeline picked in the statistics', async () => {
    const api = await renderTab();

    const pipelines = await screen.findByRole('table', { name: 'Pipelines' });
    await user.click(
      pipelines.querySelector<HTMLElement>('[data-pipeline="deploy"]')!,
    );

    await waitFor(() =>
      expect(lastRunsRequest(api).pipelineName).toBe('deploy'),
    );
    expect(screen.getByTestId('shown-pipeline')).toHaveTextContent(
      'deploy: 12 runs',
    );
    expect(
      screen.getByText(/No task spans were received for this pipeline/),
    ).toBeInTheDocument();
  });

  it('shows the trace of a selected run as a waterfall', async () => {
    const api = await renderTab();

    await user.click(runRow('run-412'));

    expect(api.getTrace).toHaveBeenCalledWith(TRACE_ID);
    const panel = await screen.findByRole('region', { name: 'Run trace' });
    expect(
      await within(panel).findByTestId('trace-waterfall'),
    ).toHaveTextContent(`${buildTrace.spans.length} spans`);
    expect(runRow('run-412')).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByText('Trace of build #412')).toBeInTheDocument();

    await user.keyboard('{Escape}');
    await waitFor(() =>
      expect(screen.queryByRole('region', { name: 'Run trace' })).toBeNull(),
    );
    await user.click(runRow('run-411'));
    expect(
      await screen.findByText('No trace was received for this run.'),
    ).toBeInTheDocument();
    // Selecting a run does not fetch the runs again.
    expect(api.listPipelineRuns).toHaveBeenCalledTimes(1);
  });

  it('shows a commit’s path to production, in time order', async () => {
    const api = await renderTab();

    await user.click(
      within(runRow('run-412')).getByRole('button', {
        name: 'Path of abcdef1 to production',
      }),
    );

    expect(api.getPathToProduction).toHaveBeenCalledWith({
      entityRef: CHECKOUT,
      sha: SHA,
    });
    const path = await screen.findByRole('list', {
      name: 'Path to production',
    });
    const steps = Array.from(path.querySelectorAll<HTMLElement>(':scope > li'));
    expect(steps.map(step => step.querySelector('h4')?.textContent)).toEqual([
      'CI: build #411',
      'CI: build #412',
      'Deployment to staging',
      'Deployment to production-eu',
    ]);
    expect(steps[1]).toHaveTextContent('Success');
    expect(steps[3]).toHaveTextContent('Succeeded');
    // The decisions about exactly that version there, by gate title.
    expect(
      await within(steps[3]).findByText('Yes: every gate passes.'),
    ).toBeInTheDocument();
    expect(steps[3]).toHaveTextContent('Production SLO');
    expect(
      steps[3].querySelector('[data-gate="prod-slo"] [data-verdict]'),
    ).toHaveAttribute('data-verdict', 'pass');
    expect(steps[2]).toHaveTextContent('Nobody asked the gates about');
    expect(
      within(steps[3]).getByRole('link', {
        name: 'Open on the deploy timeline',
      }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/checkout/deploy-timeline?deployment=d7',
    );
    expect(
      screen.getByText('Reached production in 2 d 4 h, from its first CI run.'),
    ).toBeInTheDocument();

    // A run on the path opens its trace.
    await user.click(within(steps[1]).getByRole('button', { name: 'Trace' }));
    expect(api.getTrace).toHaveBeenCalledWith(TRACE_ID);
  });

  it('opens the run, trace and path a link from the timeline names', async () => {
    const api = await renderTab(`/?run=run-900&trace=${TRACE_ID}&sha=${SHA}`);

    // The run is not on the page shown: its trace comes from the link.
    expect(api.getTrace).toHaveBeenCalledWith(TRACE_ID);
    expect(
      await screen.findByRole('region', { name: 'Run trace' }),
    ).toBeInTheDocument();
    expect(api.getPathToProduction).toHaveBeenCalledWith({
      entityRef: CHECKOUT,
      sha: SHA,
    });
    expect(
      await screen.findByText('Path of abcdef1 to production'),
    ).toBeInTheDocument();
  });

  it('follows a version’s path from the timeline', async () => {
    const api = await renderTab('/?version=1.4.2');

    expect(api.getPathToProduction).toHaveBeenCalledWith({
      entityRef: CHECKOUT,
      version: '1.4.2',
    });
    expect(
      await screen.findByText('Path of 1.4.2 to production'),
    ).toBeInTheDocument();
  });
});
