import { LoggerService } from '@backstage/backend-plugin-api';
import { createHash } from 'node:crypto';
import { Knex } from 'knex';
import { DateTime } from 'luxon';
import { InputError } from '@backstage/errors';
import {
  canonicalEntityRef,
  ReadinessCheckResult,
  ReadinessHistoryPoint,
  ReadinessStateCounts,
  ReadinessSummary,
} from '@can-i-deploy/plugin-quality-gates-common';
import {
  timestampFromDatabase,
  timestampToDatabase,
} from '../database/timestamps';
import { EntityEvaluation } from './ReadinessEvaluator';
import { isPostgres } from '../database/dialect';
import { whereInList } from '../database/inList';
import { StoredReadiness } from './rollups/readinessRollup';
import { StoredBefore, StoredResultMemory } from './StoredResultMemory';

export type { StoredBefore } from './StoredResultMemory';

/** Rows per statement: well under every database's bind-parameter limit. */
export const ROWS_PER_STATEMENT = 200;
/** Refs per `update ... where entity_ref in (...)` of unchanged rows. */
const UNCHANGED_PER_STATEMENT = 500;

const MS_PER_DAY = 24 * 60 * 60 * 1000;

interface EntityRow {
  entity_ref: string;
  kind: string;
  title: string | null;
  type: string | null;
  lifecycle: string | null;
  owner: string | null;
  system: string | null;
  level: string | null;
  level_rank: number;
  score: number | null;
  counts: string;
  failing_checks: string;
  results: string;
  fingerprint: string;
  content_hash: string | null;
  evaluated_at: Date | number | string;
  first_seen_at: Date | number | string;
}

/** What an upsert of a changed row rewrites: all but the key and first seen. */
const UPDATABLE_COLUMNS = [
  'kind',
  'title',
  'type',
  'lifecycle',
  'owner',
  'system',
  'level',
  'level_rank',
  'score',
  'counts',
  'failing_checks',
  'results',
  'fingerprint',
  'content_hash',
  'evaluated_at',
];

/** What the overview reads per row: everything but the full results. */
const SUMMARY_COLUMNS = [
  'entity_ref',
  'kind',
  'title',
  'type',
  'lifecycle',
  'owner',
  'system',
  'level',
  'level_rank',
  'score',
  'counts',
  'failing_checks',
  'fingerprint',
  'evaluated_at',
  'first_seen_at',
];

/** Sortable columns of the overview, by API name. */
export const OVERVIEW_SORT_COLUMNS = {
  entityRef: 'entity_ref',
  kind: 'kind',
  lifecycle: 'lifecycle',
  owner: 'owner',
  level: 'level_rank',
  score: 'score',
  evaluatedAt: 'evaluated_at',
  firstSeenAt: 'first_seen_at',
} as const;

/** Filters of the overview page and its export. */
export interface ReadinessOverviewQuery {
  /** Only these entities, e.g. those a caller can see. */
  entityRefs?: string[];
  kind?: string;
  lifecycle?: string;
  owner?: string;
  system?: string;
  /** A level id, or `none`. */
  level?: string;
  failingCheck?: string;
  /** Only entities with at least one failing check. */
  anyFailing?: boolean;
  q?: string;
  sort?: keyof typeof OVERVIEW_SORT_COLUMNS;
  order?: 'asc' | 'desc';
  limit?: number;
  offset?: number;
}

/** One entity's latest stored readiness. */
export interface StoredEntityReadiness {
  summary: ReadinessSummary;
  results: ReadinessCheckResult[];
}

/** How the store sees the levels and which entities count as new. */
export interface ReadinessStoreOptions {
  levelIds: string[];
  newEntityDays: number;
  /** Told when a write that no one waited for failed. */
  logger?: LoggerService;
}

function fingerprintOf(evaluation: EntityEvaluation): string {
  const states = evaluation.results.map(r => `${r.checkId}=${r.state}`);
  return createHash('sha256')
    .update(`${evaluation.level}|${states.sort().join(',')}`)
    .digest('hex');
}

