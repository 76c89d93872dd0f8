import { ReactNode, useEffect, useMemo, useRef } from 'react';
import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { PipelineRun } from '@can-i-deploy/plugin-quality-gates-common';
import Grid from '@material-ui/core/Grid';
import useAsync from 'react-use/esm/useAsync';
import { qualityGatesApiRef } from '../../../api/QualityGatesApi';
import { AsyncContent } from '../../shared/AsyncContent';
import { RangeToolbar } from '../../shared/range/RangeToolbar';
import { useTimelineRange } from '../../shared/range/useTimelineRange';
import { PathToProductionPanel } from '../path/PathToProductionPanel';
import { pathSubject, runsRequest } from '../query/pipelinesQuery';
import { anyRunFilter } from '../query/pipelinesQuery';
import { usePipelinesQuery } from '../query/usePipelinesQuery';
import { PipelineRunsTable } from '../runs/PipelineRunsTable';
import { RunFilters } from '../runs/RunFilters';
import { PipelineStatsSection } from '../stats/PipelineStatsSection';
import { RunTraceDrawer } from '../trace/RunTraceDrawer';
import { SetupHint } from '../../shared/empty/SetupHint';

/** A panel scrolled into view when what it shows changes (a click, a link). */
function Revealed(props: { on: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.scrollIntoView?.({ behavior: 'smooth', block: 'start' });
  }, [props.on]);
  return <div ref={ref}>{props.children}</div>;
}

/**
 * The entity's CI pipelines tab: its runs, filtered and paged; each
 * pipeline and task treated as a product (runs, failure rate, p50/p95 over
 * time); a run's trace as a waterfall; a commit's path to production.
 *
 * @public
 */
export function EntityPipelinesContent() {
  const api = useApi(qualityGatesApiRef);
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const { range, window, setRange } = useTimelineRange();
  const { query, update } = usePipelinesQuery();

  // Only what the runs list depends on: selecting a run must not refetch it.
  const { pipeline, result, commit, page, pageSize } = query;
  const request = useMemo(
    () =>
      runsRequest(
        entityRef,
        { pipeline, result, commit, page, pageSize },
        window,
      ),
    [entityRef, pipeline, result, commit, page, pageSize, window],
  );
  const runs = useAsync(() => api.listPipelineRuns(request), [api, request]);
  const stats = useAsync(
    () => api.getPipelineStats({ entityRef, ...window }),
    [api, entityRef, window],
  );

  const selectedRun = runs.value?.items.find(run => run.id === query.run);
  const traceId = selectedRun?.traceId ?? query.trace;
  const subject = pathSubject(query);
  // Its own history entry: Back closes the trace, reload reopens it.
  const openRun = (run: PipelineRun) =>
    update({ run: run.id, trace: run.traceId }, { push: true });
  const closeTrace = () =>
    update({ run: undefined, trace: undefined }, { push: true });
  const pipelineNames = stats.value?.pipelines.map(p => p.pipelineName) ?? [];

  return (
    <Grid container spacing={3}>
      <RunTraceDrawer
        // A link may carry the trace alone, without its run.
        open={!!(query.run || query.trace)}
        run={selectedRun}
        traceId={traceId}
        onClose={closeTrace}
      />
      <RangeToolbar range={range} window={window} onChange={setRange} />
      <Grid item xs={12}>
        <InfoCard title="Runs" subheader="Newest first">
          <RunFilters
            query={query}
            pipelineNames={pipelineNames}
            onChange={update}
          />
          <AsyncContent state={runs} showReloading>
            {runsPage =>
              runsPage.totalCount === 0 && !anyRunFilter(query) ? (
                <SetupHint
                  title="No pipeline run of this entity in this range"
                  docs={{ path: 'docs/delivery-events.md', section: 'Sources' }}
                >
                  This tab lists CI pipeline runs with their traces, failure
                  rates and durations. They arrive from GitHub workflow_run
                  webhooks, CDEvents pipelinerun events or OTLP traces with a
                  CI/CD pipeline span, and land on this entity by its entity
                  ref, its quality-gates/service-name annotation or its
                  repository.
                </SetupHint>
              ) : (
                <PipelineRunsTable
                  items={runsPage.items}
                  totalCount={runsPage.totalCount}
                  query={query}
                  onSelect={openRun}
                  onOpenPath={sha => update({ sha, version: undefined })}
                  onPage={(nextPage, nextPageSize) =>
                    update({ page: nextPage, pageSize: nextPageSize })
                  }
                />
              )
            }
          </AsyncContent>
        </InfoCard>
      </Grid>
      {subject && (
        <Grid item xs={12}>
          <Revealed on={'sha' in subject ? subject.sha : subject.version}>
            <PathToProductionPanel
              entityRef={entityRef}
              subject={subject}
              onOpenRun={openRun}
              onClose={() => update({ sha: undefined, version: undefined })}
            />
          </Revealed>
        </Grid>
      )}
      <Grid item xs={12}>
        <InfoCard
          title="Pipelines as products"
          subheader="Runs, failure rate, and how long each pipeline and task takes"
        >
          <AsyncContent state={stats}>
            {value => (
              <PipelineStatsSection
                stats={value}
                pipelineName={query.pipeline}
                onShowPipeline={name => update({ pipeline: name })}
              />
            )}
          </AsyncContent>
        </InfoCard>
      </Grid>
    </Grid>
  );
}
