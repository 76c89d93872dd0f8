import TablePagination from '@material-ui/core/TablePagination';

/**
 * The footer of a table paged on the server. Another page keeps the page
 * size; another page size starts again at the first page.
 */
export function ServerPagination(props: {
  totalCount: number;
  page: number;
  pageSize: number;
  pageSizes: number[];
  onPage: (page: number, pageSize: number) => void;
}) {
  const { pageSize, onPage } = props;
  return (
    <TablePagination
      component="div"
      count={props.totalCount}
      page={props.page}
      rowsPerPage={pageSize}
      rowsPerPageOptions={props.pageSizes}
      onPageChange={(_event, page) => onPage(page, pageSize)}
      onRowsPerPageChange={event => onPage(0, Number(event.target.value))}
    />
  );
}
