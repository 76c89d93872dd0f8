import type {
  GateEvaluation,
  GateVerdict,
} from '@can-i-deploy/plugin-quality-gates-common';

/** The body of `POST /gates/evaluate`: the decision and its evidence. */
export interface EvaluateAnswer {
  entityRef: string;
  environment: string;
  version: string;
  /** The worst effective verdict of the gates that apply. */
  verdict: GateVerdict;
  evaluations: GateEvaluation[];
  /** Why nothing could decide, e.g. no gate applies to the environment. */
  problems: string[];
}

/** What the CLI asks. */
export interface EvaluateQuestion {
  entityRef: string;
  environment: string;
  version: string;
}
