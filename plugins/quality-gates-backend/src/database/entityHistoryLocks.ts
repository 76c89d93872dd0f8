import { Knex } from 'knex';
import { isPostgres } from './dialect';

/** Namespace of the advisory locks on entities' delivery histories. */
const LOCK_NAMESPACE = 20261128;

/**
 * Serializes the writers of entities' delivery histories (deployments and
 * what is derived from them: first deployments, DORA facts) until the
 * transaction ends, so that each derives from the rows the one before it
 * committed. Locks are taken in the order of their keys, the hashes of the
 * refs (two refs may share one), so that writers of overlapping entities
 * cannot deadlock; a lock already held is taken again at no cost. Take them
 * before writing the rows they guard. SQLite serializes writers itself.
 */
export async function lockEntityHistories(
  tx: Knex | Knex.Transaction,
  entityRefs: Iterable<string | null | undefined>,
): Promise<void> {
  if (!isPostgres(tx)) return;
  const refs = [...new Set(entityRefs)].filter(
    (ref): ref is string => typeof ref === 'string',
  );
  if (refs.length === 0) return;
  // Volatile functions of the select list run after the ORDER BY.
  await tx.raw(
    `select pg_advisory_xact_lock(?, k.key) from (
      select distinct hashtext(r.ref) as key
      from (values ${refs.map(() => '(?)').join(', ')}) r (ref)
    ) k order by k.key`,
    [LOCK_NAMESPACE, ...refs],
  );
}
