import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import {
  ContentHeader,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { GateEvaluation } from '@can-i-deploy/plugin-quality-gates-common';
import LinearProgress from '@material-ui/core/LinearProgress';
import Paper from '@material-ui/core/Paper';
import useAsync from 'react-use/esm/useAsync';
import { qualityGatesApiRef } from '../../../api/QualityGatesApi';
import { GateEvaluationDialog } from '../detail/GateEvaluationDialog';
import { useGateTabLink } from '../../shared/links/useGateTabLink';
import { ExportGateCsvButton } from './ExportGateCsvButton';
import { HistoryFilters } from './HistoryFilters';
import {
  historyFilters,
  HistoryFilterName,
  historyRequest,
} from './historyQuery';
import { HistoryTable } from './HistoryTable';
import { useHistoryQuery } from './useHistoryQuery';

const EVALUATION_FILTERS: HistoryFilterName[] = [
  'entityRef',
  'gateId',
  'owner',
  'environment',
  'verdict',
  'overridden',
  'from',
  'to',
];

/** One evaluation opened: from a row (whole) or from a link (by id). */
interface Opened {
  id: string;
  evaluation?: GateEvaluation;
}

/**
 * Every stored gate evaluation, newest first, filtered and paged on the
 * server; a row opens the evaluation with its evidence, and so does a link
 * with `?evaluation=<id>` (e.g. from a GitHub deployment review's comment).
 */
export function GateHistory() {
  const api = useApi(qualityGatesApiRef);
  const gateTab = useGateTabLink();
  const { query, update, reset } = useHistoryQuery();
  const request = useMemo(() => historyRequest(query), [query]);
  const filters = useMemo(() => historyFilters(query), [query]);
  const [searchParams, setSearchParams] = useSearchParams();
  const [opened, setOpened] = useState<Opened | undefined>(() => {
    const linked = searchParams.get('evaluation');
    return linked ? { id: linked } : undefined;
  });
  const close = () => {
    setOpened(undefined);
    if (searchParams.has('evaluation')) {
      const next = new URLSearchParams(searchParams);
      next.delete('evaluation');
      setSearchParams(next, { replace: true });
    }
  };

  const history = useAsync(
    () => api.listGateEvaluations(request),
    [api, request],
  );

  if (history.error && !history.value) {
    return <ResponseErrorPanel error={history.error} />;
  }
  if (!history.value) return <Progress />;

  const { items, totalCount } = history.value;
  return (
    <>
      <ContentHeader
        title={`${totalCount} ${
          totalCount === 1 ? 'evaluation' : 'evaluations'
        }`}
        description="Newest first; the verdict is the one recorded, with what callers acted on when it differs"
      >
        <ExportGateCsvButton filters={filters} />
      </ContentHeader>
      <HistoryFilters
        query={query}
        only={EVALUATION_FILTERS}
        seen={{
          gateId: items.map(e => e.gateId),
          environment: items.map(e => e.environment),
        }}
        onChange={(name, value) => update({ [name]: value })}
        onReset={reset}
      />
      {history.error && <ResponseErrorPanel error={history.error} />}
      <Paper>
        {history.loading ? <LinearProgress /> : null}
        <HistoryTable
          items={items}
          totalCount={totalCount}
          query={query}
          onPage={(page, pageSize) => update({ page, pageSize })}
          onOpen={evaluation => setOpened({ id: evaluation.id, evaluation })}
        />
      </Paper>
      {opened && (
        <GateEvaluationDialog
          evaluationId={opened.id}
          evaluation={opened.evaluation}
          links={evaluation => (
            <Link to={gateTab(evaluation.entityRef)}>
              Open its “Can I deploy?” tab
            </Link>
          )}
          onClose={close}
        />
      )}
    </>
  );
}
