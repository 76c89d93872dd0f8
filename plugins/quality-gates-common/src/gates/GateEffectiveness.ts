/**
 * How a gate's (or a criterion's) judgements of versions compare with what
 * became of those versions. Each (gate, entity, environment, version) is
 * counted once, by its latest judgement in the period; see docs/gates.md,
 * "Are our gates right?".
 *
 * @public
 */
export interface EffectivenessCounts {
  /** Blocked, and the version turned out bad. */
  trueBlocks: number;
  /** Blocked, yet the version shipped there and stayed good. */
  falseBlocks: number;
  /** Passed, and the version was rolled back, failed or caused an incident. */
  misses: number;
  /** Passed, and the version stayed good. */
  correctPasses: number;
  /** Judged, but the outcome is not known: never deployed there, or the window is not over. */
  unknown: number;
  /** Never judged in the period: every evaluation was an error. */
  errors: number;
}

/**
 * Counts with the two ratios: sensitivity = true blocks ÷ bad versions,
 * specificity = correct passes ÷ good versions; null without any.
 *
 * @public
 */
export interface EffectivenessFigures {
  counts: EffectivenessCounts;
  sensitivity: number | null;
  specificity: number | null;
}

/**
 * One criterion of a gate. Its state decides: fail blocks, pass and warning
 * pass; `noData` counts versions whose criterion never had data.
 *
 * @public
 */
export interface CriterionEffectiveness extends EffectivenessFigures {
  key: string;
  source: string;
  /** Distinct (entity, environment, version) the criterion was evaluated for. */
  versions: number;
  /** Never judged in the period: it only ever had no data. */
  noData: number;
}

/**
 * One gate over the period, by its recorded verdict: fail blocks, pass and
 * warn pass, whatever the mode (dry-run and warn-only gates included).
 *
 * @public
 */
export interface GateEffectiveness extends EffectivenessFigures {
  gateId: string;
  /** The title of its latest evaluation. */
  gateTitle: string;
  /** Evaluations in the period. */
  evaluations: number;
  /** Distinct (entity, environment, version) evaluated. */
  versions: number;
  criteria: CriterionEffectiveness[];
}

/**
 * A criterion that both passed and failed the same version in the same
 * environment. `flips` counts changes between pass and fail in time order:
 * one is a signal that settled (a soak ending), more is noise.
 *
 * @public
 */
export interface FlakyCriterion {
  gateId: string;
  criterionKey: string;
  entityRef: string;
  environment: string;
  version: string;
  evaluations: number;
  passes: number;
  fails: number;
  flips: number;
  lastEvaluatedAt: string;
}

/**
 * The answer of `GET /gates/effectiveness`.
 *
 * @public
 */
export interface GateEffectivenessResponse {
  from: string;
  to: string;
  /** How long after a deployment an incident still counts against it. */
  windowSeconds: number;
  gates: GateEffectiveness[];
  /** The flakiest first, at most `limit` of `totalCount`. */
  flaky: { items: FlakyCriterion[]; totalCount: number; limit: number };
}
