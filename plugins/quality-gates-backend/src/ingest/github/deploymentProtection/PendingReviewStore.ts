import { randomUUID } from 'node:crypto';
import { Knex } from 'knex';
import {
  timestampFromDatabase,
  timestampToDatabase,
} from '../../../database/timestamps';
import { CallbackTarget } from './DeploymentCallback';
import { ProtectionRuleRequest } from './protectionRuleEvent';

const TABLE = 'github_pending_reviews';

/** A protection rule whose gates said "not yet", waiting to be asked again. */
export interface PendingReview {
  id: string;
  request: ProtectionRuleRequest;
  target: CallbackTarget;
  delivery?: string;
  createdAt: string;
  /** Rejected if still not decided then. */
  giveUpAt: string;
  lastDecisionId?: string;
}

/**
 * Pending protection rules in the database, shared by every replica. A
 * due row is claimed with one conditional update that sets a lease
 * (`claimed_until`): only the replica whose update changed the row works
 * on it, and a replica that dies mid-way leaves it to be claimed again
 * when the lease ends. The re-evaluation then answers GitHub once.
 */
export class PendingReviewStore {
  constructor(
    private readonly knex: Knex,
    private readonly owner: string = randomUUID(),
  ) {}

  async add(review: {
    request: ProtectionRuleRequest;
    target: CallbackTarget;
    delivery?: string;
    nextAt: string;
    giveUpAt: string;
    lastDecisionId?: string;
  }): Promise<string> {
    const id = randomUUID();
    await this.knex(TABLE).insert({
      id,
      request: JSON.stringify(review.request),
      target: JSON.stringify(review.target),
      delivery: review.delivery ?? null,
      created_at: timestampToDatabase(new Date().toISOString()),
      give_up_at: timestampToDatabase(review.giveUpAt),
      next_at: timestampToDatabase(review.nextAt),
      last_decision_id: review.lastDecisionId ?? null,
    });
    return id;
  }

  /** Claims up to `limit` due reviews for `leaseMs`; each by one replica only. */
  async claimDue(
    now: Date,
    leaseMs: number,
    limit = 20,
  ): Promise<PendingReview[]> {
    const at = timestampToDatabase(now.toISOString());
    const free = (query: Knex.QueryBuilder) =>
      query
        .where('next_at', '<=', at)
        .andWhere(q =>
          q.whereNull('claimed_until').orWhere('claimed_until', '<', at),
        );
    const candidates = await free(this.knex(TABLE).select('id'))
      .orderBy('next_at', 'asc')
      .limit(limit);
    const claimed: PendingReview[] = [];
    for (const { id } of candidates) {
      const changed = await free(this.knex(TABLE).where({ id })).update({
        claimed_by: this.owner,
        claimed_until: timestampToDatabase(
          new Date(now.getTime() + leaseMs).toISOString(),
        ),
      });
      if (changed !== 1) continue; // another replica took it
      const row = await this.knex(TABLE)
        .where({ id, claimed_by: this.owner })
        .first();
      if (row) claimed.push(toPending(row));
    }
    return claimed;
  }

  /** Asks again at `nextAt`; only while this replica holds the claim. */
  async reschedule(
    id: string,
    nextAt: string,
    lastDecisionId: string,
  ): Promise<void> {
    await this.knex(TABLE)
      .where({ id, claimed_by: this.owner })
      .update({
        next_at: timestampToDatabase(nextAt),
        last_decision_id: lastDecisionId,
        claimed_by: null,
        claimed_until: null,
      });
  }

  /** Done: answered (or given up). */
  async remove(id: string): Promise<void> {
    await this.knex(TABLE).where({ id, claimed_by: this.owner }).delete();
  }

  async count(): Promise<number> {
    const [{ n }] = await this.knex(TABLE).count({ n: '*' });
    return Number(n);
  }
}

function toPending(row: any): PendingReview {
  return {
    id: row.id,
    request: JSON.parse(row.request),
    target: JSON.parse(row.target),
    ...(row.delivery ? { delivery: row.delivery } : {}),
    createdAt: timestampFromDatabase(row.created_at),
    giveUpAt: timestampFromDatabase(row.give_up_at),
    ...(row.last_decision_id ? { lastDecisionId: row.last_decision_id } : {}),
  };
}