/** Everything a re-run could change in a row, but the evaluation time. */
function contentHashOf(row: EntityRow): string {
  const { evaluated_at: _at, first_seen_at: _seen, ...content } = row;
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}

/** The history point of an evaluation whose level or a state changed. */
function historyRowOf(evaluation: EntityEvaluation, at: Date, counts: string) {
  return {
    entity_ref: evaluation.facts.entityRef,
    evaluated_at: at,
    level: evaluation.level,
    score: evaluation.score,
    counts,
    states: JSON.stringify(statesOf(evaluation.results)),
  };
}

function statesOf(results: ReadinessCheckResult[]): Record<string, string> {
  return Object.fromEntries(results.map(r => [r.checkId, r.state]));
}

/**
 * An owner or system filter as stored: a canonical ref, where `team-a` is a
 * group (or `webshop` a system).
 */
function filterRefOf(
  name: 'owner' | 'system',
  value: string,
  defaultKind: 'group' | 'system',
): string {
  try {
    return canonicalEntityRef(value, { defaultKind });
  } catch {
    throw new InputError(
      `${name} '${value}' is not an entity ref, e.g. ${defaultKind}:default/${
        defaultKind === 'group' ? 'team-a' : 'webshop'
      }`,
    );
  }
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, match => `\\${match}`);
}

/**
 * Stored readiness: the latest result per entity, history points when
 * something changed, and the overview's queries. Reads never evaluate.
 */
export class ReadinessStore {
  /** Writes answered before they were done, by entity, until they are. */
  readonly #unfinished = new Map<string, Promise<void>>();
  /** What this replica last stored of each entity (see StoredResultMemory). */
  readonly #stored = new StoredResultMemory();

  constructor(
    private readonly knex: Knex,
    private readonly options: ReadinessStoreOptions,
  ) {}

  /** Waits for the entity's unfinished writes, so a read sees them. */
  private async settled(entityRef: string): Promise<void> {
    await this.#unfinished.get(entityRef);
  }

  /**
   * Writes after answering: one entity's such writes run one after the
   * other, and its reads wait for them (see `settled`).
   */
  private writeAfterAnswering(entityRef: string, write: () => Promise<void>) {
    // Started once the answer is on its way: building the statement is
    // work the event loop would otherwise do before sending it.
    const previous =
      this.#unfinished.get(entityRef) ??
      new Promise<void>(resolve => setImmediate(resolve));
    const next: Promise<void> = previous
      .then(write)
      .catch(error =>
        this.options.logger?.warn(
          `Could not store the evaluation time of ${entityRef}: ${error}`,
        ),
      )
      .finally(() => {
        if (this.#unfinished.get(entityRef) === next) {
          this.#unfinished.delete(entityRef);
        }
      });
    this.#unfinished.set(entityRef, next);
  }

  /** The row an evaluation is stored as. */
  private rowOf(
    evaluation: EntityEvaluation,
    at: Date,
    seenAt: Date,
  ): EntityRow {
    const { facts } = evaluation;
    const row: EntityRow = {
      entity_ref: facts.entityRef,
      kind: facts.kind,
      title: facts.title ?? null,
      type: facts.type ?? null,
      lifecycle: facts.lifecycle ?? null,
      owner: facts.owner ?? null,
      system: facts.system ?? null,
      level: evaluation.level,
      level_rank: this.levelRank(evaluation.level),
      score: evaluation.score,
      counts: JSON.stringify(evaluation.counts),
      failing_checks: `|${evaluation.failingChecks.join('|')}|`,
      results: JSON.stringify(evaluation.results),
      fingerprint: fingerprintOf(evaluation),
      content_hash: null,
      evaluated_at: at,
      first_seen_at: seenAt,
    };
    row.content_hash = contentHashOf(row);
    return row;
  }

  private levelRank(level: string | null): number {
    return level === null ? 0 : this.options.levelIds.indexOf(level) + 1;
  }

