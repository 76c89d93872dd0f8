import { Knex } from 'knex';
import { DateTime } from 'luxon';

/**
 * Gate evaluations, deployments and incidents whose effectiveness figures
 * were worked out by hand (see effectiveness.test.ts). Times are days and
 * hours after DAY_0, twenty days ago, so that every window but one is over;
 * v11 shipped two hours ago and its window is not.
 *
 * Checkout in production, gate `release-checks` (enforce; criteria
 * error-ratio, then ci) and gate `soak` (dry-run; criterion soak):
 *
 * | version | release-checks (error-ratio, ci)    | soak       | what became of it                                   |
 * | ------- | ----------------------------------- | ---------- | --------------------------------------------------- |
 * | v0      | fail (fail, pass), before the period |            | —                                                   |
 * | v1      | error (error, pass), then pass      |            | shipped day 1; a staging incident only → good       |
 * | v2      | fail (fail, pass)                   | pass       | never deployed → unknown                            |
 * | v3      | fail (fail, pass)                   | fail       | shipped anyway day 3 → good                         |
 * | v4      | pass (pass, pass)                   | fail, pass | shipped day 5; incident without environment 10 h later → bad |
 * | v5      | fail (fail, pass)                   | fail       | rolled back day 7 → bad                             |
 * | v6      | pass (pass, pass)                   |            | shipped day 9; incident 26 h later, past the window → good |
 * | v7      | pass (pass, pass)                   |            | shipped day 11 10:00; the incident at 14:00 follows v8 → good |
 * | v8      | fail, pass, fail, pass (error-ratio flips) |     | shipped day 11 12:00; incident at 14:00 → bad      |
 * | v9      | fail (fail, pass)                   |            | shipped day 13; incident 3 days later naming it → bad |
 * | v10     | error (error, pass)                 |            | shipped day 15 → good                               |
 * | v11     | pass (pass, no data)                |            | shipped 2 h ago → unknown                           |
 * | v12     | pass (fail, pass)                   |            | deployment failed day 17 → bad                      |
 *
 * Payments: release-checks passed p1, shipped day 4 → good.
 */
export const CHECKOUT = 'component:default/checkout';
export const PAYMENTS = 'component:default/payments';

export const NOW = DateTime.utc();
export const DAY_0 = NOW.startOf('day').minus({ days: 20 });

/** `day` days and `hour` hours after DAY_0. */
const at = (day: number, hour: number) =>
  DAY_0.plus({ days: day, hours: hour }).toJSDate();

type State = 'pass' | 'fail' | 'error' | 'no_data';

interface EvaluationSpec {
  id: string;
  gateId: 'release-checks' | 'soak';
  entityRef?: string;
  version: string;
  verdict: 'pass' | 'fail' | 'error';
  finishedAt: Date;
  /** Criterion states in the gate's order. */
  states: State[];
}

const GATES = {
  'release-checks': {
    title: 'Release checks',
    mode: 'enforce',
    criteria: [
      { key: 'error-ratio', source: 'prometheus' },
      { key: 'ci', source: 'pipeline' },
    ],
  },
  soak: {
    title: 'Soak before production',
    mode: 'dry-run',
    criteria: [{ key: 'soak', source: 'wait-timer' }],
  },
};

const release = (
  id: string,
  version: string,
  verdict: EvaluationSpec['verdict'],
  finishedAt: Date,
  states: State[],
): EvaluationSpec => ({
  id,
  gateId: 'release-checks',
  version,
  verdict,
  finishedAt,
  states,
});

const soak = (
  id: string,
  version: string,
  verdict: 'pass' | 'fail',
  finishedAt: Date,
): EvaluationSpec => ({
  id,
  gateId: 'soak',
  version,
  verdict,
  finishedAt,
  states: [verdict],
});

const EVALUATIONS: EvaluationSpec[] = [
  release('e0', 'v0', 'fail', at(-1, 9), ['fail', 'pass']),
  release('e1a', 'v1', 'error', at(1, 8), ['error', 'pass']),
  release('e1b', 'v1', 'pass', at(1, 9), ['pass', 'pass']),
  release('e2', 'v2', 'fail', at(2, 9), ['fail', 'pass']),
  release('e3', 'v3', 'fail', at(3, 9), ['fail', 'pass']),
  release('e4', 'v4', 'pass', at(5, 9), ['pass', 'pass']),
  release('e5', 'v5', 'fail', at(7, 9), ['fail', 'pass']),
  release('e6', 'v6', 'pass', at(9, 9), ['pass', 'pass']),
  release('e7', 'v7', 'pass', at(11, 9), ['pass', 'pass']),
  release('e8a', 'v8', 'fail', at(11, 11), ['fail', 'pass']),
  release('e8b', 'v8', 'pass', at(11, 11.25), ['pass', 'pass']),
  release('e8c', 'v8', 'fail', at(11, 11.5), ['fail', 'pass']),
  release('e8d', 'v8', 'pass', at(11, 11.75), ['pass', 'pass']),
  release('e9', 'v9', 'fail', at(13, 9), ['fail', 'pass']),
  release('e10', 'v10', 'error', at(15, 9), ['error', 'pass']),
  release('e11', 'v11', 'pass', NOW.minus({ hours: 3 }).toJSDate(), [
    'pass',
    'no_data',
  ]),
  release('e12', 'v12', 'pass', at(17, 9), ['fail', 'pass']),
  soak('f2', 'v2', 'pass', at(2, 9.5)),
  soak('f3', 'v3', 'fail', at(3, 9.5)),
  soak('f4a', 'v4', 'fail', at(5, 8)),
  soak('f4b', 'v4', 'pass', at(5, 9.5)),
  soak('f5', 'v5', 'fail', at(7, 9.5)),
  {
    ...release('p1', 'p1', 'pass', at(4, 9), ['pass', 'pass']),
    entityRef: PAYMENTS,
  },
];

