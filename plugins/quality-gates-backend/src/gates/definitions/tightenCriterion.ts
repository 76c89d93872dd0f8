import { isDeepStrictEqual } from 'node:util';
import {
  ComponentCriterion,
  CriterionConfig,
  IMPLICIT_PASS,
} from './gateSchema';

/** A criterion of a tightened gate, with where it was defined. */
export type TightenedCriterion = CriterionConfig & {
  origin: 'central' | 'component';
};

type NoDataPolicy = CriterionConfig['noData'];

/**
 * The policies stricter than each one. `fail` is strictest: no data earns
 * nothing and fails a key criterion. `warning` (half the points) and
 * `ignore` (out of the score) cannot be ranked against each other: which
 * scores higher depends on the other criteria. `pass` is loosest.
 */
const STRICTER_NO_DATA: Record<NoDataPolicy, NoDataPolicy[]> = {
  fail: [],
  warning: ['fail'],
  ignore: ['fail'],
  pass: ['warning', 'ignore', 'fail'],
};

/** Fields handled by a rule of their own below; any other must be unchanged. */
const RULED_FIELDS = new Set([
  'key',
  'pass',
  'warning',
  'degraded',
  'critical',
  'better',
  'keyCriterion',
  'noData',
  'minSampleSize',
  'retries',
  'flakyTolerance',
]);

/** Why a changed field that has no tightening direction is refused. */
const UNCHANGEABLE: Record<string, string> = {
  source: 'a component cannot change what a central criterion measures',
  weight:
    'a component cannot reweigh a central criterion (more weight on a passing one raises the score)',
  baseline: 'a component cannot choose what a central criterion compares with',
  title: 'a component cannot rename a central criterion',
};

function defined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(value).filter(([, field]) => field !== undefined),
  ) as Partial<T>;
}

/**
 * What a component's file says about a criterion the central gate already
 * has, applied only where it makes the criterion stricter, judged against
 * how `judgeValue` and `scoreGate` read it:
 * - `pass` comparisons are added: all must hold, so fewer values pass;
 * - `warning` comparisons are added only to an existing warning band (the
 *   band is read only when pass fails, and all of it must hold, so fewer
 *   values warn and more fail); a band the central criterion does not have
 *   would turn failures into warnings;
 * - `degraded`/`critical` may move towards the better side only;
 * - `keyCriterion` may be turned on, `noData` made stricter, `retries` and
 *   `flakyTolerance` lowered, `minSampleSize` raised (only where no data
 *   counts as a failure, else too few samples would be a way out);
 * - everything else (source, weight, baseline, title, the source's own
 *   fields) may only be repeated as it is.
 * Each refused field is a problem naming it; with any problem the
 * criterion is returned unchanged.
 */