  /**
   * Stores a batch of evaluations in one transaction, adding a history point
   * for each entity whose level or check states changed (or is new).
   * `firstSeenAt` is what an entity not stored before records as first seen:
   * a scheduled run passes its start, so every entity it finds shares one
   * first-seen time and the install's first run can be told apart.
   */
  async writeEvaluations(
    evaluations: EntityEvaluation[],
    evaluatedAt: DateTime,
    firstSeenAt: DateTime = evaluatedAt,
  ): Promise<void> {
    await this.write(evaluations, evaluatedAt, firstSeenAt);
  }

  /**
   * Stores one entity's evaluation and answers with it as `getEntity`
   * would read it back, without reading it back: the row is what was just
   * written, with the first-seen time the write kept.
   */
  async writeEvaluation(
    evaluation: EntityEvaluation,
    evaluatedAt: DateTime,
    before?: StoredBefore,
  ): Promise<StoredEntityReadiness> {
    if (before && before.fingerprint === fingerprintOf(evaluation)) {
      // Nothing but the evaluation time (and perhaps a message) changed:
      // no history point, and the answer is known without the write. The
      // person waits for the evaluation, not for its time to be stored;
      // reads of this entity wait for it (see `settled`).
      const at = evaluatedAt.toJSDate();
      const row = {
        ...this.rowOf(evaluation, at, at),
        first_seen_at: before.firstSeenAt,
      };
      this.writeAfterAnswering(row.entity_ref, async () => {
        await this.writeEvaluationNow(evaluation, evaluatedAt);
      });
      return {
        summary: this.toSummary(row, this.newSinceFrom(before.earliest)),
        results: evaluation.results,
      };
    }
    return this.writeEvaluationNow(evaluation, evaluatedAt);
  }

  private async writeEvaluationNow(
    evaluation: EntityEvaluation,
    evaluatedAt: DateTime,
  ): Promise<StoredEntityReadiness> {
    // On PostgreSQL the write reads the earliest first-seen time too (as it
    // was before the write); elsewhere a second query, at the same time.
    const [earliest, row] = isPostgres(this.knex)
      ? await this.writeOneStatement(evaluation, evaluatedAt).then(
          written => [written.earliest, written.row] as const,
        )
      : await Promise.all([
          this.earliestFirstSeen(),
          this.write([evaluation], evaluatedAt, evaluatedAt).then(
            ([written]) => written,
          ),
        ]);
    // The earliest first-seen time after the write, whether the query above
    // ran before or after it.
    const firstSeen = DateTime.fromISO(
      timestampFromDatabase(row.first_seen_at),
    );
    const newSince = this.newSinceFrom(
      earliest && earliest < firstSeen ? earliest : firstSeen,
    );
    return {
      summary: this.toSummary(row, newSince),
      results: evaluation.results,
    };
  }

