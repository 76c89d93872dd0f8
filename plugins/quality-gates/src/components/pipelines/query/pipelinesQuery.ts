import {
  PIPELINE_RESULTS,
  PipelineResult,
} from '@can-i-deploy/plugin-quality-gates-common';
import { QualityGatesApi } from '../../../api/QualityGatesApi';

export type ListPipelineRunsRequest = Parameters<
  QualityGatesApi['listPipelineRuns']
>[0];

/**
 * What the CI pipelines tab keeps in its URL: the runs' filters and page,
 * the run whose trace is open, and the commit or version whose path to
 * production is shown. (The range has its own parameters.)
 */
export interface PipelinesQuery {
  pipeline?: string;
  result?: PipelineResult;
  /** A full commit sha: only runs of it. */
  commit?: string;
  /** Zero-based page index. */
  page: number;
  pageSize: number;
  /** The selected run's id. */
  run?: string;
  /** Its trace, so a link can open it whatever page the run is on. */
  trace?: string;
  /** The path to production shown: of a commit, or of a version. */
  sha?: string;
  version?: string;
}

export const PAGE_SIZES = [25, 50, 100];
const DEFAULT_PAGE_SIZE = PAGE_SIZES[0];

const TEXT_PARAMS = [
  'pipeline',
  'commit',
  'run',
  'trace',
  'sha',
  'version',
] as const;

/** The filters of the runs list; a change of one goes back to page one. */
export const RUN_FILTERS = ['pipeline', 'result', 'commit'] as const;

export type RunFilterName = (typeof RUN_FILTERS)[number];

function positiveInt(value: string | null): number | undefined {
  const parsed = Number(value);
  return Number.isInteger(parsed) && parsed > 0 ? parsed : undefined;
}

/** Reads the query from the URL; values it does not know are dropped. */
export function parsePipelinesQuery(params: URLSearchParams): PipelinesQuery {
  const pageSize = positiveInt(params.get('pageSize'));
  const query: PipelinesQuery = {
    page: (positiveInt(params.get('page')) ?? 1) - 1,
    pageSize:
      pageSize && PAGE_SIZES.includes(pageSize) ? pageSize : DEFAULT_PAGE_SIZE,
  };
  for (const name of TEXT_PARAMS) {
    const value = params.get(name)?.trim();
    if (value) query[name] = value;
  }
  const result = params.get('result');
  if (PIPELINE_RESULTS.includes(result as PipelineResult)) {
    query.result = result as PipelineResult;
  }
  // One path at a time: a commit wins over a version.
  if (query.sha) delete query.version;
  return query;
}

/**
 * The URL with the query in it; parameters it does not own (the range) are
 * kept and defaults are left out to keep links short.
 */
export function withPipelinesQuery(
  params: URLSearchParams,
  query: PipelinesQuery,
): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const name of [...TEXT_PARAMS, 'result', 'page', 'pageSize']) {
    next.delete(name);
  }
  for (const name of [...TEXT_PARAMS, 'result'] as const) {
    const value = query[name];
    if (value) next.set(name, value);
  }
  // One-based in the URL, as people count pages.
  if (query.page > 0) next.set('page', String(query.page + 1));
  if (query.pageSize !== DEFAULT_PAGE_SIZE) {
    next.set('pageSize', String(query.pageSize));
  }
  return next;
}

/** The API request for the runs page shown. */
export function runsRequest(
  entityRef: string,
  query: PipelinesQuery,
  window: { from: string; to: string },
): ListPipelineRunsRequest {
  const request: ListPipelineRunsRequest = {
    entityRef,
    from: window.from,
    to: window.to,
    limit: query.pageSize,
    offset: query.page * query.pageSize,
  };
  if (query.pipeline) request.pipelineName = query.pipeline;
  if (query.result) request.result = query.result;
  if (query.commit) request.sha = query.commit;
  return request;
}

/** Whose path to production is asked for, if any. */
export function pathSubject(
  query: PipelinesQuery,
): { sha: string } | { version: string } | undefined {
  if (query.sha) return { sha: query.sha };
  if (query.version) return { version: query.version };
  return undefined;
}

/** Whether the runs list is narrowed: an empty list then says "no match". */
export function anyRunFilter(query: PipelinesQuery): boolean {
  return !!(query.pipeline || query.result || query.commit);
}
