/**
 * What 2xx answers acknowledged, and the check that the database holds
 * exactly that: every acknowledged key stored once, under its own key, with
 * content one of its acknowledged requests sent ("lost" otherwise), no two
 * keys in one row ("merged"), no content another key sent ("foreign"), and
 * no row that no 2xx answer acknowledged ("unacknowledged": a 4xx or 5xx
 * that stored something anyway).
 */
import { Knex } from 'knex';
import { storableText } from '../../plugins/quality-gates-backend/src/input/storableText';

type Acknowledge = (status: number, answer: unknown) => void;

interface Keyed {
  /** Row ids the answers named for the key. */
  ids: Set<string>;
  /** The content field's values acknowledged for the key. */
  contents: Set<string>;
}

export interface Findings {
  /** Acknowledged keys and ids checked. */
  checked: number;
  lost: string[];
  merged: string[];
  foreign: string[];
  unacknowledged: string[];
}

const isObject = (value: unknown): value is Record<string, any> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function entry(map: Map<string, Keyed>, key: string): Keyed {
  let keyed = map.get(key);
  if (!keyed) {
    keyed = { ids: new Set(), contents: new Set() };
    map.set(key, keyed);
  }
  return keyed;
}

/** Quote a key for a report line, escaping what does not print. */
function shown(key: string): string {
  return JSON.stringify(key).replace(
    /[\ud800-\udfff]/g,
    unit => `\\u${unit.charCodeAt(0).toString(16)}`,
  );
}

export class Ledger {
  private readonly rows = {
    deployments: new Map<string, Keyed>(),
    incidents: new Map<string, Keyed>(),
  };
  /** Heartbeats with a key, and every acknowledged heartbeat id by name. */
  private readonly heartbeatKeys = new Map<string, Keyed>();
  private readonly heartbeatIds = new Map<string, string>();
  private readonly spanNames = new Map<string, Set<string>>();
  /** Spans of partly accepted requests: may be stored, need not be. */
  private readonly maybeSpans = new Set<string>();
  private readonly cdEventSubjects = new Map<string, Set<string>>();
  private readonly deliveries = new Set<string>();
  private readonly exemptions = new Map<string, string>();
  private readonly evaluations = new Set<string>();
  private readonly decisions = new Set<string>();
  /** Overrides made from one evaluation: how many, by evaluation. */
  private readonly overrides = new Map<string, number>();
  /** Overrides made for a scope or from a decision: reason, by id. */
  private readonly scopedOverrides = new Map<string, string>();
  /** Revocations answered 2xx: the reasons sent, by override. */
  private readonly revocations = new Map<string, string[]>();
  /** Pins and unpins answered 2xx, by evaluation. */
  private readonly pins = new Map<
    string,
    { pinned: number; unpinned: number }
  >();

  /** JSON API deployments or incidents: keyed by externalId. */
  apiRows(table: 'deployments' | 'incidents', items: unknown[]): Acknowledge {
    const contentField = table === 'deployments' ? 'version' : 'title';
    return (status, answer) => {
      if (status !== 200 || !isObject(answer)) return;
      items.forEach((item, i) => {
        const answered = answer.items?.[i];
        if (!isObject(item) || !isObject(answered)) return;
        const keyed = entry(this.rows[table], String(item.externalId));
        keyed.ids.add(answered.id);
        if (typeof item[contentField] === 'string') {
          keyed.contents.add(item[contentField]);
        }
      });
    };
  }

  heartbeats(items: unknown[]): Acknowledge {
    return (status, answer) => {
      if (status !== 200 || !isObject(answer)) return;
      items.forEach((item, i) => {
        const answered = answer.items?.[i];
        if (!isObject(item) || !isObject(answered)) return;
        if (typeof item.externalId === 'string') {
          const keyed = entry(this.heartbeatKeys, item.externalId);
          keyed.ids.add(answered.id);
          keyed.contents.add(item.name);
        } else {
          this.heartbeatIds.set(answered.id, item.name);
        }
      });
    };
  }