  /**
   * One entity in one statement on PostgreSQL, one round trip instead of a
   * transaction's four or five. The upsert reads `previous` first, so the
   * row is locked before it is written, as `write` locks it: of an
   * on-demand evaluation and a scheduled run writing the same change, one
   * adds the history point. The upsert returns the first-seen time the row
   * kept; a row whose content did not change is rewritten to the same
   * values. It also answers the earliest first-seen time of all rows, as
   * it was before this write.
   *
   * When nothing but the evaluation time changed (no history point), the
   * statement's own transaction commits without waiting for the WAL to
   * reach the disk: a database crash in the next fraction of a second
   * could lose only that newer time, which the next run writes again, and
   * the wait was a third of the write. A change commits as usual.
   */
  private async writeOneStatement(
    evaluation: EntityEvaluation,
    evaluatedAt: DateTime,
  ): Promise<{ row: EntityRow; earliest: DateTime | undefined }> {
    const at = evaluatedAt.toJSDate();
    const row = this.rowOf(evaluation, at, at);
    const columns = Object.keys(row) as Array<keyof EntityRow>;
    // Parameters in a select list have no type of their own.
    const castOf = (column: keyof EntityRow) =>
      ({
        level_rank: '::integer',
        score: '::integer',
        evaluated_at: '::timestamptz',
        first_seen_at: '::timestamptz',
      }[column as string] ?? '');
    const point = historyRowOf(evaluation, at, row.counts);
    const { rows } = await this.knex.raw(
      `with previous as (
         select fingerprint from readiness_entities
         where entity_ref = ? for update
       ), upserted as (
         insert into readiness_entities (${columns.map(() => '??').join(', ')})
         select ${columns.map(c => `?${castOf(c)}`).join(', ')}
         from (select count(*) from previous) as locked
         on conflict (entity_ref) do update set ${UPDATABLE_COLUMNS.map(
           () => '?? = excluded.??',
         ).join(', ')}
         returning first_seen_at
       ), added as (
         insert into readiness_history
           (entity_ref, evaluated_at, level, score, counts, states)
         select ?, ?::timestamptz, ?, ?::integer, ?, ?
         where not exists (select 1 from previous where fingerprint = ?)
       )
       select first_seen_at,
         (select min(first_seen_at) from readiness_entities) as earliest,
         set_config('synchronous_commit',
           case when exists (select 1 from previous where fingerprint = ?)
             then 'off' else 'on' end, true) as commit_mode
       from upserted`,
      [
        row.entity_ref,
        ...columns,
        ...columns.map(column => row[column]),
        ...UPDATABLE_COLUMNS.flatMap(column => [column, column]),
        point.entity_ref,
        point.evaluated_at,
        point.level,
        point.score,
        point.counts,
        point.states,
        row.fingerprint,
        row.fingerprint,
      ],
    );
    const { first_seen_at: firstSeenAt, earliest } = rows[0];
    const written = {
      row: { ...row, first_seen_at: firstSeenAt },
      earliest:
        earliest === null || earliest === undefined
          ? undefined
          : DateTime.fromISO(timestampFromDatabase(earliest)),
    };
    this.#stored.rememberEarliest(written.earliest);
    this.#stored.remember([written.row]);
    return written;
  }

