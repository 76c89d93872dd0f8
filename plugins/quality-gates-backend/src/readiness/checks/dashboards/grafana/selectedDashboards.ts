import { isRecord } from '../../../../sourceFiles';
import { grafanaDashboardModel, grafanaPanelCount } from '../grafanaDashboard';
import { DashboardSelector, requiredTags, selects } from './dashboardSelector';
import { CachedDashboardSearch } from './cachedSearch';
import { GrafanaClient, GrafanaRequestError } from './GrafanaClient';

/** Dashboards read per entity at most, so one selector cannot flood Grafana. */
export const MAX_DASHBOARDS_READ = 20;
/** Dashboards read at once for one entity. */
const READ_CONCURRENCY = 4;

/** A dashboard the selector matched, with its panels counted. */
export interface SelectedDashboard {
  uid: string;
  title: string;
  folderTitle: string;
  panelCount: number;
}

export interface DashboardSelection {
  /** How many dashboards the selector matched. */
  matched: number;
  /** The first {@link MAX_DASHBOARDS_READ} of them, in Grafana's order. */
  read: SelectedDashboard[];
}

/**
 * The dashboards in Grafana a selector matches, each read for its panels.
 * Grafana's search is narrowed by the tags the selector requires; the rest
 * of the selector is evaluated here. The first failed request fails the
 * lot and abandons the others.
 */
export async function readSelectedDashboards(
  grafana: { client: GrafanaClient; search: CachedDashboardSearch },
  selector: DashboardSelector,
  signal: AbortSignal,
): Promise<DashboardSelection> {
  const { client, search } = grafana;
  const hits = await search.search(requiredTags(selector), signal);
  const matched = hits.filter(hit => hit.uid && selects(selector, hit));
  const toRead = matched.slice(0, MAX_DASHBOARDS_READ);
  const read = await inParallel(toRead, READ_CONCURRENCY, signal, async hit => {
    const answer = await client.dashboard(hit.uid, signal);
    const model = grafanaDashboardModel(answer);
    return {
      uid: hit.uid,
      title: hit.title || hit.uid,
      folderTitle: hit.folderTitle,
      panelCount: model ? grafanaPanelCount(model) : v2PanelCount(answer),
    };
  });
  if (signal.aborted) {
    throw new GrafanaRequestError(
      `Reading dashboards from Grafana at ${client.baseUrl} was abandoned`,
    );
  }
  return { matched: matched.length, read };
}

/** Grafana 12's v2 dashboard API keeps panels as `spec.elements`. */
function v2PanelCount(answer: Record<string, unknown>): number {
  const spec = isRecord(answer.spec) ? answer.spec : {};
  return isRecord(spec.elements) ? Object.keys(spec.elements).length : 0;
}

/** `work` on every item, at most `limit` at a time, in the items' order. */
async function inParallel<T, R>(
  items: T[],
  limit: number,
  signal: AbortSignal,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (next < items.length && !failed && !signal.aborted) {
      const index = next;
      next += 1;
      try {
        results[index] = await work(items[index]);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, worker),
  );
  return results;
}
