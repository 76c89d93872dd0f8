import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { formatAbsoluteTime } from '../../shared/format/formatTime';
import { EntityDoraContent } from './EntityDoraContent';
import {
  checkoutEntity,
  leadTimeDetails,
  metricsResponse,
  recoveryDetails,
} from '../__testUtils__/doraFixtures';
import { fakeDoraApi, renderDora } from '../__testUtils__/renderDora';

async function openTile(title: string) {
  const tile = await screen.findByRole('region', { name: title });
  await userEvent.click(within(tile).getByRole('button'));
  return screen.findByRole('dialog');
}

/** The text of each cell of each body row. */
function bodyRows(table: HTMLElement): string[][] {
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map(row =>
      within(row)
        .getAllByRole('cell')
        .map(cell => cell.textContent ?? ''),
    );
}

describe('EntityDoraContent drill-down', () => {
  const window = metricsResponse().window;

  it('lists the failed deployments behind the change failure rate, with why each failed', async () => {
    const api = fakeDoraApi();
    await renderDora(<EntityDoraContent />, checkoutEntity, api);

    const dialog = await openTile('Change failure rate');

    expect(
      within(dialog).getByText(
        'Change failure rate: failed production deployments',
      ),
    ).toBeVisible();
    const table = await within(dialog).findByRole('table', {
      name: 'Failed production deployments',
    });
    expect(api.getDoraDetails).toHaveBeenCalledWith(
      { entityRef: 'component:default/checkout' },
      'changeFailureRate',
      { from: window.from, to: window.to, limit: 10, offset: 0 },
    );
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map(header => header.textContent),
    ).toEqual([
      'Deployed',
      'Version',
      'Environment',
      'Status',
      'Why it failed',
      'Incident',
    ]);
    expect(bodyRows(table)).toEqual([
      [
        formatAbsoluteTime('2026-11-19T09:00:00.000Z'),
        '1.40.0',
        'production',
        'Rolled back',
        'Rolled back',
        '—',
      ],
      [
        formatAbsoluteTime('2026-11-12T09:00:00.000Z'),
        '1.33.0',
        'production',
        'Succeeded',
        'Caused an incident',
        // The link says it opens the incident tool in a new window.
        'Checkout returns 500 for saved cards, Opens in a new windowINC-7',
      ],
    ]);
    expect(within(dialog).getByText('12 rows in this window')).toBeVisible();
    // Ids lead somewhere: the incident to its tool, the version to the
    // deployment on the deploy timeline.
    expect(
      within(table).getByRole('link', {
        name: /^Checkout returns 500 for saved cards/,
      }),
    ).toHaveAttribute('href', 'https://pager.example.com/incidents/INC-7');
    expect(within(table).getByRole('link', { name: '1.33.0' })).toHaveAttribute(
      'href',
      '/catalog/default/component/checkout/deploy-timeline?deployment=dep-133',
    );
    expect(table).not.toHaveTextContent('3c1f9a2e-7d4b');
  });

  it('pages through the rows on the server', async () => {
    const api = fakeDoraApi();
    await renderDora(<EntityDoraContent />, checkoutEntity, api);
    const dialog = await openTile('Change failure rate');
    await within(dialog).findByRole('table');

    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Next page' }),
    );

    await waitFor(() =>
      expect(api.getDoraDetails).toHaveBeenLastCalledWith(
        { entityRef: 'component:default/checkout' },
        'changeFailureRate',
        { from: window.from, to: window.to, limit: 10, offset: 10 },
      ),
    );
    expect(within(dialog).getByText('11-12 of 12')).toBeVisible();
  });

  it('shows changes with their commit and lead time, and those left out', async () => {
    const api = fakeDoraApi();
    api.getDoraDetails.mockResolvedValue(leadTimeDetails);
    await renderDora(<EntityDoraContent />, checkoutEntity, api);

    const dialog = await openTile('Lead time for changes');
    const table = await within(dialog).findByRole('table', {
      name: 'Changes and their lead time',
    });

    expect(api.getDoraDetails).toHaveBeenCalledWith(
      { entityRef: 'component:default/checkout' },
      'leadTime',
      expect.objectContaining({ offset: 0 }),
    );
    const rows = bodyRows(table);
    expect(rows[0][0]).toBe(
      '4f2c9e1, Opens in a new windowexample-corp/checkout',
    );
    expect(rows[0][3]).toBe('2 d 4 h');
    expect(rows[0][4]).toBe('Counted');
    expect(rows[1][3]).toBe('−1 h');
    expect(rows[1][4]).toBe('Left out: not positive');
    expect(within(table).getByTitle(leadTimeDetails.items[0].sha!)).toBe(
      within(table).getByText('4f2c9e1').closest('code'),
    );
    // A commit with a URL links there; one without stays a short sha.
    expect(
      within(table).getByRole('link', { name: /^4f2c9e1/ }),
    ).toHaveAttribute('href', leadTimeDetails.items[0].changeUrl);
    expect(
      within(table).queryByRole('link', { name: /^0000000/ }),
    ).not.toBeInTheDocument();
    expect(within(table).getByText('0000000').tagName).toBe('CODE');
    // The deployment of each change opens on the deploy timeline.
    expect(
      within(table).getAllByRole('link', {
        name: formatAbsoluteTime('2026-11-19T09:00:00.000Z'),
      })[0],
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/checkout/deploy-timeline?deployment=dep-140',
    );
  });

  it('shows recovery episodes with start, end and duration, and closes', async () => {
    const api = fakeDoraApi();
    api.getDoraDetails.mockResolvedValue(recoveryDetails);
    await renderDora(<EntityDoraContent />, checkoutEntity, api);

    const dialog = await openTile('Failed deployment recovery time');
    const table = await within(dialog).findByRole('table', {
      name: 'Failures and their recovery',
    });

    expect(bodyRows(table)).toEqual([
      [
        'Caused an incident',
        '1.33.0',
        formatAbsoluteTime('2026-11-12T10:00:00.000Z'),
        formatAbsoluteTime('2026-11-12T13:12:00.000Z'),
        '3 h 12 min',
        'Checkout returns 500 for saved cardsINC-7',
      ],
    ]);

    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Close' }),
    );
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
  });
});