export function tightenCriterion(
  central: TightenedCriterion,
  change: ComponentCriterion,
  where: string,
): { criterion: TightenedCriterion; problems: string[] } {
  const said = defined(change) as Record<string, unknown>;
  const problems: string[] = [];
  const merged: TightenedCriterion = { ...central };
  const refuse = (field: string, why: string) =>
    problems.push(`${where}: ${field}: ${why}`);

  for (const [field, value] of Object.entries(said)) {
    if (RULED_FIELDS.has(field)) continue;
    const centralValue = (central as Record<string, unknown>)[field];
    if (!isDeepStrictEqual(value, centralValue)) {
      refuse(
        field,
        `${JSON.stringify(value)} differs from the central ${
          centralValue === undefined ? '(unset)' : JSON.stringify(centralValue)
        }: ${
          UNCHANGEABLE[field] ??
          'a component cannot change how a central criterion is measured'
        }`,
      );
    }
  }

  const pairJudged = central.degraded !== undefined;
  if (change.pass) {
    if (pairJudged) {
      refuse(
        'pass',
        'the central criterion is judged by degraded/critical; tighten those, or add a criterion of your own',
      );
    } else if (central.pass) {
      merged.pass = [...central.pass, ...change.pass];
    } else {
      // A yes/no criterion passes at 1; the additions join that. A warning
      // band without pass comparisons was never read, so it stays unread.
      merged.pass = [IMPLICIT_PASS, ...change.pass];
      delete merged.warning;
    }
  }
  if (change.warning && change.warning.length > 0) {
    const band = central.pass ? central.warning ?? [] : [];
    if (pairJudged) {
      refuse(
        'warning',
        'the central criterion is judged by degraded/critical; tighten those instead',
      );
    } else if (band.length === 0) {
      refuse(
        'warning',
        'the central criterion has no warning band; adding one would turn a failure into a warning',
      );
    } else {
      merged.warning = [...band, ...change.warning];
    }
  }
  if (change.degraded !== undefined || change.critical !== undefined) {
    if (!pairJudged) {
      refuse(
        change.degraded !== undefined ? 'degraded' : 'critical',
        'the central criterion is judged by pass/warning comparisons; add comparisons to pass instead',
      );
    } else if (change.better !== central.better) {
      refuse(
        'better',
        `${change.better} differs from the central ${central.better}`,
      );
    } else {
      const atLeastAsStrict = (value: number, bound: number) =>
        central.better === 'higher' ? value >= bound : value <= bound;
      for (const field of ['degraded', 'critical'] as const) {
        const value = change[field]!;
        if (atLeastAsStrict(value, central[field]!)) {
          merged[field] = value;
        } else {
          refuse(
            field,
            `${value} is looser than the central ${central[field]} (${central.better} is better)`,
          );
        }
      }
    }
  }
  if (
    change.better !== undefined &&
    change.degraded === undefined &&
    change.critical === undefined &&
    change.better !== central.better
  ) {
    refuse(
      'better',
      `${change.better} differs from the central ${
        central.better ?? '(unset)'
      }`,
    );
  }
  if (change.keyCriterion === true) merged.keyCriterion = true;
  if (change.keyCriterion === false && central.keyCriterion) {
    refuse('keyCriterion', 'false would turn off a central key criterion');
  }
  if (change.noData !== undefined && change.noData !== central.noData) {
    if (STRICTER_NO_DATA[central.noData].includes(change.noData)) {
      merged.noData = change.noData;
    } else {
      refuse(
        'noData',
        `${change.noData} is not stricter than the central ${central.noData}`,
      );
    }
  }
  if (
    change.minSampleSize !== undefined &&
    change.minSampleSize !== central.minSampleSize
  ) {
    if (
      central.minSampleSize !== undefined &&
      change.minSampleSize < central.minSampleSize
    ) {
      refuse(
        'minSampleSize',
        `${change.minSampleSize} is lower than the central ${central.minSampleSize}`,
      );
    } else if (merged.noData !== 'fail') {
      // Too few samples is no data, which this policy counts as better
      // than the failure the measurement may have been.
      refuse(
        'minSampleSize',
        `raising it turns results into no data, which noData ${merged.noData} counts as better than a failure; also set noData: fail`,
      );
    } else {
      merged.minSampleSize = change.minSampleSize;
    }
  }
  for (const field of ['retries', 'flakyTolerance'] as const) {
    const value = change[field];
    if (value === undefined) continue;
    if (value > central[field]) {
      refuse(
        field,
        `${value} is more than the central ${central[field]}: ${
          field === 'retries'
            ? 'another try can turn a provider error into a pass'
            : 'more failures in a row would count as warnings'
        }`,
      );
    } else {
      merged[field] = value;
    }
  }
  return problems.length > 0
    ? { criterion: central, problems }
    : { criterion: merged, problems };
}

/**
 * A criterion the component adds to a central gate. It is a key criterion
 * without weight: it can fail the gate but not raise its score (a
 * criterion that always passes would otherwise dilute a failing central
 * one). Asking for weight or for a non-key criterion is a problem.
 */
export function addedCriterion(
  change: ComponentCriterion,
  where: string,
): { criterion: TightenedCriterion; problems: string[] } {
  const said = defined(change);
  const problems: string[] = [];
  if (said.weight !== undefined) {
    problems.push(
      `${where}: weight: a criterion a component adds has no weight; it can fail the gate, not raise its score`,
    );
  }
  if (said.keyCriterion === false) {
    problems.push(
      `${where}: keyCriterion: a criterion a component adds is always a key criterion`,
    );
  }
  return {
    criterion: {
      noData: 'fail',
      retries: 0,
      flakyTolerance: 0,
      ...said,
      key: change.key,
      source: change.source,
      weight: 0,
      keyCriterion: true,
      origin: 'component',
    },
    problems,
  };
}
