import { ReadinessLevel } from '@can-i-deploy/plugin-quality-gates-common';
import {
  CatalogColumnsResponse,
  QualityGatesApi,
} from '../../api/QualityGatesApi';

/** What one row's cells show; no `item` when the entity has no data. */
export interface CatalogColumnsEntry {
  levels: ReadinessLevel[];
  item?: CatalogColumnsResponse['items'][number];
}

/** The backend answers at most this many refs per request. */
const MAX_REFS_PER_REQUEST = 100;
/** A table re-rendered later (paging back, new filters) asks again. */
const MAX_AGE_MS = 60_000;

type Waiting = {
  resolve: (entry: CatalogColumnsEntry) => void;
  reject: (error: unknown) => void;
};

/** Refs compare without case: the backend answers them canonicalised. */
const keyOf = (entityRef: string) => entityRef.toLowerCase();

/**
 * Collects the entity refs the catalog table's cells ask for while a page
 * renders and asks the backend once for all of them, instead of once per
 * row and column. Answers are kept for a minute, so both columns and
 * re-renders share them.
 */
export class CatalogColumnsLoader {
  private readonly waiting = new Map<string, Waiting[]>();
  private readonly cache = new Map<
    string,
    { at: number; entry: Promise<CatalogColumnsEntry> }
  >();
  private flushScheduled = false;

  constructor(
    private readonly api: Pick<QualityGatesApi, 'getCatalogColumns'>,
    private readonly environment?: string,
  ) {}

  load(entityRef: string): Promise<CatalogColumnsEntry> {
    const key = keyOf(entityRef);
    const cached = this.cache.get(key);
    if (cached && Date.now() - cached.at < MAX_AGE_MS) return cached.entry;
    const entry = new Promise<CatalogColumnsEntry>((resolve, reject) => {
      this.waiting.set(key, [
        ...(this.waiting.get(key) ?? []),
        { resolve, reject },
      ]);
    });
    this.cache.set(key, { at: Date.now(), entry });
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      // After the current render: every visible row has asked by then.
      setTimeout(() => this.flush(), 0);
    }
    return entry;
  }

  private flush() {
    this.flushScheduled = false;
    const batch = [...this.waiting.entries()];
    this.waiting.clear();
    for (let i = 0; i < batch.length; i += MAX_REFS_PER_REQUEST) {
      this.request(batch.slice(i, i + MAX_REFS_PER_REQUEST));
    }
  }

  private async request(batch: Array<[string, Waiting[]]>) {
    try {
      const response = await this.api.getCatalogColumns(
        batch.map(([key]) => key),
        this.environment,
      );
      const byKey = new Map(
        response.items.map(item => [keyOf(item.entityRef), item]),
      );
      for (const [key, waiting] of batch) {
        const item = byKey.get(key);
        const entry = { levels: response.levels, ...(item ? { item } : {}) };
        waiting.forEach(w => w.resolve(entry));
      }
    } catch (error) {
      for (const [key, waiting] of batch) {
        // Not kept: the next render asks again.
        this.cache.delete(key);
        waiting.forEach(w => w.reject(error));
      }
    }
  }
}
