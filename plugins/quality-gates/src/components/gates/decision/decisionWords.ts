import { parseEntityRef } from '@backstage/catalog-model';
import { GateTrigger } from '@can-i-deploy/plugin-quality-gates-common';

const TRIGGERS: Record<GateTrigger, string> = {
  ci: 'CI',
  schedule: 'schedule',
  manual: 'Evaluate now',
};

/** What asked, in a word a person knows. */
export function triggerLabel(trigger: string): string {
  return TRIGGERS[trigger as GateTrigger] ?? trigger;
}

/** `jane` for `user:default/jane`; other refs and names as they are. */
export function personName(ref: string | undefined): string | undefined {
  if (!ref) return undefined;
  try {
    const parsed = parseEntityRef(ref);
    return parsed.namespace === 'default' ? parsed.name : ref;
  } catch {
    return ref;
  }
}

/**
 * Who or what asked, e.g. "CI (ci-bot)", "guest (Evaluate now)", "the
 * schedule".
 */
export function askedBy(trigger: string, requestedBy?: string): string {
  const who = personName(requestedBy);
  if (trigger === 'manual') {
    return `${who ?? 'someone'} (${triggerLabel(trigger)})`;
  }
  if (trigger === 'schedule') return 'the schedule';
  return `${triggerLabel(trigger)}${who ? ` (${who})` : ''}`;
}
