import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import {
  ContentHeader,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import LinearProgress from '@material-ui/core/LinearProgress';
import Paper from '@material-ui/core/Paper';
import useAsync from 'react-use/esm/useAsync';
import { qualityGatesApiRef } from '../../../api/QualityGatesApi';
import { useDecisionLink } from '../decision/useDecisionLink';
import { GateEvaluationDialog } from '../detail/GateEvaluationDialog';
import { useGateTabLink } from '../../shared/links/useGateTabLink';
import { DecisionsTable } from './DecisionsTable';
import { HistoryFilters } from './HistoryFilters';
import { decisionsRequest, HistoryFilterName } from './historyQuery';
import { useHistoryQuery } from './useHistoryQuery';

const DECISION_FILTERS: HistoryFilterName[] = [
  'entityRef',
  'gateId',
  'owner',
  'environment',
  'answer',
  'from',
  'to',
];

/**
 * Every decision, newest first: one row per question asked, expandable to
 * its gates, each with its own page. An old `?evaluation=<id>` link (e.g.
 * from a GitHub comment) still opens that evaluation.
 */
export function DecisionHistory() {
  const api = useApi(qualityGatesApiRef);
  const gateTab = useGateTabLink();
  const decisionLink = useDecisionLink();
  const { query, update, reset } = useHistoryQuery();
  const request = useMemo(() => decisionsRequest(query), [query]);
  const [searchParams, setSearchParams] = useSearchParams();
  const [linkedEvaluation, setLinkedEvaluation] = useState(
    () => searchParams.get('evaluation') ?? undefined,
  );
  const closeEvaluation = () => {
    setLinkedEvaluation(undefined);
    const next = new URLSearchParams(searchParams);
    next.delete('evaluation');
    setSearchParams(next, { replace: true });
  };

  const page = useAsync(() => api.listDecisions(request), [api, request]);

  if (page.error && !page.value) {
    return <ResponseErrorPanel error={page.error} />;
  }
  if (!page.value) return <Progress />;

  const { items, total } = page.value;
  return (
    <>
      <ContentHeader
        title={`${total} ${total === 1 ? 'decision' : 'decisions'}`}
        description="One per question asked, newest first; open a row to see its gates"
      />
      <HistoryFilters
        query={query}
        only={DECISION_FILTERS}
        seen={{
          gateId: items.flatMap(d => d.gates.map(g => g.gateId)),
          environment: items.map(d => d.environment),
        }}
        onChange={(name, value) => update({ [name]: value })}
        onReset={reset}
      />
      {page.error && <ResponseErrorPanel error={page.error} />}
      <Paper>
        {page.loading ? <LinearProgress /> : null}
        <DecisionsTable
          items={items}
          total={total}
          query={query}
          onPage={(pageIndex, pageSize) =>
            update({ page: pageIndex, pageSize })
          }
        />
      </Paper>
      {linkedEvaluation && (
        <GateEvaluationDialog
          evaluationId={linkedEvaluation}
          links={evaluation => {
            const decision =
              evaluation.decisionId && decisionLink(evaluation.decisionId);
            return (
              <>
                <Link to={gateTab(evaluation.entityRef)}>
                  Open its “Can I deploy?” tab
                </Link>
                {decision && (
                  <>
                    {' · '}
                    <Link to={decision}>Open its decision</Link>
                  </>
                )}
              </>
            );
          }}
          onClose={closeEvaluation}
        />
      )}
    </>
  );
}
