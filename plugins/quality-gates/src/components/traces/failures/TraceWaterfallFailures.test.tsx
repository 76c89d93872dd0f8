import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/test-utils';
import { TraceSpan } from '@can-i-deploy/plugin-quality-gates-common';
import {
  byStart,
  child,
  largePipeline,
  span,
} from '../__testUtils__/traceFixtures';
import { emulateScrolling } from '../__testUtils__/scrollInJsdom';
import { TraceWaterfall } from '../TraceWaterfall';

const user = userEvent.setup({ delay: null });
const VIEWPORT = { width: 1200, height: 600 };

let stopEmulatingScrolling: () => void;
beforeAll(() => {
  stopEmulatingScrolling = emulateScrolling();
});
afterAll(() => stopEmulatingScrolling());

const row = (spanId: string) =>
  screen
    .queryAllByTestId('trace-row')
    .find(element => element.dataset.spanId === spanId);
const selectedRow = () =>
  screen
    .queryAllByTestId('trace-row')
    .find(element => element.dataset.selected === 'true');
const detail = () => screen.getByTestId('trace-span-detail');

async function renderWaterfall(spans: TraceSpan[], runFailed?: boolean) {
  await renderInTestApp(
    <TraceWaterfall
      spans={spans}
      runFailed={runFailed}
      initialRect={VIEWPORT}
    />,
  );
}

// Every 97th step of the large pipeline fails: s97 first, then s194.
const pipeline = largePipeline(2_000);
const failedCount = pipeline.filter(s => s.status.code === 'error').length;

describe('TraceWaterfall on a failed run', () => {
  it('opens on the first failed span, scrolled to and shown in detail', async () => {
    await renderWaterfall(pipeline, true);

    await waitFor(() =>
      expect(row('s97')).toHaveAttribute('data-selected', 'true'),
    );
    expect(row('s97')).toHaveAttribute('aria-selected', 'true');
    expect(detail()).toHaveAttribute('data-span-id', 's97');
    // Rows far above it scrolled out of the DOM: it was scrolled to.
    expect(row('root')).toBeUndefined();
  });

  it('marks every span above a failure, and not the spans beside it', async () => {
    await renderWaterfall(pipeline, true);
    await waitFor(() => expect(row('s97')).toBeDefined());

    const job = row('s91')!;
    expect(job).toHaveAttribute('data-contains-failure', 'true');
    expect(job).toHaveAccessibleName('job 91, 10 ms, contains a failure');
    expect(within(job).getByTitle('contains a failure')).toBeInTheDocument();
    // A failed span shows its own failure, a job without one shows none.
    expect(row('s97')).toHaveAttribute('data-error', 'true');
    expect(row('s97')).not.toHaveAttribute('data-contains-failure');
    expect(row('s81')).not.toHaveAttribute('data-contains-failure');
    expect(row('s96')).not.toHaveAttribute('data-contains-failure');
  });

  it('steps to the next failed span with each press of "N failed"', async () => {
    await renderWaterfall(pipeline, true);
    await waitFor(() => expect(selectedRow()).toBe(row('s97')));

    const next = screen.getByRole('button', { name: `${failedCount} failed` });
    await user.click(next);
    await waitFor(() =>
      expect(row('s194')).toHaveAttribute('data-selected', 'true'),
    );
    expect(detail()).toHaveAttribute('data-span-id', 's194');
    expect(row('s97')).toBeUndefined();

    await user.click(next);
    await waitFor(() =>
      expect(row('s388')).toHaveAttribute('data-selected', 'true'),
    );
  });

  it('marks the root of a failed run, even when no span failed', async () => {
    const spans = byStart([
      span('pipeline', 0, 100_000, { name: 'pipeline' }),
      child('pipeline', 'build', 0, 50_000, { name: 'build' }),
    ]);
    await renderWaterfall(spans, true);
    expect(row('pipeline')).toHaveAttribute('data-contains-failure', 'true');
    expect(row('build')).not.toHaveAttribute('data-contains-failure');
    expect(selectedRow()).toBeUndefined();
    expect(screen.queryByRole('button', { name: /failed$/ })).toBeNull();
    expect(screen.getByTestId('trace-summary')).toHaveTextContent('0 failed');
  });

  it('opens at the top when the run passed, its failures still marked', async () => {
    await renderWaterfall(pipeline, false);
    expect(row('root')).toHaveAttribute('data-contains-failure', 'true');
    expect(selectedRow()).toBeUndefined();
    expect(screen.queryByTestId('trace-span-detail')).toBeNull();
  });
});
