import {
  CriterionEvidence,
  DecisionAnswer,
  GateEvaluation,
  overrideSentence,
} from '@can-i-deploy/plugin-quality-gates-common';
import { GateDecision } from '../../../gates/evaluation/GateEvaluator';

/** The states GitHub takes for a deployment protection rule's answer. */
export type ReviewState = 'approved' | 'rejected';

/** The answer sent back to GitHub. */
export interface GateReview {
  state: ReviewState;
  comment: string;
}

/** The app page that opens one evaluation (see the app's routes). */
export const GATE_HISTORY_PATH = '/gate-history';
/** The app page of one decision: `/gate-history/decisions/<id>`. */
export const DECISION_PATH = `${GATE_HISTORY_PATH}/decisions`;

/** Where the app shows a decision and its evaluations. */
export interface AppLinks {
  decision(decisionId: string): string | undefined;
  evaluation(evaluationId: string): string | undefined;
}

/** GitHub shows the comment beside the run; the app has the rest. */
const MAX_COMMENT_LENGTH = 2000;
const MAX_CRITERIA_PER_GATE = 3;

/** Criteria that kept a gate from passing cleanly. */
const NOT_PASSING = new Set<CriterionEvidence['state']>([
  'fail',
  'error',
  'no_data',
]);

/**
 * Where the app shows one evaluation, when `app.baseUrl` is known: the gate
 * history page, opened on that evaluation.
 */
export function evaluationLinker(
  appBaseUrl: string | undefined,
): (evaluationId: string) => string | undefined {
  if (!appBaseUrl) return () => undefined;
  const base = appBaseUrl.replace(/\/+$/, '');
  return id =>
    `${base}${GATE_HISTORY_PATH}?evaluation=${encodeURIComponent(id)}`;
}

/**
 * Where the app shows a decision (`/gate-history/decisions/<id>`) and an
 * evaluation, when `app.baseUrl` is known.
 */
export function appLinks(appBaseUrl: string | undefined): AppLinks {
  const base = appBaseUrl?.replace(/\/+$/, '');
  return {
    decision: id =>
      base ? `${base}${DECISION_PATH}/${encodeURIComponent(id)}` : undefined,
    evaluation: evaluationLinker(appBaseUrl),
  };
}

/**
 * Only a `yes` lets the deploy through (every enforcing gate passes, warns
 * or is overridden to pass). `no`, `not_yet` and `error` stop it, and so
 * does anything that is not a decision of the gates (no entity, no gate):
 * fail closed.
 */
export function stateOf(answer: DecisionAnswer): ReviewState {
  return answer === 'yes' ? 'approved' : 'rejected';
}

/**
 * The answer to a decision: its sentence, a link to it, then each gate in
 * a line or a few.
 */
export function reviewOfDecision(
  decision: GateDecision,
  links: AppLinks,
): GateReview {
  const state = stateOf(decision.answer);
  const link = links.decision(decision.id);
  const lines = [
    decision.sentence,
    `Quality gates ${state} ${decision.entityRef} at ${shortSha(
      decision.version,
    )} in ${decision.environment}.${link ? ` Decision: ${link}` : ''}`,
    ...decision.problems,
    ...decision.evaluations.flatMap(evaluation =>
      describeEvaluation(evaluation, links.evaluation(evaluation.id)),
    ),
  ];
  return { state, comment: clipComment(lines.join('\n')) };
}

/** A rejection for a reason other than the gates' verdict. */
export function rejection(reason: string): GateReview {
  return {
    state: 'rejected',
    comment: clipComment(`Quality gates: rejected. ${reason}`),
  };
}

function describeEvaluation(
  evaluation: GateEvaluation,
  link: string | undefined,
): string[] {
  let recorded = '';
  if (evaluation.verdict !== evaluation.effectiveVerdict) {
    recorded = evaluation.override
      ? ` (${overrideSentence(
          `recorded ${evaluation.verdict}`,
          evaluation.override,
        )})`
      : ` (recorded ${evaluation.verdict}, ${evaluation.mode})`;
  }
  const score =
    evaluation.score === null ? '' : `, score ${Math.round(evaluation.score)}`;
  const failing = evaluation.criteria.filter(criterion =>
    NOT_PASSING.has(criterion.state),
  );
  const shown = failing.slice(0, MAX_CRITERIA_PER_GATE);
  return [
    `- ${evaluation.gateTitle}: ${
      evaluation.effectiveVerdict
    }${recorded}${score}${link ? ` ${link}` : ''}`,
    ...(evaluation.problems ?? []).map(problem => `  - ${problem}`),
    ...shown.map(
      criterion =>
        `  - ${criterion.title ?? criterion.key}: ${criterion.state}, ${
          criterion.message
        }`,
    ),
    ...(failing.length > shown.length
      ? [`  - and ${failing.length - shown.length} more`]
      : []),
  ];
}

function shortSha(version: string): string {
  return /^[0-9a-f]{40}$/i.test(version) ? version.slice(0, 7) : version;
}

function clipComment(comment: string): string {
  return comment.length <= MAX_COMMENT_LENGTH
    ? comment
    : `${comment.slice(0, MAX_COMMENT_LENGTH - 1)}…`;
}
