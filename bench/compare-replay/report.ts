/*
 * What the looping replay prints: per method (sequential, fixed-sample at
 * every look) the figures against their targets, then per scenario,
 * then the versions the sequential gate decided wrongly.
 */
import { KINDS, Service, Style } from './scenarios';

export type Method = 'sequential' | 'stricter' | 'fixed';
export const METHODS: Method[] = ['sequential', 'stricter', 'fixed'];

/** How a method's loop over one version ended. */
export interface Outcome {
  answer: 'pass' | 'fail' | 'undecided';
  /** Minutes after the deploy of the deciding look (the last look when undecided). */
  minutes: number;
  states: string[];
  reasons: string[];
}

export interface Row {
  service: Service;
  outcomes: Record<Method, Outcome>;
}

export const TARGETS = {
  sensitivity: 0.99,
  specificity: 0.99,
  lowTrafficPassed: 0,
  medianMinutesAtOnePerSecond: 10,
  decisiveFailedWithinMinutes: 3,
};

const METHOD_NAMES: Record<Method, string> = {
  sequential: 'compare criterion, sequential, defaults (as shipped)',
  stricter:
    'compare criterion, sequential, error ratio passTolerance +100 % (×2) configured',
  fixed: 'fixed-sample judges at every look (the criterion before)',
};

const isRegression = (r: Row) =>
  ['errors', 'latency', 'tail'].includes(r.service.kind);

function share(part: number, whole: number): string {
  return whole ? `${(part / whole).toFixed(3)} (${part}/${whole})` : 'n/a';
}

export function percentile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

const met = (ok: boolean) => (ok ? 'met' : 'MISSED');

function methodLines(rows: Row[], method: Method): string[] {
  const of = (r: Row) => r.outcomes[method];
  const regressions = rows.filter(isRegression);
  const clean = rows.filter(r => r.service.kind === 'clean');
  const low = rows.filter(r => r.service.kind === 'low-traffic');
  const blocked = regressions.filter(r => of(r).answer !== 'pass').length;
  const passed = clean.filter(r => of(r).answer === 'pass').length;
  const cleanFailed = clean.filter(r => of(r).answer === 'fail').length;
  const cleanUndecided = clean.filter(r => of(r).answer === 'undecided').length;
  const lowPassed = low.filter(r => of(r).answer === 'pass').length;
  const busy = rows.filter(
    r => r.service.kind !== 'low-traffic' && r.service.candidateRate >= 1,
  );
  const busyClean = busy.filter(r => r.service.kind === 'clean');
  const busyPassed = busyClean.filter(r => of(r).answer === 'pass').length;
  const busyMinutes = busy.map(r =>
    of(r).answer === 'undecided' ? Infinity : of(r).minutes,
  );
  const decidedMinutes = rows
    .filter(r => of(r).answer !== 'undecided')
    .map(r => of(r).minutes);
  const decisive = regressions.filter(r => r.service.truth?.decisive);
  const decisiveBusy = decisive.filter(r => r.service.candidateRate >= 1);
  const failedSoon = (group: Row[]) =>
    group.filter(
      r =>
        of(r).answer === 'fail' &&
        of(r).minutes <= TARGETS.decisiveFailedWithinMinutes,
    ).length;
  const sensitivity = regressions.length ? blocked / regressions.length : 1;
  const specificity = clean.length ? passed / clean.length : 1;
  const busyMedian = percentile(busyMinutes, 0.5);
  const minutes = (m: number) => (Number.isFinite(m) ? `${m} min` : '> 60 min');
  return [
    `  ${METHOD_NAMES[method]}`,
    `    sensitivity (regressions not passed in 60 min)  ${share(
      blocked,
      regressions.length,
    )}  target >= ${TARGETS.sensitivity}: ${met(
      sensitivity >= TARGETS.sensitivity,
    )}`,
    `    specificity (clean passed in 60 min)            ${share(
      passed,
      clean.length,
    )}  target >= ${TARGETS.specificity}: ${met(
      specificity >= TARGETS.specificity,
    )}`,
    `    specificity, >= 1 request/s                     ${share(
      busyPassed,
      busyClean.length,
    )}`,
    `    clean versions failed (false block)             ${share(
      cleanFailed,
      clean.length,
    )}; still not yet after 60 min ${cleanUndecided}`,
    `    low-traffic versions passed                     ${lowPassed} of ${
      low.length
    }  target ${TARGETS.lowTrafficPassed}: ${met(
      lowPassed <= TARGETS.lowTrafficPassed,
    )}`,
    `    time to decision, >= 1 request/s (${
      busy.length
    })        median ${minutes(busyMedian)}, p95 ${minutes(
      percentile(busyMinutes, 0.95),
    )}  target median <= ${TARGETS.medianMinutesAtOnePerSecond} min: ${met(
      busyMedian <= TARGETS.medianMinutesAtOnePerSecond,
    )}`,
    `    time to decision, all decided (${
      decidedMinutes.length
    })            median ${minutes(
      percentile(decidedMinutes, 0.5),
    )}, p95 ${minutes(percentile(decidedMinutes, 0.95))}`,
    `    decisive regressions failed within ${
      TARGETS.decisiveFailedWithinMinutes
    } min      >= 1 request/s ${share(
      failedSoon(decisiveBusy),
      decisiveBusy.length,
    )}; all ${share(failedSoon(decisive), decisive.length)}`,
  ];
}

