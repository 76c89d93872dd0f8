import { Knex } from 'knex';
import { isPostgres } from '../../database/dialect';

/*
 * On PostgreSQL `spans` is partitioned by day of `start_time_us` (see the
 * migration 20261209100000_spans_partitioned): one partition
 * `spans_pYYYYMMDD` per UTC day, and `spans_default` for spans of days
 * without one. Days are created ahead of time by the scheduler and, for
 * the days a request needs, before its write; retention drops whole days.
 */

const DAY_MS = 86_400_000;
const DAY_US = DAY_MS * 1000;
const DEFAULT_PARTITION = 'spans_default';
/** Serialises partition changes across processes. */
const PARTITION_LOCK = "hashtext('quality-gates:spans-partitions')";
/**
 * DDL on a partition briefly locks `spans`; waiting longer than this for
 * readers and writers to finish gives up until the next try.
 */
const LOCK_TIMEOUT = '5s';
const LOCK_NOT_AVAILABLE = '55P03';

/** Days since the epoch (UTC) of a start time in microseconds. */
export function dayOfMicros(micros: number): number {
  return Math.floor(micros / DAY_US);
}

/** The partition holding one UTC day: `spans_p20261207`. */
export function spanPartitionName(day: number): string {
  return `spans_p${new Date(day * DAY_MS)
    .toISOString()
    .slice(0, 10)
    .replace(/-/g, '')}`;
}

/** The day a partition holds, from its name; undefined for others. */
function dayOfPartition(name: string): number | undefined {
  const match = /^spans_p(\d{4})(\d{2})(\d{2})$/.exec(name);
  if (!match) return undefined;
  return Date.UTC(+match[1], +match[2] - 1, +match[3]) / DAY_MS;
}

export interface SpanPartitionOptions {
  /** Days of spans kept (retention): older days get no partition. */
  traceDays: number;
  /** Days after today that get a partition. */
  aheadDays?: number;
}

/** What dropping expired spans did. */
export interface ExpiredSpans {
  /** Partitions (whole days) dropped. */
  droppedPartitions: number;
  /** Rows deleted one by one: from the default partition (or SQLite). */
  deletedSpans: number;
}

/**
 * Creates and drops the day partitions of `spans` (PostgreSQL); on SQLite
 * there is nothing to create and expiry is a DELETE.
 */
export class SpanPartitions {
  /** Days known to have a partition, so most writes ask nothing. */
  private readonly known = new Set<number>();
  private loaded?: Promise<void>;
  private readonly aheadDays: number;

  constructor(
    private readonly db: Knex,
    private readonly options: SpanPartitionOptions,
  ) {
    this.aheadDays = options.aheadDays ?? 3;
  }

  /**
   * Makes sure the days of these start times have a partition, for those
   * within retention and the days ahead; spans of other days go to the
   * default partition. Run outside the write's transaction: creating a
   * partition is committed at once and then serves every writer.
   */
  async ensureFor(
    startMicros: Iterable<number>,
    now: number = Date.now(),
  ): Promise<void> {
    if (!isPostgres(this.db)) return;
    const today = Math.floor(now / DAY_MS);
    const first = dayOfMicros((now - this.options.traceDays * DAY_MS) * 1000);
    const days = new Set<number>();
    for (const micros of startMicros) {
      const day = dayOfMicros(micros);
      if (day >= first && day <= today + this.aheadDays) days.add(day);
    }
    if (days.size === 0) return;
    await this.loadKnown();
    for (const day of [...days].sort((a, b) => a - b)) {
      if (!this.known.has(day)) await this.create(day);
    }
  }

  /** Creates today's partition and those of the days ahead. */
  async ensureAhead(now: number = Date.now()): Promise<void> {
    const today = Math.floor(now / DAY_MS);
    await this.ensureFor(
      Array.from(
        { length: this.aheadDays + 1 },
        (_, i) => (today + i) * DAY_US,
      ),
      now,
    );
  }