  spans(spans: unknown[]): Acknowledge {
    return (status, answer) => {
      if (status !== 200) return;
      const partly = Buffer.isBuffer(answer)
        ? answer.length > 0
        : isObject(answer) && !!answer.partialSuccess;
      for (const span of spans) {
        if (!isObject(span)) continue;
        const key = `${String(span.traceId).toLowerCase()}/${String(
          span.spanId,
        ).toLowerCase()}`;
        if (partly) {
          this.maybeSpans.add(key);
        } else {
          let names = this.spanNames.get(key);
          if (!names) this.spanNames.set(key, (names = new Set()));
          names.add(storableText(String(span.name)));
        }
      }
    };
  }

  cdEvents(events: unknown[]): Acknowledge {
    return (status, answer) => {
      if (status !== 200 || !isObject(answer)) return;
      events.forEach((event, i) => {
        const data = isObject(event) ? event.data : undefined;
        if (!isObject(data) || !answer.events?.[i]) return;
        const key = `${data.context.source} ${data.context.id}`;
        let subjects = this.cdEventSubjects.get(key);
        if (!subjects) this.cdEventSubjects.set(key, (subjects = new Set()));
        subjects.add(data.subject.id);
      });
    };
  }

  webhook(delivery: string): Acknowledge {
    return (status, answer) => {
      if (
        status === 200 &&
        isObject(answer) &&
        ['recorded', 'duplicate'].includes(answer.status)
      ) {
        this.deliveries.add(delivery);
      }
    };
  }

  exemption(reason: string): Acknowledge {
    return (status, answer) => {
      if (status === 201 && isObject(answer)) {
        this.exemptions.set(answer.id, reason);
      }
    };
  }

  evaluation(): Acknowledge {
    return (status, answer) => {
      if (status !== 200 || !isObject(answer)) return;
      // One answer is one stored decision and its gates' evaluations.
      if (typeof answer.id === 'string') this.decisions.add(answer.id);
      for (const evaluation of answer.evaluations ?? []) {
        this.evaluations.add(evaluation.id);
      }
    };
  }

  /** An override answered with its own id; stored with the reason trimmed. */
  scopedOverride(reason: string): Acknowledge {
    return (status, answer) => {
      if (status === 201 && isObject(answer)) {
        this.scopedOverrides.set(answer.id, reason.trim());
      }
    };
  }

  revocation(overrideId: string, reason: string): Acknowledge {
    return status => {
      if (status !== 200) return;
      this.revocations.set(overrideId, [
        ...(this.revocations.get(overrideId) ?? []),
        reason.trim(),
      ]);
    };
  }

  pin(evaluationId: string, pinned: boolean): Acknowledge {
    return status => {
      if (status !== 200) return;
      const counts = this.pins.get(evaluationId) ?? { pinned: 0, unpinned: 0 };
      if (pinned) counts.pinned++;
      else counts.unpinned++;
      this.pins.set(evaluationId, counts);
    };
  }

  override(evaluationId: string): Acknowledge {
    return status => {
      if (status === 201) {
        this.overrides.set(
          evaluationId,
          (this.overrides.get(evaluationId) ?? 0) + 1,
        );
      }
    };
  }

