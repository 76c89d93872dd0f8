/** Most refs kept; the oldest entries go first beyond it. */
const MAX_ENTRIES = 50_000;

/**
 * The kinds of owners and systems (or that they do not exist), remembered
 * for a short while. One entity's evaluation otherwise reads the catalog
 * twice, the entity and then its owner's kind, and the second read is
 * nearly always the answer of a moment ago: teams and systems are few and
 * change rarely. A new or removed team shows after at most `ttlMs`; the
 * scheduled run asks the catalog afresh for every page and refreshes it.
 */
export class EntityKindCache {
  readonly #entries = new Map<
    string,
    { kind: string | undefined; expiresAt: number }
  >();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** The remembered kind (`kind` undefined: it did not exist), if fresh. */
  get(ref: string): { kind: string | undefined } | undefined {
    const entry = this.#entries.get(ref);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.#entries.delete(ref);
      return undefined;
    }
    return entry;
  }

  set(ref: string, kind: string | undefined): void {
    if (this.ttlMs <= 0) return;
    this.#entries.delete(ref);
    this.#entries.set(ref, { kind, expiresAt: this.now() + this.ttlMs });
    if (this.#entries.size > MAX_ENTRIES) {
      this.#entries.delete(this.#entries.keys().next().value!);
    }
  }
}
