import {
  DecisionAnswer,
  GateVerdict,
} from '@can-i-deploy/plugin-quality-gates-common';
import { DateTime } from 'luxon';
import {
  GateEvaluationFilters,
  ListGateDecisionsRequest,
  ListGateEvaluationsRequest,
} from '../../../api/QualityGatesApi';
import { DECISION_ANSWERS } from '../decision/answerStyle';
import { GATE_VERDICTS } from '../../shared/verdicts/verdictStyle';

/** Everything the page's URL holds: the filters and the page shown. */
export interface HistoryQuery {
  /** Full entity ref. */
  entityRef?: string;
  gateId?: string;
  owner?: string;
  environment?: string;
  verdict?: GateVerdict;
  /** The decisions' answer. */
  answer?: DecisionAnswer;
  overridden?: 'yes' | 'no';
  /** First day shown, `yyyy-MM-dd` in the viewer's zone. */
  from?: string;
  /** Last day shown, included. */
  to?: string;
  /** Zero-based page index. */
  page: number;
  pageSize: number;
  /** Absent: the decisions. */
  view?: HistoryView;
}

/** The review page's views besides the decisions. */
export type HistoryView = 'evaluations' | 'effectiveness';

export const PAGE_SIZES = [25, 50, 100];
const DEFAULT_PAGE_SIZE = PAGE_SIZES[0];

const TEXT_FILTERS = ['entityRef', 'gateId', 'owner', 'environment'] as const;

export type HistoryFilterName = Exclude<
  keyof HistoryQuery,
  'page' | 'pageSize' | 'view'
>;

export const HISTORY_FILTER_NAMES: HistoryFilterName[] = [
  ...TEXT_FILTERS,
  'answer',
  'verdict',
  'overridden',
  'from',
  'to',
];

function positiveInt(value: string | null): number | undefined {
  const parsed = Number(value);
  return Number.isInteger(parsed) && parsed > 0 ? parsed : undefined;
}

function day(value: string | null): string | undefined {
  return value && DateTime.fromISO(value).isValid ? value : undefined;
}

/** Reads the query from the URL; values it does not know are dropped. */
export function parseHistoryQuery(params: URLSearchParams): HistoryQuery {
  const pageSize = positiveInt(params.get('pageSize'));
  const query: HistoryQuery = {
    page: (positiveInt(params.get('page')) ?? 1) - 1,
    pageSize:
      pageSize && PAGE_SIZES.includes(pageSize) ? pageSize : DEFAULT_PAGE_SIZE,
  };
  for (const name of TEXT_FILTERS) {
    const value = params.get(name)?.trim();
    if (value) query[name] = value;
  }
  const verdict = params.get('verdict');
  if (GATE_VERDICTS.includes(verdict as GateVerdict)) {
    query.verdict = verdict as GateVerdict;
  }
  const overridden = params.get('overridden');
  if (overridden === 'yes' || overridden === 'no') {
    query.overridden = overridden;
  }
  const answer = params.get('answer');
  if (DECISION_ANSWERS.includes(answer as DecisionAnswer)) {
    query.answer = answer as DecisionAnswer;
  }
  const view = params.get('view');
  if (view === 'effectiveness' || view === 'evaluations') query.view = view;
  query.from = day(params.get('from'));
  query.to = day(params.get('to'));
  if (!query.from) delete query.from;
  if (!query.to) delete query.to;
  return query;
}

/** The URL form of a query; defaults are left out to keep links short. */
export function formatHistoryQuery(query: HistoryQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of HISTORY_FILTER_NAMES) {
    const value = query[name];
    if (value) params.set(name, value);
  }
  // One-based in the URL, as people count pages.
  if (query.page > 0) params.set('page', String(query.page + 1));
  if (query.pageSize !== DEFAULT_PAGE_SIZE) {
    params.set('pageSize', String(query.pageSize));
  }
  if (query.view) params.set('view', query.view);
  return params;
}

/** The filters as the API takes them: days become a time range. */
export function historyFilters(query: HistoryQuery): GateEvaluationFilters {
  const filters: GateEvaluationFilters = {};
  for (const name of TEXT_FILTERS) {
    if (query[name]) filters[name] = query[name];
  }
  if (query.verdict) filters.verdict = query.verdict;
  if (query.overridden) filters.overridden = query.overridden === 'yes';
  if (query.from) {
    filters.from = DateTime.fromISO(query.from).startOf('day').toUTC().toISO()!;
  }
  if (query.to) {
    // The backend's `to` is exclusive: through the end of the chosen day.
    filters.to = DateTime.fromISO(query.to)
      .plus({ days: 1 })
      .startOf('day')
      .toUTC()
      .toISO()!;
  }
  return filters;
}

/** The API request for the page shown. */
export function historyRequest(
  query: HistoryQuery,
): ListGateEvaluationsRequest {
  return {
    ...historyFilters(query),
    limit: query.pageSize,
    offset: query.page * query.pageSize,
  };
}

/** The decision history's request for the page shown. */
export function decisionsRequest(
  query: HistoryQuery,
): ListGateDecisionsRequest {
  const { from, to } = historyFilters(query);
  return {
    entityRef: query.entityRef,
    owner: query.owner,
    gateId: query.gateId,
    environment: query.environment,
    answer: query.answer,
    from,
    to,
    limit: query.pageSize,
    offset: query.page * query.pageSize,
  };
}