  /** Compares the database with what was acknowledged. */
  async verify(db: Knex): Promise<Findings> {
    const findings: Findings = {
      checked: 0,
      lost: [],
      merged: [],
      foreign: [],
      unacknowledged: [],
    };
    for (const table of ['deployments', 'incidents'] as const) {
      const contentColumn = table === 'deployments' ? 'version' : 'title';
      const stored = await db(table)
        .where('source', 'api')
        .select('id', 'external_id', contentColumn);
      checkKeyed(findings, table, this.rows[table], stored, contentColumn);
    }

    const beats = await db('heartbeats').select('id', 'external_id', 'name');
    checkKeyed(
      findings,
      'heartbeats',
      this.heartbeatKeys,
      beats.filter(row => row.external_id !== null),
      'name',
    );
    const beatsById = new Map(beats.map(row => [row.id, row]));
    for (const [id, name] of this.heartbeatIds) {
      findings.checked++;
      const row = beatsById.get(id);
      if (!row) findings.lost.push(`heartbeats id ${id}`);
      else if (row.name !== name) findings.foreign.push(`heartbeats id ${id}`);
    }
    for (const row of beats) {
      if (row.external_id === null && !this.heartbeatIds.has(row.id)) {
        findings.unacknowledged.push(`heartbeats id ${row.id}`);
      }
    }

    const spans = await db('spans').select('trace_id', 'span_id', 'name');
    const spanRows = new Map(
      spans.map(row => [`${row.trace_id}/${row.span_id}`, row]),
    );
    for (const [key, names] of this.spanNames) {
      findings.checked++;
      const row = spanRows.get(key);
      if (!row) findings.lost.push(`spans ${key}`);
      else if (!names.has(row.name)) findings.foreign.push(`spans ${key}`);
    }
    for (const key of spanRows.keys()) {
      if (!this.spanNames.has(key) && !this.maybeSpans.has(key)) {
        findings.unacknowledged.push(`spans ${key}`);
      }
    }

    const events = await db('cdevents_received').select(
      'source',
      'event_id',
      'subject_id',
    );
    const eventRows = new Map(
      events.map(row => [`${row.source} ${row.event_id}`, row]),
    );
    for (const [key, subjects] of this.cdEventSubjects) {
      findings.checked++;
      const row = eventRows.get(key);
      if (!row) findings.lost.push(`cdevents ${shown(key)}`);
      else if (!subjects.has(row.subject_id)) {
        findings.foreign.push(`cdevents ${shown(key)}`);
      }
    }
    for (const key of eventRows.keys()) {
      if (!this.cdEventSubjects.has(key)) {
        findings.unacknowledged.push(`cdevents ${shown(key)}`);
      }
    }

    const deliveries = new Set(
      (await db('github_webhook_deliveries').select('delivery_id')).map(
        row => row.delivery_id,
      ),
    );
    for (const delivery of this.deliveries) {
      findings.checked++;
      if (!deliveries.has(delivery)) findings.lost.push(`delivery ${delivery}`);
    }
    for (const delivery of deliveries) {
      if (!this.deliveries.has(delivery)) {
        findings.unacknowledged.push(`delivery ${delivery}`);
      }
    }

    const exemptions = new Map(
      (await db('readiness_exemptions').select('id', 'reason')).map(row => [
        row.id,
        row.reason,
      ]),
    );
    for (const [id, reason] of this.exemptions) {
      findings.checked++;
      if (!exemptions.has(id)) findings.lost.push(`exemption ${id}`);
      else if (exemptions.get(id) !== reason) {
        findings.foreign.push(`exemption ${id}`);
      }
    }
    for (const id of exemptions.keys()) {
      if (!this.exemptions.has(id)) {
        findings.unacknowledged.push(`exemption ${id}`);
      }
    }

    await checkIds(findings, db, 'gate_evaluations', this.evaluations);
    await checkIds(findings, db, 'gate_decisions', this.decisions);

    const overrideRows: Array<{
      id: string;
      evaluation_id: string | null;
      reason: string;
      revoked_at: unknown;
      revoke_reason: string | null;
    }> = await db('gate_overrides').select(
      'id',
      'evaluation_id',
      'reason',
      'revoked_at',
      'revoke_reason',
    );
    const overrideCounts = new Map<string, number>();
    for (const { evaluation_id: id } of overrideRows) {
      if (id !== null)
        overrideCounts.set(id, (overrideCounts.get(id) ?? 0) + 1);
    }
    for (const [id, count] of this.overrides) {
      findings.checked++;
      const stored = overrideCounts.get(id) ?? 0;
      if (stored < count) findings.lost.push(`overrides of ${id}`);
      if (stored > count) findings.unacknowledged.push(`overrides of ${id}`);
    }
    for (const [id] of overrideCounts) {
      if (!this.overrides.has(id)) {
        findings.unacknowledged.push(`overrides of ${id}`);
      }
    }

    const scoped = new Map(
      overrideRows
        .filter(row => row.evaluation_id === null)
        .map(row => [row.id, row]),
    );
    for (const [id, reason] of this.scopedOverrides) {
      findings.checked++;
      const row = scoped.get(id);
      if (!row) findings.lost.push(`override ${id}`);
      else if (row.reason !== reason) findings.foreign.push(`override ${id}`);
    }
    for (const id of scoped.keys()) {
      if (!this.scopedOverrides.has(id)) {
        findings.unacknowledged.push(`override ${id}`);
      }
    }

    // An override is revoked once: a second 2xx would be a lost revocation.
    const byId = new Map(overrideRows.map(row => [row.id, row]));
    for (const [id, reasons] of this.revocations) {
      findings.checked++;
      const row = byId.get(id);
      if (!row?.revoked_at) findings.lost.push(`revocation of ${id}`);
      else if (reasons.length > 1) {
        findings.merged.push(`override ${id} revoked ${reasons.length} times`);
      } else if (row.revoke_reason !== reasons[0]) {
        findings.foreign.push(`revocation of ${id}`);
      }
    }
    for (const row of overrideRows) {
      if (row.revoked_at && !this.revocations.has(row.id)) {
        findings.unacknowledged.push(`revocation of ${row.id}`);
      }
    }

    // Pins and unpins of one evaluation may cross: only pinned-and-never-
    // unpinned must be stored (the run pins one evaluation, so no pin
    // replaces another's), and nothing is pinned that no 2xx pinned.
    const pinned = new Set(
      (await db('gate_baseline_pins').select('evaluation_id')).map(
        row => row.evaluation_id,
      ),
    );
    for (const [id, counts] of this.pins) {
      findings.checked++;
      if (counts.pinned > 0 && counts.unpinned === 0 && !pinned.has(id)) {
        findings.lost.push(`pin of ${id}`);
      }
    }
    for (const id of pinned) {
      if (!this.pins.get(id)?.pinned) {
        findings.unacknowledged.push(`pin of ${id}`);
      }
    }
    return findings;
  }
}

