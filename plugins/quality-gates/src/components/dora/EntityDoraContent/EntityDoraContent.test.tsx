import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DateTime } from 'luxon';
import { EntityDoraContent } from './EntityDoraContent';
import {
  checkoutEntity,
  emptyMetrics,
  metricsResponse,
} from '../__testUtils__/doraFixtures';
import { fakeDoraApi, renderDora } from '../__testUtils__/renderDora';

/** The tile of one figure, by its title. */
function tile(title: string): HTMLElement {
  return screen.getByRole('region', { name: title });
}

/** The change shown on a tile: its text and whether it is better. */
function changeOn(title: string) {
  const change = tile(title).querySelector<HTMLElement>('[data-direction]');
  if (!change) throw new Error(`No change on ${title}`);
  return {
    direction: change.dataset.direction,
    text: change.textContent,
    arrow: change.querySelector('svg') !== null,
  };
}

async function renderCheckout(api = fakeDoraApi()) {
  await renderDora(<EntityDoraContent />, checkoutEntity, api);
  await screen.findByRole('region', { name: 'Deployment frequency' });
  return api;
}

describe('EntityDoraContent', () => {
  it('asks for the entity’s figures over the default window, and the trend over the same', async () => {
    const api = await renderCheckout();

    // No window: the backend's default follows the data (here 90 days).
    const [scope, window] = api.getDoraMetrics.mock.calls[0];
    expect(scope).toEqual({ entityRef: 'component:default/checkout' });
    expect(window).toBeUndefined();
    await waitFor(() =>
      expect(api.getDoraTrend).toHaveBeenCalledWith(scope, {
        from: '2026-08-22T10:00:00.000Z',
        to: '2026-11-20T10:00:00.000Z',
      }),
    );
    expect(
      screen.getByRole('button', { name: 'Last 90 days' }),
    ).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByText(/production: production, prod/)).toBeVisible();
  });

  it('shows a default window shorter than 90 days when the data is', async () => {
    const window = {
      from: '2026-10-15T00:00:00.000Z',
      to: '2026-11-20T10:00:00.000Z',
      days: 36.4,
    };
    const api = await renderCheckout(fakeDoraApi(metricsResponse({ window })));
    expect(
      screen.getByRole('button', { name: 'Last 36 days' }),
    ).toHaveAttribute('aria-pressed', 'true');
    expect(
      screen.getByRole('button', { name: 'Last 90 days' }),
    ).toHaveAttribute('aria-pressed', 'false');
    await waitFor(() =>
      expect(api.getDoraTrend).toHaveBeenCalledWith(
        { entityRef: 'component:default/checkout' },
        { from: window.from, to: window.to },
      ),
    );
  });

  it('shows each figure formatted, with its band and what it rests on', async () => {
    await renderCheckout();

    const frequency = tile('Deployment frequency');
    expect(frequency).toHaveTextContent('3.5 per week');
    expect(frequency).toHaveTextContent('Between daily and weekly');
    expect(frequency).toHaveTextContent('45 production deployments in 90 days');
    expect(within(frequency).getByText('High')).toBeVisible();
    expect(frequency.querySelector('[data-band]')).toHaveAttribute(
      'data-band',
      'high',
    );

    const leadTime = tile('Lead time for changes');
    expect(leadTime).toHaveTextContent('2 d 4 h');
    expect(leadTime).toHaveTextContent('p90 5 d 2 h');
    expect(leadTime).toHaveTextContent('Median of 120 changes');
    expect(leadTime).toHaveTextContent(
      '3 changes with non-positive lead time left out',
    );

    const failures = tile('Change failure rate');
    expect(failures).toHaveTextContent('8.6%');
    expect(failures).toHaveTextContent('12 of 140 deployments failed');

    const recovery = tile('Failed deployment recovery time');
    expect(recovery).toHaveTextContent('3 h 12 min');
    expect(recovery).toHaveTextContent('11 of 12 failures recovered');
    expect(recovery).toHaveTextContent(
      '1 not recovered by the end of the window',
    );

    const rework = tile('Deployment rework rate');
    expect(rework).toHaveTextContent('5%');
    expect(rework).toHaveTextContent('7 of 140 deployments unplanned');
    // Rework rate has no published bands.
    expect(within(rework).getByText('No band')).toBeVisible();
  });

  it('shows the change against the previous window, judged by which way is better', async () => {
    await renderCheckout();

    // More deployments: up, and better.
    expect(changeOn('Deployment frequency')).toEqual({
      direction: 'better',
      text: '+1.5 per week, better',
      arrow: true,
    });
    // Longer lead time: up, and worse.
    expect(changeOn('Lead time for changes')).toEqual({
      direction: 'worse',
      text: '+1 d 3 h, worse',
      arrow: true,
    });
    // Fewer failures: down, and better (15 % → 8.6 %).
    expect(changeOn('Change failure rate')).toEqual({
      direction: 'better',
      text: '−6.4 pts, better',
      arrow: true,
    });
    expect(changeOn('Failed deployment recovery time')).toEqual({
      direction: 'same',
      text: 'no change',
      arrow: false,
    });
    expect(changeOn('Deployment rework rate')).toEqual({
      direction: 'none',
      text: 'nothing to compare with',
      arrow: false,
    });
    expect(tile('Change failure rate')).toHaveTextContent(
      '−6.4 pts, better vs previous 90 days',
    );
    expect(tile('Deployment rework rate')).toHaveTextContent(
      'nothing to compare with the previous 90 days',
    );
  });

  it('asks for another window when one is picked', async () => {
    const api = await renderCheckout();

    await userEvent.click(screen.getByRole('button', { name: 'Last 30 days' }));

    await waitFor(() => expect(api.getDoraMetrics).toHaveBeenCalledTimes(2));
    const [scope, window] = api.getDoraMetrics.mock.calls[1];
    expect(scope).toEqual({ entityRef: 'component:default/checkout' });
    expect(
      DateTime.fromISO(window.to).diff(DateTime.fromISO(window.from), 'days')
        .days,
    ).toBe(30);
    expect(api.getDoraTrend).toHaveBeenLastCalledWith(scope, window);
    expect(
      screen.getByRole('button', { name: 'Last 30 days' }),
    ).toHaveAttribute('aria-pressed', 'true');
  });

  it('draws the weekly trend, saying which weeks have no data', async () => {
    await renderCheckout();

    expect(await screen.findByText('Weekly trend')).toBeVisible();
    for (const chart of [
      'Production deployments per week',
      'Lead time (median) per week',
      'Change failure rate per week',
      'Recovery time (median) per week',
      'Rework rate per week',
    ]) {
      expect(screen.getByRole('figure', { name: chart })).toBeInTheDocument();
    }
    // The middle week has no deployment; recovery also lacks the last one.
    expect(screen.getAllByText('3 weeks, 1 without data (gaps)')).toHaveLength(
      3,
    );
    expect(
      screen.getByText('3 weeks, 2 without data (gaps)'),
    ).toBeInTheDocument();
  });

  it('says there were no production deployments, and which environments count', async () => {
    const api = fakeDoraApi(emptyMetrics);
    await renderDora(<EntityDoraContent />, checkoutEntity, api);

    expect(
      await screen.findByText('No production deployments in the last 90 days'),
    ).toBeVisible();
    expect(
      screen.getByText(
        /Deployments to "production" or "prod" count as production/,
      ),
    ).toBeVisible();
    expect(
      screen.queryByRole('region', { name: 'Deployment frequency' }),
    ).not.toBeInTheDocument();
    // A longer window is still one click away.
    expect(screen.getByRole('button', { name: 'Last 180 days' })).toBeVisible();
  });

  it('shows the backend’s error instead of the figures', async () => {
    const api = fakeDoraApi();
    api.getDoraMetrics.mockRejectedValue(
      new Error('The window may span at most 731 days'),
    );
    await renderDora(<EntityDoraContent />, checkoutEntity, api);

    // The panel's title, not the stack trace below it.
    expect(
      await screen.findByText('Error: The window may span at most 731 days'),
    ).toBeVisible();
    expect(
      screen.queryByRole('region', { name: 'Deployment frequency' }),
    ).not.toBeInTheDocument();
  });
});