function scenarioTable(rows: Row[]): string[] {
  const header = [
    'style',
    'kind',
    'n',
    'sequential pass/fail/not yet',
    'median min',
    'passTolerance ×2',
    'median min',
    'fixed pass/fail/not yet',
    'median min',
  ];
  const table: string[][] = [header];
  for (const style of ['canary', 'rolling'] as Style[]) {
    for (const kind of KINDS) {
      const group = rows.filter(
        r => r.service.style === style && r.service.kind === kind,
      );
      if (!group.length) continue;
      const cells = (method: Method) => {
        const count = (answer: Outcome['answer']) =>
          group.filter(r => r.outcomes[method].answer === answer).length;
        const decided = group
          .filter(r => r.outcomes[method].answer !== 'undecided')
          .map(r => r.outcomes[method].minutes);
        return [
          `${count('pass')}/${count('fail')}/${count('undecided')}`,
          decided.length ? String(percentile(decided, 0.5)) : '-',
        ];
      };
      table.push([
        style,
        kind,
        String(group.length),
        ...METHODS.flatMap(cells),
      ]);
    }
  }
  const widths = header.map((_, c) => Math.max(...table.map(r => r[c].length)));
  return table.map(
    row => `  ${row.map((cell, c) => cell.padEnd(widths[c])).join('  ')}`,
  );
}

export function report(rows: Row[], evaluationMs: number[]): void {
  const lines: string[] = [];
  const mislabelled = rows.filter(
    r => r.service.truth && r.service.truth.regression !== isRegression(r),
  );
  lines.push(
    `\nKinds against the true change (default tolerances): ${mislabelled.length} of ${rows.length} disagree`,
    ...mislabelled.map(
      r =>
        `  ${
          r.service.name
        }: error ratio ×${r.service.truth!.errorRatio.toFixed(
          3,
        )}, p50/p90/p99 ×${r.service
          .truth!.quantileRatios.map(x => x.toFixed(3))
          .join('/')}`,
    ),
    '\nPer method (CI asks every minute from the deploy until decided or 60 minutes)',
    ...METHODS.flatMap(method => methodLines(rows, method)),
    `  time per look (both criteria, through Prometheus): median ${percentile(
      evaluationMs,
      0.5,
    ).toFixed(1)} ms, p95 ${percentile(evaluationMs, 0.95).toFixed(1)} ms`,
    '\nPer scenario (versions passed/failed/not yet after 60 min; median minutes to decision)',
    ...scenarioTable(rows),
  );
  const wrong = rows.filter(r => {
    const answer = r.outcomes.sequential.answer;
    if (isRegression(r)) return answer === 'pass';
    return r.service.kind === 'clean' ? answer !== 'pass' : answer === 'pass';
  });
  if (wrong.length) {
    lines.push(
      '\nWhere the sequential gate was wrong or still waiting (first 25)',
    );
    for (const r of wrong.slice(0, 25)) {
      const o = r.outcomes.sequential;
      lines.push(
        `  ${r.service.name}: ${r.service.injected} — ${o.answer} at ${
          o.minutes
        } min (${o.states.join(', ')})`,
        ...o.reasons.map(reason => `      ${reason}`),
      );
    }
  }
  console.log(lines.join('\n'));
}
