import { InputError } from '@backstage/errors';
import { z } from 'zod';
import { timestampField } from '../../input/timestamp';

/**
 * The CDEvent types recorded, with any 0.x version of their schema: v0.4 of
 * the spec sends `.0.2.0`, v0.5 `.0.3.0`; what is read is the same.
 */
export const SUPPORTED_CDEVENT_TYPES = [
  'dev.cdevents.service.deployed.0.x',
  'dev.cdevents.service.upgraded.0.x',
  'dev.cdevents.service.rolledback.0.x',
  'dev.cdevents.pipelinerun.finished.0.x',
  'dev.cdevents.incident.reported.0.x',
  'dev.cdevents.incident.resolved.0.x',
] as const;

export type CdEventKind =
  | 'service.deployed'
  | 'service.upgraded'
  | 'service.rolledback'
  | 'pipelinerun.finished'
  | 'incident.reported'
  | 'incident.resolved';

const TYPE_PATTERN =
  /^dev\.cdevents\.(service\.(?:deployed|upgraded|rolledback)|pipelinerun\.finished|incident\.(?:reported|resolved))\.0\.\d+(?:\.\d+)?(?:-[0-9A-Za-z.-]+)?$/;

/** The kind of a supported type, or a 400 that lists what is supported. */
export function cdEventKind(type: string): CdEventKind {
  const match = TYPE_PATTERN.exec(type);
  if (!match) {
    throw new InputError(
      `Unsupported CDEvent type '${type}'; supported types: ${SUPPORTED_CDEVENT_TYPES.join(
        ', ',
      )}`,
    );
  }
  return match[1] as CdEventKind;
}

const timestamp = timestampField('expected an RFC 3339 timestamp');

/** A reference to another subject: `{ id, source? }` (environment, service). */
const reference = z.object({
  id: z.string().min(1).max(255),
  source: z.string().min(1).max(512).optional(),
});

/**
 * The envelope every CDEvent shares. v0.4 names the spec version
 * `context.version`, v0.5 `context.specversion`; neither is needed here.
 * Fields not read pass through unchecked.
 */
const envelope = <Content extends z.ZodTypeAny>(content: Content) =>
  z.object({
    context: z.object({
      id: z.string().min(1).max(255),
      source: z.string().min(1).max(512),
      type: z.string().min(1),
      timestamp,
    }),
    subject: z.object({
      id: z.string().min(1).max(255),
      source: z.string().min(1).max(512).optional(),
      content,
    }),
    customData: z.unknown().optional(),
  });

const serviceContent = z.object({
  environment: reference,
  artifactId: z.string().min(1).max(2048),
});

/** v0.4 calls the run's link `url`, v0.5 `uri`. */
const pipelineRunContent = z.object({
  pipelineName: z.string().min(1).max(255).optional(),
  url: z.string().optional(),
  uri: z.string().optional(),
  outcome: z
    .enum(['success', 'failure', 'error', 'cancel'], {
      errorMap: () => ({
        message: 'expected one of success, failure, error, cancel',
      }),
    })
    .optional(),
  errors: z.string().optional(),
});

const incidentContent = z.object({
  description: z.string().optional(),
  environment: reference,
  service: reference.optional(),
  artifactId: z.string().min(1).max(2048).optional(),
  ticketURI: z.string().optional(),
});

export const serviceEventSchema = envelope(serviceContent);
export const pipelineRunFinishedSchema = envelope(pipelineRunContent);
export const incidentEventSchema = envelope(incidentContent);

export type ServiceEvent = z.infer<typeof serviceEventSchema>;
export type PipelineRunFinishedEvent = z.infer<
  typeof pipelineRunFinishedSchema
>;
export type IncidentEvent = z.infer<typeof incidentEventSchema>;

/** Validates a CDEvent; the 400 names every bad field by its path. */
export function parseCdEvent<T extends z.ZodTypeAny>(
  schema: T,
  data: unknown,
  type: string,
): z.infer<T> {
  const result = schema.safeParse(data);
  if (result.success) {
    return result.data;
  }
  const problems = result.error.issues.map(
    issue => `${issue.path.join('.') || '(data)'}: ${issue.message}`,
  );
  throw new InputError(`Invalid ${type} CDEvent: ${problems.join('; ')}`);
}
