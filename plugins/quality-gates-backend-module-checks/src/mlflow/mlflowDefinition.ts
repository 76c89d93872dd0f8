import { z } from 'zod';
import { parseDefinition } from '../definition/parseDefinition';

/** The `mlflow` part of a criterion definition. */
export const mlflowDefinitionSchema = z
  .object({
    /** The registered model's name; `{{entity.name}}` etc. are filled in. */
    model: z.string().min(1),
    /** Which version: a number, an alias, or a stage — at most one. */
    version: z
      .union([z.string().min(1), z.number().int().positive()])
      .transform(String)
      .optional(),
    alias: z.string().min(1).optional(),
    stage: z.string().min(1).optional(),
    /** The metric key logged on the version's run, e.g. `accuracy`. */
    metric: z.string().min(1),
  })
  .strict()
  .superRefine((definition, ctx) => {
    const selectors = (['version', 'alias', 'stage'] as const).filter(
      field => definition[field] !== undefined,
    );
    if (selectors.length > 1) {
      ctx.addIssue({
        code: 'custom',
        message: `give one of version, alias or stage, not ${selectors.join(
          ' and ',
        )}`,
      });
    }
  });

export type MlflowDefinition = z.infer<typeof mlflowDefinitionSchema>;

/** Reads and checks a definition; throws saying what is wrong. */
export function readMlflowDefinition(
  definition: Record<string, unknown>,
): MlflowDefinition {
  return parseDefinition(mlflowDefinitionSchema, definition, 'mlflow');
}
