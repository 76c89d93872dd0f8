import { DecisionAnswer } from './GateDecision';
import {
  CriterionEvidence,
  GateEvaluation,
  GateOverride,
} from './GateEvaluation';

/**
 * The parts of a gate evaluation the decision sentence reads.
 *
 * @public
 */
export type SentenceEvaluation = Pick<
  GateEvaluation,
  'gateTitle' | 'mode' | 'verdict' | 'effectiveVerdict' | 'criteria'
> & { override?: GateOverride; problems?: string[] };

/**
 * What the sentence is made from: a decision, or one being made.
 *
 * @public
 */
export interface DecisionSentenceInput {
  answer: DecisionAnswer;
  environment: string;
  version: string;
  askAgainAt?: string;
  evaluations: SentenceEvaluation[];
  problems: readonly string[];
}

const MONTHS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
];

/**
 * A time as a sentence says it: `8 Dec 14:00 UTC` (the year when it is not
 * this year's).
 *
 * @public
 */
export function formatDecisionTime(at: string, now: Date = new Date()): string {
  const time = new Date(at);
  if (Number.isNaN(time.getTime())) return at;
  const pad = (n: number) => String(n).padStart(2, '0');
  const year =
    time.getUTCFullYear() === now.getUTCFullYear()
      ? ''
      : ` ${time.getUTCFullYear()}`;
  return `${time.getUTCDate()} ${MONTHS[time.getUTCMonth()]}${year} ${pad(
    time.getUTCHours(),
  )}:${pad(time.getUTCMinutes())} UTC`;
}

/**
 * An overridden gate in words: "fail, overridden by user:default/jane
 * because hotfix for INC-7, until 8 Dec 14:00 UTC".
 *
 * @public
 */
export function overrideSentence(
  verdict: string,
  override: Pick<GateOverride, 'createdBy' | 'reason' | 'expiresAt'>,
  now?: Date,
): string {
  return `${verdict}, overridden by ${override.createdBy} because ${trimEnd(
    override.reason,
  )}, until ${formatDecisionTime(override.expiresAt, now)}`;
}

function trimEnd(text: string): string {
  return text.trim().replace(/[.\s]+$/, '');
}

const NOT_PASSING: ReadonlyArray<CriterionEvidence['state']> = [
  'fail',
  'no_data',
  'error',
];

/** Why a gate did not pass: its first criterion that did not, or a problem. */
function reasonOf(
  evaluation: SentenceEvaluation,
  states: ReadonlyArray<CriterionEvidence['state']> = NOT_PASSING,
): string | undefined {
  for (const state of states) {
    const criterion = evaluation.criteria.find(c => c.state === state);
    if (criterion?.message) return trimEnd(criterion.message);
  }
  const problem = evaluation.problems?.[0];
  return problem ? trimEnd(problem) : undefined;
}

const VERB: Record<string, string> = {
  pass: 'passes',
  warn: 'warns',
  fail: 'fails',
  error: 'could not decide',
};

function verbOf(verdict: string): string {
  return VERB[verdict] ?? verdict;
}

/** Warn-only and dry-run gates that did not pass, in brackets. */
function besides(evaluations: SentenceEvaluation[]): string {
  const notes: string[] = [];
  for (const mode of ['warn-only', 'dry-run'] as const) {
    const gates = evaluations.filter(
      e => e.mode === mode && e.verdict !== 'pass',
    );
    if (gates.length > 0) {
      notes.push(
        `${mode}: ${gates
          .map(e => `${e.gateTitle} ${verbOf(e.verdict)}`)
          .join(', ')}`,
      );
    }
  }
  return notes.length > 0 ? ` (${notes.join('; ')})` : '';
}

function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

function overriddenToPass(evaluation: SentenceEvaluation): boolean {
  return (
    evaluation.override !== undefined &&
    evaluation.effectiveVerdict === evaluation.override.verdict &&
    evaluation.verdict !== evaluation.effectiveVerdict
  );
}

