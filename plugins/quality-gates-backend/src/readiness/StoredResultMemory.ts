import { DateTime } from 'luxon';
import { timestampFromDatabase } from '../database/timestamps';

/** What an on-demand evaluation needs of an entity's stored result. */
export interface StoredBefore {
  owner: string | null;
  system: string | null;
  fingerprint: string;
  firstSeenAt: Date | number | string;
  /** The earliest first-seen time of all rows. */
  earliest: DateTime | undefined;
}

/** A stored result as this replica last wrote or read it. */
export interface StoredResultRow {
  entity_ref: string;
  owner: string | null;
  system: string | null;
  fingerprint: string;
  evaluated_at: Date | number | string;
  first_seen_at: Date | number | string;
}

interface Remembered {
  owner: string | null;
  system: string | null;
  fingerprint: string;
  firstSeenAt: Date | number | string;
  evaluatedAt: number;
}

/** Entities remembered at most; the longest unwritten go first. */
const MAX_REMEMBERED = 200_000;

function millisOf(value: Date | number | string): number {
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'number') return value;
  return Date.parse(timestampFromDatabase(value));
}

/**
 * What this replica last stored (or read) of each entity's result, so an
 * on-demand evaluation of an entity the scheduled run or an earlier
 * evaluation wrote here needs no read before it answers.
 *
 * Being out of date costs no wrong history: the single-entity write decides
 * in SQL whether a history point is due. An out-of-date fingerprint only
 * decides whether the answer waits for the write; out-of-date owner and
 * system only which kinds are looked up first; and a first-seen time is out
 * of date only after another replica's run removed the entity and it came
 * back, until this replica writes it once more. Every write here refreshes
 * what it wrote; a removal here forgets what it removed.
 */
export class StoredResultMemory {
  readonly #rows = new Map<string, Remembered>();
  /** The earliest first-seen time of all rows, when known; null: none. */
  #earliest: DateTime | null | undefined = undefined;

  constructor(private readonly maxEntities = MAX_REMEMBERED) {}

  /** The entity's stored result as remembered, or undefined when unknown. */
  before(entityRef: string): StoredBefore | undefined {
    const row = this.#rows.get(entityRef);
    if (!row || this.#earliest === undefined) return undefined;
    return {
      owner: row.owner,
      system: row.system,
      fingerprint: row.fingerprint,
      firstSeenAt: row.firstSeenAt,
      earliest: this.#earliest ?? undefined,
    };
  }

  /** Rows as they are now stored. */
  remember(rows: StoredResultRow[]): void {
    for (const row of rows) {
      this.#rows.delete(row.entity_ref);
      this.#rows.set(row.entity_ref, {
        owner: row.owner,
        system: row.system,
        fingerprint: row.fingerprint,
        firstSeenAt: row.first_seen_at,
        evaluatedAt: millisOf(row.evaluated_at),
      });
      if (this.#earliest !== undefined) {
        // Compared as milliseconds: the scheduled run remembers every row.
        const seen = millisOf(row.first_seen_at);
        if (this.#earliest === null || seen < this.#earliest.toMillis()) {
          this.#earliest = DateTime.fromMillis(seen, { zone: 'utc' });
        }
      }
    }
    while (this.#rows.size > this.maxEntities) {
      this.#rows.delete(this.#rows.keys().next().value!);
    }
  }

  /**
   * A row as read: remembered unless a write here was remembered meanwhile
   * (a read that started before it may have seen the row before it).
   */
  rememberRead(row: StoredResultRow): void {
    if (!this.#rows.has(row.entity_ref)) this.remember([row]);
  }

  /** The earliest first-seen time of all rows, as just read. */
  rememberEarliest(earliest: DateTime | undefined): void {
    this.#earliest = earliest ?? null;
  }

  /**
   * Forgets the results removed for not being evaluated since `cutoff`;
   * the earliest first-seen time may have been one of them.
   */
  forgetEvaluatedBefore(cutoff: DateTime): void {
    const before = cutoff.toMillis();
    for (const [entityRef, row] of this.#rows) {
      if (row.evaluatedAt < before) this.#rows.delete(entityRef);
    }
    this.#earliest = undefined;
  }
}
