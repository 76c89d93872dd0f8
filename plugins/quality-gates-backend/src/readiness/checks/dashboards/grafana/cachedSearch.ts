import { GrafanaClient, GrafanaSearchHit } from './GrafanaClient';

// One bulk run asks for every entity; dashboards change far more rarely.
const CACHE_TTL_MS = 15_000;
/** Distinct tag sets kept at once; older ones are dropped first. */
const MAX_ENTRIES = 500;

/**
 * Grafana's dashboard search, each answer kept for 15 seconds by the tags
 * asked for, so a run over many entities lists all dashboards once for the
 * selectors that name no tag, not once per entity. Failures are never kept.
 */
export class CachedDashboardSearch {
  readonly #client: GrafanaClient;
  readonly #now: () => number;
  readonly #entries = new Map<
    string,
    { at: number; hits: GrafanaSearchHit[] }
  >();

  constructor(client: GrafanaClient, now: () => number = Date.now) {
    this.#client = client;
    this.#now = now;
  }

  async search(
    tags: string[],
    signal: AbortSignal,
  ): Promise<GrafanaSearchHit[]> {
    const key = JSON.stringify([...tags].sort());
    const cached = this.#entries.get(key);
    if (cached && this.#now() - cached.at < CACHE_TTL_MS) return cached.hits;
    const hits = await this.#client.searchDashboards(tags, signal);
    this.#entries.delete(key);
    this.#entries.set(key, { at: this.#now(), hits });
    if (this.#entries.size > MAX_ENTRIES) {
      // Maps iterate in insertion order: the first key is the oldest.
      this.#entries.delete(this.#entries.keys().next().value as string);
    }
    return hits;
  }
}
