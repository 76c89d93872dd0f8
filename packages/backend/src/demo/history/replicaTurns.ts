import { Knex } from 'knex';

/** The demo's PostgreSQL advisory locks, in a namespace of their own. */
const LOCK_NAMESPACE = 20261207;
const LOCKS = { demoDeliveryHistory: 1, demoReadinessHistory: 2 } as const;

/**
 * Runs `work` while this replica holds the lock, so that replicas starting
 * together take turns: the first writes the demo data, the others then find
 * it. The lock belongs to a transaction held open beside the work, released
 * when the work ends or the process dies. SQLite serves one process: nothing
 * to take.
 */
export async function oneReplicaAtATime<T>(
  knex: Knex,
  lock: keyof typeof LOCKS,
  work: () => Promise<T>,
): Promise<T> {
  if (!/^(pg|postgres)/.test(String(knex.client.config.client))) {
    return work();
  }
  return knex.transaction(async tx => {
    await tx.raw('select pg_advisory_xact_lock(?, ?)', [
      LOCK_NAMESPACE,
      LOCKS[lock],
    ]);
    return work();
  });
}
