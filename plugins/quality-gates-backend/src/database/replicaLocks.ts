import { LoggerService } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { isPostgres } from './dialect';

/**
 * Work that replicas of the plugin must not do at the same time, each with
 * its PostgreSQL advisory lock (two-key form, in a namespace of its own).
 */
const LOCK_NAMESPACE = 20261206;
const REPLICA_LOCKS = {
  /** Schema migrations: the plugin's and the scheduler's. */
  startup: 1,
} as const;
type ReplicaLock = keyof typeof REPLICA_LOCKS;

const POLL_MS = 250;
const LOG_EVERY_MS = 30_000;
/** Longer than any migration should take; then the start-up fails clearly. */
const DEFAULT_WAIT_MS = 30 * 60_000;

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/**
 * Runs `work` while this replica holds the lock, for work that runs on
 * connections of its own (knex migrations). The lock belongs to a
 * transaction held open on one pooled connection beside the work, so it is
 * released when the work ends, and also when the process dies (its
 * connection closes). Waiting is logged and bounded.
 */
export async function oneReplicaAtATime<T>(
  knex: Knex,
  options: {
    lock: ReplicaLock;
    /** What the work is, for the log: "migrations". */
    what: string;
    logger: LoggerService;
    waitAtMostMs?: number;
  },
  work: () => Promise<T>,
): Promise<T> {
  if (!isPostgres(knex)) return work();
  const { lock, what, logger } = options;
  const waitAtMostMs = options.waitAtMostMs ?? DEFAULT_WAIT_MS;
  return knex.transaction(async tx => {
    const waiting = Date.now();
    let loggedAt = 0;
    for (;;) {
      const [row] = (
        await tx.raw('select pg_try_advisory_xact_lock(?, ?) as locked', [
          LOCK_NAMESPACE,
          REPLICA_LOCKS[lock],
        ])
      ).rows;
      if (row.locked) break;
      const waited = Date.now() - waiting;
      if (waited > waitAtMostMs) {
        throw new Error(
          `Another replica held the ${lock} lock for ${Math.round(
            waited / 1000,
          )} s; gave up waiting to run ${what}`,
        );
      }
      if (Date.now() - loggedAt >= LOG_EVERY_MS) {
        logger.info(`Waiting for another replica to finish ${what}`);
        loggedAt = Date.now();
      }
      await sleep(POLL_MS);
    }
    if (loggedAt > 0) {
      logger.info(
        `Another replica finished ${what} after ${Date.now() - waiting} ms`,
      );
    }
    return work();
  });
}
