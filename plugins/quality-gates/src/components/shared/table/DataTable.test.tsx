import { fireEvent, screen, within } from '@testing-library/react';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import { renderInTestApp } from '@backstage/test-utils';
import { DataTable } from './DataTable';
import { TruncatedText } from './TruncatedText';

const ITEMS = [
  { ref: 'component:default/payment-service', title: 'Payment service' },
  { ref: 'component:default/search-indexer', title: 'Search indexer' },
];

describe('DataTable', () => {
  it('lists one row per item under one-line titles, and sorts on a click', async () => {
    const onSort = jest.fn();
    await renderInTestApp(
      <DataTable
        label="Services"
        columns={[{ title: 'Entity', direction: 'asc', onSort }, 'Title']}
        items={ITEMS}
      >
        {item => (
          <TableRow key={item.ref}>
            <TableCell>
              <TruncatedText text={item.ref} maxWidth="10em" />
            </TableCell>
            <TableCell>{item.title}</TableCell>
          </TableRow>
        )}
      </DataTable>,
    );
    const table = screen.getByRole('table', { name: 'Services' });
    const headers = within(table).getAllByRole('columnheader');
    expect(headers.map(header => header.textContent)).toEqual([
      'Entity',
      'Title',
    ]);
    expect(headers[0]).toHaveAttribute('aria-sort', 'ascending');
    for (const header of headers) {
      expect(header).toHaveStyle({ whiteSpace: 'nowrap' });
    }
    fireEvent.click(within(headers[0]).getByRole('button'));
    expect(onSort).toHaveBeenCalledTimes(1);
    expect(within(table).getAllByRole('row')).toHaveLength(3);

    // A long name is cut on one line, whole in its tooltip.
    const name = within(table).getByTitle('component:default/search-indexer');
    expect(name).toHaveStyle({
      whiteSpace: 'nowrap',
      textOverflow: 'ellipsis',
      maxWidth: '10em',
    });
  });

  it('says why across all columns when there is nothing to list', async () => {
    await renderInTestApp(
      <DataTable
        label="Services"
        columns={['Entity', 'Title']}
        items={[]}
        empty="No service matches."
      >
        {() => null}
      </DataTable>,
    );
    const cell = screen.getByText('No service matches.');
    expect(cell).toHaveAttribute('colspan', '2');
  });
});