function yesSentence(input: DecisionSentenceInput, now?: Date): string {
  const enforcing = input.evaluations.filter(e => e.mode === 'enforce');
  const overridden = enforcing.filter(overriddenToPass);
  if (overridden.length > 0) {
    const [first] = overridden;
    const more =
      overridden.length > 1
        ? `; ${overridden.length - 1} more gate${
            overridden.length > 2 ? 's are' : ' is'
          } overridden`
        : '';
    return sentence(
      `Yes: ${first.gateTitle} ${verbOf(first.verdict)} but is overridden by ${
        first.override!.createdBy
      } until ${formatDecisionTime(
        first.override!.expiresAt,
        now,
      )} because ${trimEnd(first.override!.reason)}${more}`,
    );
  }
  const where = `for ${input.version} in ${input.environment}`;
  const warning = enforcing.filter(e => e.effectiveVerdict === 'warn');
  const warns =
    warning.length > 0
      ? `, ${warning.map(e => e.gateTitle).join(', ')} with a warning`
      : '';
  if (enforcing.length === 0) {
    return sentence(
      `Yes: no gate enforces ${where}${besides(input.evaluations)}`,
    );
  }
  const gates =
    enforcing.length === 1
      ? `${enforcing[0].gateTitle} ${warning.length ? 'warns' : 'passes'}`
      : `all ${enforcing.length} gates pass${warns}`;
  return sentence(`Yes: ${gates} ${where}${besides(input.evaluations)}`);
}

function blocking(input: DecisionSentenceInput, verdict: string) {
  return input.evaluations.find(
    e => e.mode === 'enforce' && e.effectiveVerdict === verdict,
  );
}

function noSentence(input: DecisionSentenceInput, now?: Date): string {
  const gate = blocking(input, 'fail');
  if (!gate) return sentence(`No${besides(input.evaluations)}`);
  if (gate.override && gate.verdict !== gate.effectiveVerdict) {
    return sentence(
      `No: ${gate.gateTitle} ${overrideSentence(
        verbOf(gate.verdict),
        gate.override,
        now,
      )}`,
    );
  }
  const reason = reasonOf(gate);
  return sentence(
    `No: ${gate.gateTitle} fails${reason ? ` — ${reason}` : ''}${besides(
      input.evaluations,
    )}`,
  );
}

function errorSentence(input: DecisionSentenceInput): string {
  if (input.problems.length > 0) {
    return sentence(`Cannot decide: ${trimEnd(input.problems[0])}`);
  }
  if (input.evaluations.length === 0) {
    return sentence(
      `Cannot decide: no gate applies to ${input.environment}, so nothing decides`,
    );
  }
  const gate = blocking(input, 'error');
  if (!gate) return sentence('Cannot decide');
  const reason = reasonOf(gate, ['error', 'no_data', 'fail']);
  return sentence(
    reason
      ? `Cannot decide: ${lowerFirst(reason)} (${gate.gateTitle})`
      : `Cannot decide: ${gate.gateTitle} could not decide`,
  );
}

function lowerFirst(text: string): string {
  // "The source failed" reads on after a colon; "CI" and "SLO" stay.
  return /^[A-Z][a-z]/.test(text)
    ? text[0].toLowerCase() + text.slice(1)
    : text;
}

/** A criterion that holds its gate back for now and says when to ask again. */
function waits(criterion: SentenceEvaluation['criteria'][number]): boolean {
  return (
    (criterion.state === 'no_data' || criterion.state === 'fail') &&
    criterion.askAgainAt !== undefined
  );
}

function notYetSentence(input: DecisionSentenceInput, now?: Date): string {
  // The gate that waits: the one failing while it waits, else any whose
  // criterion waits although the gate passes without it.
  const gate =
    blocking(input, 'fail') ??
    input.evaluations.find(e => e.mode === 'enforce' && e.criteria.some(waits));
  const waiting = gate?.criteria.find(waits);
  const message = waiting?.message ?? (gate ? reasonOf(gate) : undefined);
  // The criterion's own "; not yet, ask again at …" is said once, below.
  const reason = message
    ? trimEnd(message.split('; not yet, ask again at ')[0])
    : undefined;
  const when = input.askAgainAt
    ? `; ask again after ${formatDecisionTime(input.askAgainAt, now)}`
    : '';
  return sentence(
    `Not yet: ${gate ? `${gate.gateTitle} cannot decide yet` : 'wait'}${
      reason ? ` — ${reason}` : ''
    }${when}`,
  );
}

/**
 * The decision in one sentence a person acts on, e.g. "Yes: all 3 gates
 * pass for 1.4.0 in production.", "No: Release checks fails — CI run #4185
 * failed.", "Cannot decide: the Prometheus provider could not be reached
 * (SLO burn rate)." The reason is the first failing criterion's `message`.
 * `now` only decides whether a time shows its year.
 *
 * @public
 */
export function decisionSentence(
  input: DecisionSentenceInput,
  now?: Date,
): string {
  switch (input.answer) {
    case 'yes':
      return yesSentence(input, now);
    case 'no':
      return noSentence(input, now);
    case 'not_yet':
      return notYetSentence(input, now);
    default:
      return errorSentence(input);
  }
}
