import { Knex } from 'knex';
import { isPostgres } from '../../database/dialect';

/**
 * `dora_facts_state` records for which production environments the DORA
 * facts tables were derived (one row, or none before the first derivation).
 */
export const STATE = 'dora_facts_state';

type Db = Knex | Knex.Transaction;

/** The production environments the facts were derived for, if they were. */
export async function factsEnvironments(db: Db): Promise<string[] | undefined> {
  const row: { production_environments: string } | undefined = await db(STATE)
    .where('id', 1)
    .first('production_environments');
  return row ? JSON.parse(row.production_environments) : undefined;
}

/**
 * The same, for a writer about to refresh facts: shared with other
 * writers, it waits for a derivation under way (which holds the state's
 * exclusive lock), so that none misses the write.
 */
export async function lockedFactsEnvironments(
  tx: Db,
): Promise<string[] | undefined> {
  if (!isPostgres(tx)) return factsEnvironments(tx);
  const row: { production_environments: string } | undefined = await tx(STATE)
    .where('id', 1)
    .forShare()
    .first('production_environments');
  return row ? JSON.parse(row.production_environments) : undefined;
}