/** Rows the answers named by id: each stored, none stored unnamed. */
async function checkIds(
  findings: Findings,
  db: Knex,
  table: string,
  acknowledged: Set<string>,
) {
  const stored = new Set<string>(
    (await db(table).select('id')).map(row => row.id),
  );
  for (const id of acknowledged) {
    findings.checked++;
    if (!stored.has(id)) findings.lost.push(`${table} ${id}`);
  }
  for (const id of stored) {
    if (!acknowledged.has(id)) findings.unacknowledged.push(`${table} ${id}`);
  }
}

/** Rows keyed by a sender's key: once each, named by the answers, own content. */
function checkKeyed(
  findings: Findings,
  table: string,
  acknowledged: Map<string, Keyed>,
  stored: Array<Record<string, any>>,
  contentColumn: string,
) {
  const byKey = new Map<string, Array<Record<string, any>>>();
  for (const row of stored) {
    byKey.set(row.external_id, [...(byKey.get(row.external_id) ?? []), row]);
  }
  const keyOfId = new Map<string, string>();
  for (const [key, keyed] of acknowledged) {
    findings.checked++;
    const rows = byKey.get(key) ?? [];
    if (rows.length !== 1) {
      findings.lost.push(`${table} ${shown(key)} (${rows.length} rows)`);
      continue;
    }
    const [row] = rows;
    if (keyed.ids.size !== 1 || !keyed.ids.has(row.id)) {
      findings.merged.push(
        `${table} ${shown(key)}: answered ${keyed.ids.size} ids`,
      );
    }
    for (const id of keyed.ids) {
      const other = keyOfId.get(id);
      if (other !== undefined && other !== key) {
        findings.merged.push(`${table} ${shown(key)} and ${shown(other)}`);
      }
      keyOfId.set(id, key);
    }
    if (keyed.contents.size > 0 && !keyed.contents.has(row[contentColumn])) {
      findings.foreign.push(`${table} ${shown(key)}`);
    }
  }
  for (const key of byKey.keys()) {
    if (!acknowledged.has(key)) {
      findings.unacknowledged.push(`${table} ${shown(key)}`);
    }
  }
}
