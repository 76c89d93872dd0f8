import { z } from 'zod';
import { parseComparison } from '@can-i-deploy/plugin-quality-gates-common';

/** `'<= 0.01'` checked at load time, so a typo stops the start-up. */
const comparison = z.string().superRefine((text, ctx) => {
  try {
    parseComparison(text);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: (error as Error).message });
  }
});

/**
 * How a criterion without thresholds is judged: sources that answer yes or
 * no report 1 or 0, and yes passes.
 */
export const IMPLICIT_PASS = '>= 1';

const stringOrList = z.union([z.string(), z.array(z.string())]);

export const entityFilterSchema = z
  .object({
    kind: stringOrList.optional(),
    type: stringOrList.optional(),
    lifecycle: stringOrList.optional(),
    owner: stringOrList.optional(),
    system: stringOrList.optional(),
    tags: z.array(z.string()).optional(),
    annotations: z.record(z.union([z.string(), z.literal(true)])).optional(),
  })
  .strict();

/** A duration as Backstage config writes one ({ minutes: 30 }) or ISO 8601. */
export const durationSchema = z.union([
  z.string().regex(/^P/, 'an ISO 8601 duration such as PT30M'),
  z
    .object({
      milliseconds: z.number().nonnegative().optional(),
      seconds: z.number().nonnegative().optional(),
      minutes: z.number().nonnegative().optional(),
      hours: z.number().nonnegative().optional(),
      days: z.number().nonnegative().optional(),
      weeks: z.number().nonnegative().optional(),
    })
    .strict(),
]);

/** Fields of a criterion that say how it is judged, without defaults. */
const judgingFields = {
  key: z
    .string()
    .regex(/^[a-z0-9][a-z0-9._-]{0,63}$/i, 'letters, digits, ., _ or -'),
  title: z.string().max(200).optional(),
  source: z.string().min(1),
  /** Keptn-style: every pass comparison must hold to pass. */
  pass: z.array(comparison).min(1).optional(),
  warning: z.array(comparison).optional(),
  /** Or a degraded/critical pair with the direction that is better. */
  degraded: z.number().optional(),
  critical: z.number().optional(),
  better: z.enum(['higher', 'lower']).optional(),
  /** Fewer samples than this is no data. */
  minSampleSize: z.number().int().positive().optional(),
  /** Relative comparisons judge against earlier passing evaluations. */
  baseline: z
    .union([
      z
        .object({
          from: z.number().int().min(1).max(100),
          aggregate: z.enum(['avg', 'p50', 'p90', 'p95']).default('avg'),
        })
        .strict(),
      z.object({ pinnedEvaluationId: z.string().min(1) }).strict(),
      /** The evaluation pinned for the gate, entity and environment. */
      z.object({ pinned: z.literal(true) }).strict(),
    ])
    .optional(),
};

/** Fields of a criterion that have a default in central gates. */
const weight = z.number().positive();
const keyCriterion = z.boolean();
/** What no data counts as. Default fail: a silent signal is not a pass. */
const noData = z.enum(['fail', 'warning', 'pass', 'ignore']);
/** Attempts after a provider error before the criterion is an error. */
const retries = z.number().int().min(0).max(5);
/** Consecutive failures counted as warnings before one fails the gate. */
const flakyTolerance = z.number().int().min(0).max(10);

function checkThresholdStyle(
  criterion: {
    pass?: unknown;
    degraded?: number;
    critical?: number;
    better?: string;
  },
  ctx: z.RefinementCtx,
) {
  const hasLists = criterion.pass !== undefined;
  const hasPair =
    criterion.degraded !== undefined || criterion.critical !== undefined;
  if (hasLists && hasPair) {
    ctx.addIssue({
      code: 'custom',
      message: 'use either pass/warning or degraded/critical, not both',
    });
  }
  if (
    hasPair &&
    (criterion.degraded === undefined ||
      criterion.critical === undefined ||
      criterion.better === undefined)
  ) {
    ctx.addIssue({
      code: 'custom',
      message: 'degraded/critical needs degraded, critical and better',
    });
  }
}

/**
 * One criterion. Source-specific fields (query, level, cron, ...) stay in
 * the definition the source receives; the rest is how it is judged.
 */
export const criterionSchema = z
  .object({
    ...judgingFields,
    weight: weight.default(1),
    keyCriterion: keyCriterion.default(false),
    noData: noData.default('fail'),
    retries: retries.default(0),
    flakyTolerance: flakyTolerance.default(0),
  })
  .passthrough()
  .superRefine(checkThresholdStyle);

/**
 * A criterion as a component's file writes it: no defaults, so a field the
 * file leaves out is no change, and one it writes is compared as written.
 */
export const componentCriterionSchema = z
  .object({
    ...judgingFields,
    weight: weight.optional(),
    keyCriterion: keyCriterion.optional(),
    noData: noData.optional(),
    retries: retries.optional(),
    flakyTolerance: flakyTolerance.optional(),
  })
  .passthrough()
  .superRefine(checkThresholdStyle);

export const gateSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9._-]{0,63}$/i, 'letters, digits, ., _ or -'),
    title: z.string().min(1).max(200),
    description: z.string().optional(),
    appliesTo: entityFilterSchema.optional(),
    /** Environments it guards; none means every environment. */
    environments: z.array(z.string().min(1)).optional(),
    mode: z.enum(['enforce', 'warn-only', 'dry-run']).default('enforce'),
    passPercent: z.number().min(0).max(100).default(90),
    warningPercent: z.number().min(0).max(100).default(75),
    /** How far back signals are read. */
    window: durationSchema.default({ minutes: 30 }),
    criteria: z.array(criterionSchema).min(1),
  })
  .strict()
  .superRefine((gate, ctx) => {
    if (gate.warningPercent > gate.passPercent) {
      ctx.addIssue({
        code: 'custom',
        message: 'warningPercent must not be above passPercent',
      });
    }
    const keys = new Set<string>();
    for (const criterion of gate.criteria) {
      if (keys.has(criterion.key)) {
        ctx.addIssue({
          code: 'custom',
          message: `criterion key '${criterion.key}' is used twice`,
        });
      }
      keys.add(criterion.key);
    }
  });

export type GateConfig = z.infer<typeof gateSchema>;
export type CriterionConfig = z.infer<typeof criterionSchema>;
export type ComponentCriterion = z.infer<typeof componentCriterionSchema>;

/**
 * What a component's own file may say: criteria to add to a central gate
 * (by id) and tighter settings. It cannot define gates of its own, remove a
 * criterion, or loosen anything.
 */
export const componentGatesSchema = z
  .object({
    gates: z.array(
      z
        .object({
          id: z.string().min(1),
          mode: z.enum(['enforce', 'warn-only', 'dry-run']).optional(),
          passPercent: z.number().min(0).max(100).optional(),
          warningPercent: z.number().min(0).max(100).optional(),
          criteria: z.array(componentCriterionSchema).default([]),
        })
        .strict(),
    ),
  })
  .strict();

export type ComponentGatesFile = z.infer<typeof componentGatesSchema>;

/** Zod's issues as one line each, with where they are. */
export function describeIssues(error: z.ZodError, where: string): string {
  return error.issues
    .map(issue => {
      const path = issue.path.length > 0 ? `.${issue.path.join('.')}` : '';
      return `${where}${path}: ${issue.message}`;
    })
    .join('; ');
}