  /**
   * Removes spans that started before `cutoffMicros`: on PostgreSQL, the
   * partitions of days that ended by then are dropped, and old rows of the
   * default partition deleted; the day the cutoff falls in stays whole
   * until it has passed, so spans are kept up to a day longer. One
   * partition per short transaction: dropping one locks `spans` briefly.
   */
  async dropBefore(cutoffMicros: number): Promise<ExpiredSpans> {
    if (!isPostgres(this.db)) {
      const deletedSpans = await this.db('spans')
        .where('start_time_us', '<', cutoffMicros)
        .delete();
      return { droppedPartitions: 0, deletedSpans };
    }
    let droppedPartitions = 0;
    for (const day of await this.partitionDays()) {
      if ((day + 1) * DAY_US > cutoffMicros) continue;
      try {
        await this.db.transaction(async tx => {
          await tx.raw(`SET LOCAL lock_timeout = '${LOCK_TIMEOUT}'`);
          await tx.raw(`SELECT pg_advisory_xact_lock(${PARTITION_LOCK})`);
          await tx.raw(`DROP TABLE IF EXISTS ${spanPartitionName(day)}`);
        });
      } catch (error) {
        // Busy: the next pass drops it.
        if ((error as { code?: string }).code === LOCK_NOT_AVAILABLE) break;
        throw error;
      }
      this.known.delete(day);
      droppedPartitions++;
    }
    const deletedSpans = await this.db(DEFAULT_PARTITION)
      .where('start_time_us', '<', cutoffMicros)
      .delete();
    return { droppedPartitions, deletedSpans };
  }

  /** The days that have a partition now, oldest first. */
  async partitionDays(): Promise<number[]> {
    const rows: Array<{ name: string }> = (
      await this.db.raw(
        `SELECT c.relname AS name FROM pg_inherits i
           JOIN pg_class c ON c.oid = i.inhrelid
          WHERE i.inhparent = 'spans'::regclass`,
      )
    ).rows;
    return rows
      .map(row => dayOfPartition(row.name))
      .filter((day): day is number => day !== undefined)
      .sort((a, b) => a - b);
  }

  private loadKnown(): Promise<void> {
    this.loaded ??= this.partitionDays().then(
      days => days.forEach(day => this.known.add(day)),
      error => {
        this.loaded = undefined;
        throw error;
      },
    );
    return this.loaded;
  }

  /**
   * Creates one day's partition, unless another process just did. The
   * table is made and filled (with that day's spans of the default
   * partition) before it is attached, so `spans` is only locked for the
   * attach, which its CHECK constraint spares from scanning the new table.
   */
  private async create(day: number): Promise<void> {
    const name = spanPartitionName(day);
    const from = day * DAY_US;
    const to = (day + 1) * DAY_US;
    await this.db.transaction(async tx => {
      await tx.raw(`SET LOCAL lock_timeout = '${LOCK_TIMEOUT}'`);
      await tx.raw(`SELECT pg_advisory_xact_lock(${PARTITION_LOCK})`);
      const exists = await tx.raw('SELECT to_regclass(?) AS oid', [name]);
      if (exists.rows[0].oid) return;
      await tx.raw(`CREATE TABLE ${name} (LIKE spans INCLUDING DEFAULTS)`);
      await tx.raw(
        `ALTER TABLE ${name} ADD CONSTRAINT ${name}_range
         CHECK (start_time_us >= ${from} AND start_time_us < ${to})`,
      );
      await tx.raw(
        `WITH moved AS (
           DELETE FROM ${DEFAULT_PARTITION}
            WHERE start_time_us >= ${from} AND start_time_us < ${to}
           RETURNING *)
         INSERT INTO ${name} SELECT * FROM moved`,
      );
      await tx.raw(
        `ALTER TABLE spans ATTACH PARTITION ${name}
         FOR VALUES FROM (${from}) TO (${to})`,
      );
    });
    this.known.add(day);
  }
}
