import { ReadinessGroupBy } from '@can-i-deploy/plugin-quality-gates-common';
import {
  READINESS_OVERVIEW_SORTS,
  ReadinessOverviewFilters,
  ReadinessOverviewRequest,
  ReadinessOverviewSort,
} from '../../../api/QualityGatesApi';

/** Everything the page's URL holds: filters, sort and the page shown. */
export interface OverviewQuery extends ReadinessOverviewFilters {
  /** Zero-based page index. */
  page: number;
  pageSize: number;
  /** Absent: one row per entity; else one row per owner or system. */
  groupBy?: ReadinessGroupBy;
}

export const GROUP_BYS: ReadonlyArray<ReadinessGroupBy> = ['owner', 'system'];

export const PAGE_SIZES = [25, 50, 100];
const DEFAULT_PAGE_SIZE = PAGE_SIZES[0];

export const FILTER_NAMES = [
  'kind',
  'lifecycle',
  'owner',
  'system',
  'level',
  'failingCheck',
  'q',
] as const;

export type FilterName = (typeof FILTER_NAMES)[number];

function isSort(value: string | null): value is ReadinessOverviewSort {
  return (READINESS_OVERVIEW_SORTS as readonly string[]).includes(value ?? '');
}

function positiveInt(value: string | null): number | undefined {
  const parsed = Number(value);
  return Number.isInteger(parsed) && parsed > 0 ? parsed : undefined;
}

/** Reads the query from the URL; values it does not know are dropped. */
export function parseOverviewQuery(params: URLSearchParams): OverviewQuery {
  const query: OverviewQuery = {
    page: (positiveInt(params.get('page')) ?? 1) - 1,
    pageSize: PAGE_SIZES.includes(positiveInt(params.get('pageSize')) ?? 0)
      ? Number(params.get('pageSize'))
      : DEFAULT_PAGE_SIZE,
  };
  for (const name of FILTER_NAMES) {
    const value = params.get(name);
    if (value) query[name] = value;
  }
  const groupBy = GROUP_BYS.find(value => value === params.get('groupBy'));
  if (groupBy) query.groupBy = groupBy;
  const sort = params.get('sort');
  if (isSort(sort)) {
    query.sort = sort;
    query.order = params.get('order') === 'desc' ? 'desc' : 'asc';
  }
  return query;
}

/** The URL form of a query; defaults are left out to keep links short. */
export function formatOverviewQuery(query: OverviewQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of FILTER_NAMES) {
    const value = query[name];
    if (value) params.set(name, value);
  }
  if (query.groupBy) params.set('groupBy', query.groupBy);
  if (query.sort) {
    params.set('sort', query.sort);
    params.set('order', query.order ?? 'asc');
  }
  // One-based in the URL, as people count pages.
  if (query.page > 0) params.set('page', String(query.page + 1));
  if (query.pageSize !== DEFAULT_PAGE_SIZE) {
    params.set('pageSize', String(query.pageSize));
  }
  return params;
}

/** The filters and sort alone: what the CSV export takes. */
export function overviewFilters(
  query: OverviewQuery,
): ReadinessOverviewFilters {
  const {
    page: _page,
    pageSize: _pageSize,
    groupBy: _groupBy,
    ...filters
  } = query;
  return filters;
}

/** The API request for the page shown. */
export function overviewRequest(
  query: OverviewQuery,
): ReadinessOverviewRequest {
  return {
    ...overviewFilters(query),
    limit: query.pageSize,
    offset: query.page * query.pageSize,
  };
}