  /** The rows as stored: `first_seen_at` is the one a row kept. */
  private async write(
    evaluations: EntityEvaluation[],
    evaluatedAt: DateTime,
    firstSeenAt: DateTime,
  ): Promise<EntityRow[]> {
    if (evaluations.length === 0) return [];
    const at = evaluatedAt.toJSDate();
    const seenAt = firstSeenAt.toJSDate();
    const byRef = new Map(evaluations.map(e => [e.facts.entityRef, e]));
    const refs = [...byRef.keys()].sort();
    const written = await this.knex.transaction(async tx => {
      const previous = new Map<
        string,
        {
          fingerprint: string;
          contentHash: string | null;
          firstSeenAt: EntityRow['first_seen_at'];
        }
      >();
      for (let i = 0; i < refs.length; i += ROWS_PER_STATEMENT) {
        // Locked (in key order) on PostgreSQL: an on-demand evaluation and
        // the scheduled run writing the same entity add one history point.
        const rows = await tx('readiness_entities')
          .select('entity_ref', 'fingerprint', 'content_hash', 'first_seen_at')
          .whereIn('entity_ref', refs.slice(i, i + ROWS_PER_STATEMENT))
          .orderBy('entity_ref')
          .modify(query => {
            if (isPostgres(tx)) query.forUpdate();
          });
        for (const row of rows) {
          previous.set(row.entity_ref, {
            fingerprint: row.fingerprint,
            contentHash: row.content_hash,
            firstSeenAt: row.first_seen_at,
          });
        }
      }
      const stored: EntityRow[] = [];
      const rows: EntityRow[] = [];
      const unchanged: string[] = [];
      const history: Array<Record<string, unknown>> = [];
      for (const ref of refs) {
        const evaluation = byRef.get(ref)!;
        const row = this.rowOf(evaluation, at, seenAt);
        const { fingerprint, counts } = row;
        const before = previous.get(ref);
        if (before?.contentHash === row.content_hash) {
          unchanged.push(ref);
        } else {
          rows.push(row);
        }
        // An upsert keeps the first-seen time of a row already there.
        stored.push(
          before ? { ...row, first_seen_at: before.firstSeenAt } : row,
        );
        if (before?.fingerprint !== fingerprint) {
          history.push(historyRowOf(evaluation, at, counts));
        }
      }
      for (let i = 0; i < unchanged.length; i += UNCHANGED_PER_STATEMENT) {
        await tx('readiness_entities')
          .whereIn(
            'entity_ref',
            unchanged.slice(i, i + UNCHANGED_PER_STATEMENT),
          )
          .update({ evaluated_at: at });
      }
      for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
        await tx('readiness_entities')
          .insert(rows.slice(i, i + ROWS_PER_STATEMENT))
          .onConflict('entity_ref')
          .merge(UPDATABLE_COLUMNS);
      }
      for (let i = 0; i < history.length; i += ROWS_PER_STATEMENT) {
        await tx('readiness_history').insert(
          history.slice(i, i + ROWS_PER_STATEMENT),
        );
      }
      return stored;
    });
    this.#stored.remember(written);
    return written;
  }

  /**
   * Forgets the latest result of entities a complete run did not see (gone
   * from the catalog or no longer scored); their history stays.
   */
  async removeNotEvaluatedSince(runStartedAt: DateTime): Promise<number> {
    try {
      return await this.knex('readiness_entities')
        .where('evaluated_at', '<', runStartedAt.toJSDate())
        .delete();
    } finally {
      this.#stored.forgetEvaluatedBefore(runStartedAt);
    }
  }

  /**
   * What is stored of an entity's last result that an on-demand evaluation
   * can use before it has the entity: its owner and system (usually still
   * its own, so their kinds can be looked up meanwhile), and what the
   * answer needs when nothing but the evaluation time changes.
   */
  async storedBefore(entityRef: string): Promise<StoredBefore | undefined> {
    await this.settled(entityRef);
    const remembered = this.#stored.before(entityRef);
    if (remembered) return remembered;
    const row:
      | (Pick<
          EntityRow,
          'owner' | 'system' | 'fingerprint' | 'first_seen_at' | 'evaluated_at'
        > & {
          earliest: Date | number | string | null;
        })
      | undefined = await this.knex('readiness_entities')
      .select(
        'owner',
        'system',
        'fingerprint',
        'first_seen_at',
        'evaluated_at',
        {
          earliest: this.knex('readiness_entities').min('first_seen_at'),
        },
      )
      .where({ entity_ref: entityRef })
      .first();
    if (!row) return undefined;
    const earliest =
      row.earliest === null || row.earliest === undefined
        ? undefined
        : DateTime.fromISO(timestampFromDatabase(row.earliest));
    this.#stored.rememberEarliest(earliest);
    this.#stored.rememberRead({ entity_ref: entityRef, ...row });
    return {
      owner: row.owner,
      system: row.system,
      fingerprint: row.fingerprint,
      firstSeenAt: row.first_seen_at,
      earliest,
    };
  }

  async getEntity(
    entityRef: string,
  ): Promise<StoredEntityReadiness | undefined> {
    await this.settled(entityRef);
    const row: EntityRow | undefined = await this.knex('readiness_entities')
      .where({ entity_ref: entityRef })
      .first();
    if (!row) return undefined;
    const newSince = await this.newSince();
    return {
      summary: this.toSummary(row, newSince),
      results: JSON.parse(row.results),
    };
  }

  async history(
    entityRef: string,
    options: { from?: string; limit: number },
  ): Promise<ReadinessHistoryPoint[]> {
    await this.settled(entityRef);
    const query = this.knex('readiness_history')
      .where({ entity_ref: entityRef })
      .orderBy('evaluated_at', 'desc')
      .orderBy('id', 'desc')
      .limit(options.limit);
    if (options.from) {
      query.where('evaluated_at', '>=', timestampToDatabase(options.from));
    }
    const rows = await query;
    return rows.reverse().map(row => ({
      evaluatedAt: timestampFromDatabase(row.evaluated_at),
      level: row.level,
      score: row.score,
      counts: JSON.parse(row.counts) as ReadinessStateCounts,
      states: JSON.parse(row.states),
    }));
  }

  private filtered(query: ReadinessOverviewQuery): Knex.QueryBuilder {
    const builder = this.knex('readiness_entities');
    if (query.entityRefs) {
      whereInList(this.knex, builder, 'entity_ref', query.entityRefs);
    }
    if (query.kind) {
      builder.whereRaw('lower(kind) = ?', [query.kind.toLowerCase()]);
    }
    if (query.lifecycle) builder.where('lifecycle', query.lifecycle);
    if (query.owner) {
      builder.where('owner', filterRefOf('owner', query.owner, 'group'));
    }
    if (query.system) {
      builder.where('system', filterRefOf('system', query.system, 'system'));
    }
    if (query.level === 'none') builder.whereNull('level');
    else if (query.level) builder.where('level', query.level);
    if (query.failingCheck) {
      builder.whereRaw("failing_checks like ? escape '\\'", [
        `%|${escapeLike(query.failingCheck)}|%`,
      ]);
    }
    // Stored as `|a|b|`; no failing check is `||`.
    if (query.anyFailing) builder.whereNot('failing_checks', '||');
    if (query.q) {
      const pattern = `%${escapeLike(query.q.toLowerCase())}%`;
      builder.where(inner =>
        inner
          .whereRaw("entity_ref like ? escape '\\'", [pattern])
          .orWhereRaw("lower(coalesce(title, '')) like ? escape '\\'", [
            pattern,
          ]),
      );
    }
    return builder;
  }

  private ordered(
    builder: Knex.QueryBuilder,
    query: ReadinessOverviewQuery,
    newSince: string,
  ): Knex.QueryBuilder {
    const direction = query.order ?? 'asc';
    if (query.sort) {
      builder.orderBy(OVERVIEW_SORT_COLUMNS[query.sort], direction);
    } else {
      // New entities first: experimental ones, then those first seen
      // recently (newest first), then the rest; least ready first within.
      builder
        .orderByRaw(
          "case when lifecycle = 'experimental' then 0 when first_seen_at >= ? then 1 else 2 end",
          [new Date(newSince)],
        )
        .orderBy('first_seen_at', 'desc')
        .orderBy('level_rank', 'asc');
    }
    return builder.orderBy('entity_ref', 'asc');
  }

  async overview(query: ReadinessOverviewQuery): Promise<{
    items: ReadinessSummary[];
    totalCount: number;
  }> {
    const newSince = await this.newSince();
    const [rows, [{ count }]] = await Promise.all([
      this.ordered(
        this.filtered(query).select(SUMMARY_COLUMNS),
        query,
        newSince,
      )
        .limit(query.limit ?? 100)
        .offset(query.offset ?? 0),
      this.filtered(query).count({ count: '*' }),
    ]);
    return {
      items: rows.map((row: EntityRow) => this.toSummary(row, newSince)),
      totalCount: Number(count),
    };
  }

  /** Every matching row, in pages, for the CSV export. */
  async *exportRows(query: ReadinessOverviewQuery): AsyncGenerator<{
    summary: ReadinessSummary;
    states: Record<string, string>;
  }> {
    // Large pages: each one sorts the matching rows again.
    const pageSize = 5000;
    const newSince = await this.newSince();
    for (let offset = 0; ; offset += pageSize) {
      const rows: EntityRow[] = await this.ordered(
        this.filtered(query).select([...SUMMARY_COLUMNS, 'results']),
        query,
        newSince,
      )
        .limit(pageSize)
        .offset(offset);
      for (const row of rows) {
        yield {
          summary: this.toSummary(row, newSince),
          states: statesOf(JSON.parse(row.results)),
        };
      }
      if (rows.length < pageSize) return;
    }
  }

  /** The stored readiness of the entities matching a filter, for roll-ups. */
  async storedReadiness(
    query: ReadinessOverviewQuery,
  ): Promise<StoredReadiness[]> {
    const rows: Array<
      Pick<
        EntityRow,
        | 'entity_ref'
        | 'title'
        | 'owner'
        | 'system'
        | 'level'
        | 'score'
        | 'failing_checks'
      >
    > = await this.filtered(query).select([
      'entity_ref',
      'title',
      'owner',
      'system',
      'level',
      'score',
      'failing_checks',
    ]);
    return rows.map(row => ({
      entityRef: row.entity_ref,
      ...(row.title !== null ? { title: row.title } : {}),
      ...(row.owner !== null ? { owner: row.owner } : {}),
      ...(row.system !== null ? { system: row.system } : {}),
      level: row.level,
      score: row.score === null ? null : Number(row.score),
      failingChecks: row.failing_checks.split('|').filter(Boolean),
    }));
  }

  /** Every entity with a stored result. */
  async entityRefs(): Promise<string[]> {
    const rows: Array<{ entity_ref: string }> = await this.knex(
      'readiness_entities',
    ).select('entity_ref');
    return rows.map(row => row.entity_ref);
  }

  /** The values the overview can be filtered by, of these entities. */
  async facets(entityRefs?: string[]): Promise<{
    kinds: string[];
    lifecycles: string[];
    owners: string[];
    systems: string[];
  }> {
    const distinct = async (column: string) =>
      (
        await this.filtered({ entityRefs })
          .distinct(column)
          .whereNotNull(column)
          .orderBy(column)
      ).map(row => row[column] as string);
    const [kinds, lifecycles, owners, systems] = await Promise.all([
      distinct('kind'),
      distinct('lifecycle'),
      distinct('owner'),
      distinct('system'),
    ]);
    return { kinds, lifecycles, owners, systems };
  }

  /** Deletes history points older than the retention. */
  async deleteHistoryBefore(cutoff: DateTime): Promise<number> {
    return this.knex('readiness_history')
      .where('evaluated_at', '<', cutoff.toJSDate())
      .delete();
  }

  /**
   * From when an entity first seen counts as new: within `newEntityDays`,
   * and after the install's first run. Everything that run found was there
   * before the plugin was, so on a fresh install nothing is badged new.
   */
  private async newSince(): Promise<string> {
    return this.newSinceFrom(await this.earliestFirstSeen());
  }

  /** The first-seen time of the install's first run, if any ran. */
  private async earliestFirstSeen(): Promise<DateTime | undefined> {
    const [{ earliest }] = await this.knex('readiness_entities').min({
      earliest: 'first_seen_at',
    });
    if (earliest === null || earliest === undefined) return undefined;
    return DateTime.fromISO(timestampFromDatabase(earliest));
  }

  /**
   * `newSince` as an ISO 8601 UTC string, the form `toSummary` compares.
   * Plain milliseconds: a UTC day is always 24 hours, and this runs for
   * every answer, where date arithmetic through luxon cost a tenth of a
   * millisecond or more.
   */
  private newSinceFrom(earliest: DateTime | undefined): string {
    const recent = Date.now() - this.options.newEntityDays * MS_PER_DAY;
    const afterFirstRun = earliest ? earliest.toMillis() + 1 : recent;
    return new Date(Math.max(recent, afterFirstRun)).toISOString();
  }

  private toSummary(row: EntityRow, newSince: string): ReadinessSummary {
    const firstSeenAt = timestampFromDatabase(row.first_seen_at);
    // ISO 8601 UTC strings of the same form compare as they sort.
    const isNew = row.lifecycle === 'experimental' || firstSeenAt >= newSince;
    const summary: ReadinessSummary = {
      entityRef: row.entity_ref,
      kind: row.kind,
      level: row.level,
      nextLevel: this.nextLevel(row.level),
      score: row.score,
      counts: JSON.parse(row.counts),
      failingChecks: row.failing_checks.split('|').filter(Boolean),
      evaluatedAt: timestampFromDatabase(row.evaluated_at),
      firstSeenAt,
      isNew,
    };
    for (const key of [
      'title',
      'type',
      'lifecycle',
      'owner',
      'system',
    ] as const) {
      if (row[key] !== null) summary[key] = row[key]!;
    }
    return summary;
  }

  private nextLevel(level: string | null): string | null {
    const { levelIds } = this.options;
    return levelIds[this.levelRank(level)] ?? null;
  }
}
