import { Config } from '@backstage/config';
import {
  AuthenticationError,
  InputError,
  ServiceUnavailableError,
} from '@backstage/errors';
import express from 'express';
import Router from 'express-promise-router';
import { EntityAssignment } from '../../delivery/DeliveryBatch';
import { limitedRawBody } from '../../input/requestBody';
import { IngestContext, MAX_BODY_SIZE_SETTING } from '../IngestContext';
import { GitHubDeliveryLog } from './GitHubDeliveryLog';
import { ENTITY_REF_PAYLOAD_KEY } from './deploymentEvents';
import { assignEntity, GitHubEventRecord } from './GitHubEventMapping';
import { mapGitHubEvent } from './mapGitHubEvent';
import { parseWebhookPayload } from './webhookPayload';
import { isValidWebhookSignature } from './webhookSignature';
import {
  DEPLOYMENT_PROTECTION_RULE_EVENT,
  parseProtectionRuleEvent,
} from './deploymentProtection/protectionRuleEvent';

/** Where GitHub delivers, under the plugin's base URL. */
export const GITHUB_WEBHOOK_PATH = '/webhooks/github';

const SECRET_CONFIG_KEY = 'qualityGates.github.webhookSecret';

/** One secret, or several while one is being rotated. */
function webhookSecrets(config: Config): string[] {
  const value = config.getOptional(SECRET_CONFIG_KEY);
  const secrets =
    typeof value === 'string'
      ? [value]
      : config.getOptionalStringArray(SECRET_CONFIG_KEY) ?? [];
  return secrets.filter(secret => secret.length > 0);
}

/** Thrown inside the write transaction to roll back a repeated delivery. */
class DeliveryAlreadyRecorded extends Error {}

/**
 * `POST /webhooks/github`: GitHub webhook deliveries. GitHub sends no
 * Backstage token, so the route is open to unauthenticated callers and
 * trusts only a valid `X-Hub-Signature-256` made with a configured secret;
 * without a secret it refuses everything (fail closed).
 *
 * Answers, as GitHub's delivery log shows them: 200 recorded (or already
 * recorded, or ping), 202 accepted but nothing to record (other events or
 * actions) or a deployment protection rule being evaluated, 401 bad
 * signature, 400 unreadable payload, 413 too large.
 */
export function createGitHubWebhookRouter(ctx: IngestContext): express.Router {
  const router = Router();
  const deliveries = new GitHubDeliveryLog(ctx.database);

  router.post(
    GITHUB_WEBHOOK_PATH,
    (_req, res, next) => {
      const secrets = webhookSecrets(ctx.config);
      if (secrets.length === 0) {
        throw new ServiceUnavailableError(
          `GitHub webhooks are not configured: set ${SECRET_CONFIG_KEY} to the webhook's secret`,
        );
      }
      res.locals.webhookSecrets = secrets;
      next();
    },
    // The signature covers the exact bytes sent, so the body is read raw
    // (inflated if compressed; the size limit applies after inflating).
    limitedRawBody(ctx.maxBodySize, MAX_BODY_SIZE_SETTING),
    async (req, res) => {
      const rawBody = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      if (
        !isValidWebhookSignature(
          rawBody,
          req.header('x-hub-signature-256'),
          res.locals.webhookSecrets as string[],
        )
      ) {
        throw new AuthenticationError(
          'Missing or invalid X-Hub-Signature-256: the body must be signed with the configured webhook secret',
        );
      }

      const event = req.header('x-github-event');
      if (!event) {
        throw new InputError('Missing X-GitHub-Event header');
      }
      const delivery = req.header('x-github-delivery') || undefined;
      if (delivery && delivery.length > 64) {
        throw new InputError('X-GitHub-Delivery must be at most 64 characters');
      }
      const payload = parseWebhookPayload(rawBody, req.header('content-type'));

      if (event === 'ping') {
        res.status(200).json({
          status: 'pong',
          event,
          delivery,
          message: 'Webhook configured: the signature is valid',
        });
        return;
      }

      const reviewer = ctx.deploymentProtection;
      if (event === DEPLOYMENT_PROTECTION_RULE_EVENT && reviewer) {
        const rule = parseProtectionRuleEvent(payload);
        if (rule.kind === 'ignore') {
          res
            .status(202)
            .json({ status: 'ignored', event, delivery, message: rule.reason });
          return;
        }
        // Checked before the delivery is marked, so a redelivery after
        // the configuration is fixed is still answered.
        const target = reviewer.targetOf(rule.request);
        if (
          delivery &&
          !(await ctx.database.transaction(tx =>
            deliveries.markRecorded(tx, delivery, event),
          ))
        ) {
          res.status(200).json(alreadyRecorded(event, delivery));
          return;
        }
        // GitHub waits 10 seconds for an answer and gates may take longer:
        // the verdict goes to the callback, not into this response.
        void reviewer.review(rule.request, target, delivery);
        res.status(202).json({
          status: 'evaluating',
          event,
          delivery,
          message: `Evaluating the gates for ${rule.request.repository.full_name} in ${rule.request.environment}; the answer goes to the deployment callback`,
        });
        return;
      }

      const mapping = mapGitHubEvent(event, payload);
      if (mapping.kind === 'ignore') {
        res.status(202).json({
          status: 'ignored',
          event,
          delivery,
          message: mapping.reason,
        });
        return;
      }

      if (delivery && (await deliveries.isRecorded(delivery))) {
        res.status(200).json(alreadyRecorded(event, delivery));
        return;
      }
      const assignment = await ctx.resolver.resolve(mapping.record.hints);
      try {
        await ctx.writer.write(
          assignEntity(mapping.record, assignment),
          async tx => {
            if (
              delivery &&
              !(await deliveries.markRecorded(tx, delivery, event))
            ) {
              throw new DeliveryAlreadyRecorded();
            }
          },
        );
      } catch (error) {
        if (error instanceof DeliveryAlreadyRecorded) {
          res.status(200).json(alreadyRecorded(event, delivery!));
          return;
        }
        throw error;
      }
      await deliveries
        .pruneIfDue()
        .catch(error =>
          ctx.logger.warn(
            `Could not prune GitHub webhook deliveries: ${error}`,
          ),
        );

      res.status(200).json({
        status: 'recorded',
        event,
        delivery,
        ...assignment,
        recorded: {
          deployments: mapping.record.deployments?.length ?? 0,
          changes: mapping.record.changes?.length ?? 0,
          pipelineRuns: mapping.record.pipelineRuns?.length ?? 0,
        },
        message: describeRecorded(mapping.record, assignment),
      });
    },
  );

  return router;
}

function alreadyRecorded(event: string, delivery: string) {
  return {
    status: 'duplicate',
    event,
    delivery,
    message: `Delivery ${delivery} was already recorded; nothing changed`,
  };
}

function describeRecorded(
  record: GitHubEventRecord,
  assignment: EntityAssignment,
): string {
  const counts = [
    [record.deployments?.length, 'deployment'],
    [record.pipelineRuns?.length, 'pipeline run'],
    [record.changes?.length, 'change'],
  ] as const;
  const what = counts
    .filter(([count]) => count)
    .map(([count, noun]) => `${count} ${noun}${count === 1 ? '' : 's'}`)
    .join(', ');
  if (assignment.entityRef) {
    return `Recorded ${what} for ${assignment.entityRef}`;
  }
  return `Recorded ${what}, but no catalog entity matches ${assignment.entityHint}: annotate the component with github.com/project-slug: ${record.hints.repositorySlug}, or name it in the deployment payload's ${ENTITY_REF_PAYLOAD_KEY}`;
}
