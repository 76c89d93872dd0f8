import { DateTime } from 'luxon';
import { GateEffectivenessRequest } from '../../../api/QualityGatesApi';
import {
  HistoryFilterName,
  historyFilters,
  HistoryQuery,
} from '../historyPage/historyQuery';

/** The history's filters that effectiveness applies. */
export const EFFECTIVENESS_FILTERS: HistoryFilterName[] = [
  'gateId',
  'owner',
  'from',
  'to',
];

/** Days reviewed when the page's time filter leaves the start open. */
export const DEFAULT_PERIOD_DAYS = 30;

/**
 * The effectiveness request for the page's filters: its days are the
 * period; an open end is the end of today, an open start 30 days before
 * the end. `defaulted` says a bound was filled in.
 */
export function effectivenessRequest(
  query: HistoryQuery,
  now: DateTime = DateTime.local(),
): { request: GateEffectivenessRequest; defaulted: boolean } {
  const filters = historyFilters(query);
  const to =
    filters.to ?? now.plus({ days: 1 }).startOf('day').toUTC().toISO()!;
  const from =
    filters.from ??
    DateTime.fromISO(to).minus({ days: DEFAULT_PERIOD_DAYS }).toUTC().toISO()!;
  const request: GateEffectivenessRequest = { from, to };
  if (filters.gateId) request.gateId = filters.gateId;
  if (filters.owner) request.owner = filters.owner;
  return { request, defaulted: !filters.from || !filters.to };
}
