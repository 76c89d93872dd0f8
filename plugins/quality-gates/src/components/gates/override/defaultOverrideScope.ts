import { GateDecision } from '@can-i-deploy/plugin-quality-gates-common';
import { blocks } from '../decision/gateOrder';

/** The scope meaning "every gate of the decision". */
export const WHOLE_DECISION = '*';

/**
 * What an override of this decision most likely means: the one gate that
 * blocks it; with several (or none) blocking, the whole decision.
 */
export function defaultOverrideScope(decision: GateDecision): string {
  const blocking = decision.evaluations.filter(blocks);
  return blocking.length === 1 ? blocking[0].gateId : WHOLE_DECISION;
}
