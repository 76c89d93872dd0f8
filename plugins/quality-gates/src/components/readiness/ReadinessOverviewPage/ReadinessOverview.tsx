import { useMemo } from 'react';
import {
  ContentHeader,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import LinearProgress from '@material-ui/core/LinearProgress';
import Paper from '@material-ui/core/Paper';
import useAsync from 'react-use/esm/useAsync';
import { qualityGatesApiRef } from '../../../api/QualityGatesApi';
import { ExportCsvButton } from './ExportCsvButton';
import { GroupBySelect } from './GroupBySelect';
import { OverviewFilters } from './OverviewFilters';
import { OverviewGroupsTable } from './OverviewGroupsTable';
import { overviewFilters, overviewRequest } from './overviewQuery';
import { OverviewTable } from './OverviewTable';
import { useOverviewQuery } from './useOverviewQuery';

/**
 * Every evaluated entity's stored readiness, filtered, sorted and paged on
 * the server. Without a chosen sort, new entities come first. Grouped by
 * owner or system, one row per group instead.
 */
export function ReadinessOverview() {
  const api = useApi(qualityGatesApiRef);
  const { query, update, reset } = useOverviewQuery();
  const request = useMemo(() => overviewRequest(query), [query]);
  const filters = useMemo(() => overviewFilters(query), [query]);

  const checks = useAsync(() => api.getReadinessChecks(), [api]);
  const overview = useAsync(
    () => api.getReadinessOverview(request),
    [api, request],
  );
  const { groupBy } = query;
  const groups = useAsync(
    async () =>
      groupBy ? api.getReadinessOverviewGroups(groupBy, filters) : undefined,
    [api, groupBy, filters],
  );

  const error = overview.error ?? checks.error;
  if (error && !overview.value) return <ResponseErrorPanel error={error} />;
  if (!overview.value) return <Progress />;

  const { items, totalCount, levels, facets } = overview.value;
  return (
    <>
      <ContentHeader
        title={`${totalCount} ${totalCount === 1 ? 'entity' : 'entities'}`}
        description={
          query.sort
            ? undefined
            : 'New entities first (experimental or recently seen)'
        }
      >
        <GroupBySelect
          value={groupBy}
          onChange={value => update({ groupBy: value })}
        />
        <ExportCsvButton filters={filters} />
      </ContentHeader>
      <OverviewFilters
        query={query}
        facets={facets}
        levels={levels}
        checks={checks.value?.checks ?? []}
        onChange={(name, value) => update({ [name]: value })}
        onReset={reset}
      />
      {overview.error && <ResponseErrorPanel error={overview.error} />}
      {checks.error && (
        <ResponseErrorPanel
          title="The checks could not be loaded; the failing check filter is empty"
          error={checks.error}
        />
      )}
      {groups.error && <ResponseErrorPanel error={groups.error} />}
      {groupBy ? (
        <Paper>
          {groups.loading ? <LinearProgress /> : null}
          <OverviewGroupsTable
            groupBy={groupBy}
            items={groups.value?.items ?? []}
            levels={levels}
            onChoose={ref => update({ [groupBy]: ref, groupBy: undefined })}
          />
        </Paper>
      ) : (
        <Paper>
          {overview.loading ? <LinearProgress /> : null}
          <OverviewTable
            items={items}
            totalCount={totalCount}
            levels={levels}
            checks={checks.value?.checks ?? []}
            query={query}
            onSort={(sort, order) => update({ sort, order })}
            onPage={(page, pageSize) => update({ page, pageSize })}
            onFailingCheck={failingCheck => update({ failingCheck })}
          />
        </Paper>
      )}
    </>
  );
}
