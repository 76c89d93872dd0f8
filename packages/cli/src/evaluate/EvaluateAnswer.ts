import type { GateDecision } from '@can-i-deploy/plugin-quality-gates-common';

/** The body of `POST /gates/evaluate`: the decision and its evidence. */
export type EvaluateAnswer = GateDecision;

/** What the CLI asks. */
export interface EvaluateQuestion {
  entityRef: string;
  environment: string;
  version: string;
}