interface DeploymentSpec {
  id: string;
  entityRef?: string;
  environment?: string;
  version: string;
  status: 'succeeded' | 'failed' | 'rolled_back';
  finishedAt: Date;
}

const DEPLOYMENTS: DeploymentSpec[] = [
  {
    id: 'd1s',
    environment: 'staging',
    version: 'v1',
    status: 'succeeded',
    finishedAt: at(0, 10),
  },
  { id: 'd1', version: 'v1', status: 'succeeded', finishedAt: at(1, 10) },
  { id: 'd3', version: 'v3', status: 'succeeded', finishedAt: at(3, 10) },
  {
    id: 'dp1',
    entityRef: PAYMENTS,
    version: 'p1',
    status: 'succeeded',
    finishedAt: at(4, 10),
  },
  { id: 'd4', version: 'v4', status: 'succeeded', finishedAt: at(5, 10) },
  { id: 'd5', version: 'v5', status: 'rolled_back', finishedAt: at(7, 10) },
  { id: 'd6', version: 'v6', status: 'succeeded', finishedAt: at(9, 10) },
  { id: 'd7', version: 'v7', status: 'succeeded', finishedAt: at(11, 10) },
  { id: 'd8', version: 'v8', status: 'succeeded', finishedAt: at(11, 12) },
  { id: 'd9', version: 'v9', status: 'succeeded', finishedAt: at(13, 10) },
  { id: 'd10', version: 'v10', status: 'succeeded', finishedAt: at(15, 10) },
  { id: 'd12', version: 'v12', status: 'failed', finishedAt: at(17, 10) },
  {
    id: 'd11',
    version: 'v11',
    status: 'succeeded',
    finishedAt: NOW.minus({ hours: 2 }).toJSDate(),
  },
];

interface IncidentSpec {
  id: string;
  /** Null: the incident names no environment. */
  environment: string | null;
  openedAt: Date;
  causedBy?: string;
}

const INCIDENTS: IncidentSpec[] = [
  // Two hours after v1 reached staging: a staging matter.
  { id: 'iS', environment: 'staging', openedAt: at(0, 12) },
  // No environment: production, 10 h after d4.
  { id: 'i4', environment: null, openedAt: at(5, 20) },
  // 26 h after d6, nothing shipped since: past the 24 h window.
  { id: 'i6', environment: 'production', openedAt: at(10, 12) },
  // d8 (12:00) is the last success before it, not d7 (10:00).
  { id: 'i8', environment: 'production', openedAt: at(11, 14) },
  // Names d9, three days later; d10 shipped in between.
  {
    id: 'i9',
    environment: 'production',
    openedAt: at(16, 10),
    causedBy: 'd9',
  },
];

/** Writes the history into the plugin's tables. */
export async function writeEffectivenessHistory(knex: Knex): Promise<void> {
  const now = new Date();
  await knex('gate_evaluations').insert(
    EVALUATIONS.map(e => ({
      id: e.id,
      gate_id: e.gateId,
      gate_title: GATES[e.gateId].title,
      entity_ref: e.entityRef ?? CHECKOUT,
      environment: 'production',
      version: e.version,
      trigger: 'ci',
      mode: GATES[e.gateId].mode,
      verdict: e.verdict,
      score: null,
      pass_percent: 90,
      warning_percent: 75,
      requested_by: null,
      problems: null,
      started_at: new Date(e.finishedAt.getTime() - 1000),
      finished_at: e.finishedAt,
    })),
  );
  await knex('gate_criterion_results').insert(
    EVALUATIONS.flatMap(e =>
      GATES[e.gateId].criteria.map((criterion, position) => ({
        evaluation_id: e.id,
        key: criterion.key,
        position,
        source: criterion.source,
        state: e.states[position],
        weight: 1,
        key_criterion: false,
        score: e.states[position] === 'pass' ? 1 : 0,
        observed: null,
        evidence: JSON.stringify({
          key: criterion.key,
          source: criterion.source,
          state: e.states[position],
        }),
      })),
    ),
  );
  await knex('deployments').insert(
    DEPLOYMENTS.map(d => ({
      id: d.id,
      source: 'test',
      external_id: d.id,
      entity_ref: d.entityRef ?? CHECKOUT,
      environment: d.environment ?? 'production',
      version: d.version,
      status: d.status,
      started_at: new Date(d.finishedAt.getTime() - 10 * 60_000),
      finished_at: d.finishedAt,
      created_at: now,
      updated_at: now,
    })),
  );
  await knex('incidents').insert(
    INCIDENTS.map(i => ({
      id: i.id,
      source: 'test',
      external_id: i.id,
      entity_ref: CHECKOUT,
      environment: i.environment,
      title: `Incident ${i.id}`,
      opened_at: i.openedAt,
      resolved_at: null,
      caused_by_deployment_id: i.causedBy ?? null,
      created_at: now,
      updated_at: now,
    })),
  );
}
