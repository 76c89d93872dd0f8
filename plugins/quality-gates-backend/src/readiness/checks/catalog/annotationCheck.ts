import { Entity } from '@backstage/catalog-model';
import {
  ReadinessCheck,
  ReadinessCheckOutcome,
} from '@can-i-deploy/plugin-quality-gates-node';

/**
 * A check that passes when the entity carries any of the given annotations
 * (or other evidence `extraEvidence` finds), naming the first one present.
 */
export function annotationCheck(options: {
  id: string;
  title: string;
  description: string;
  howToFix: string;
  level: string;
  annotations: string[];
  /** Evidence other than annotations, e.g. a field of the spec. */
  extraEvidence?: (entity: Entity) => string | undefined;
  /** What a pass found, given the annotation or evidence name and value. */
  describe: (name: string, value: string) => string;
}): ReadinessCheck {
  const { annotations, extraEvidence, describe, ...info } = options;
  return {
    ...info,
    catalogOnly: true,
    evaluate(entity): ReadinessCheckOutcome {
      const present = entity.metadata.annotations ?? {};
      for (const name of annotations) {
        const value = present[name]?.trim();
        if (value) {
          return {
            state: 'passed',
            message: describe(name, value),
            evidence: [{ title: `${name}: ${value}` }],
          };
        }
      }
      const extra = extraEvidence?.(entity);
      if (extra) {
        return {
          state: 'passed',
          message: describe('spec', extra),
          evidence: [{ title: extra }],
        };
      }
      return {
        state: 'failed',
        message: `None of ${annotations.join(', ')} is set.`,
        missing: [`one of the annotations ${annotations.join(', ')}`],
      };
    },
  };
}
