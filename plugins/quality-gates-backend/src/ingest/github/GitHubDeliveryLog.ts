import { Knex } from 'knex';
import { DateTime } from 'luxon';

const TABLE = 'github_webhook_deliveries';

/**
 * GitHub lets a delivery be redelivered for a few days; ids are kept a
 * little longer than that, then pruned (at most once an hour).
 */
const RETENTION = { days: 7 };
const PRUNE_INTERVAL_MS = 60 * 60 * 1000;

/**
 * The `X-GitHub-Delivery` ids already recorded. A redelivery keeps its id,
 * so an old status replayed after a newer one is not written again.
 */
export class GitHubDeliveryLog {
  private lastPrunedAt = 0;

  constructor(private readonly db: Knex) {}

  /** Whether a delivery was recorded before: a shortcut, not the guard. */
  async isRecorded(deliveryId: string): Promise<boolean> {
    const row = await this.db(TABLE)
      .first('delivery_id')
      .where({ delivery_id: deliveryId });
    return row !== undefined;
  }

  /**
   * Marks a delivery recorded inside the transaction that writes it.
   * Returns false when it already was (also by a concurrent request, which
   * PostgreSQL makes this one wait for): the caller then rolls back.
   */
  async markRecorded(
    tx: Knex.Transaction,
    deliveryId: string,
    event: string,
  ): Promise<boolean> {
    const inserted = await tx(TABLE)
      .insert({ delivery_id: deliveryId, event, received_at: new Date() })
      .onConflict('delivery_id')
      .ignore()
      .returning('delivery_id');
    return inserted.length > 0;
  }

  /** Forgets deliveries too old to be redelivered. */
  async pruneIfDue(): Promise<void> {
    if (Date.now() - this.lastPrunedAt < PRUNE_INTERVAL_MS) {
      return;
    }
    this.lastPrunedAt = Date.now();
    await this.db(TABLE)
      .where('received_at', '<', DateTime.utc().minus(RETENTION).toJSDate())
      .delete();
  }
}
