import { InputError } from '@backstage/errors';
import { z } from 'zod';
import { EntityHints } from '../../../catalog/EntityResolver';
import {
  deploymentPayloadSchema,
  ENTITY_REF_PAYLOAD_KEY,
  payloadAsObject,
} from '../deploymentEvents';
import {
  firstNonEmpty,
  GitHubRepository,
  parsePayload,
  repositorySchema,
  userSchema,
} from '../githubPayloadSchema';

/** The `X-GitHub-Event` GitHub sends to an App that guards an environment. */
export const DEPLOYMENT_PROTECTION_RULE_EVENT = 'deployment_protection_rule';

const protectionRuleSchema = z.object({
  action: z.string(),
  environment: z.string().max(255).nullish(),
  sha: z.string().max(64).nullish(),
  ref: z.string().nullish(),
  deployment_callback_url: z.string().url(),
  deployment: z
    .object({
      sha: z.string().max(64).nullish(),
      environment: z.string().max(255).nullish(),
      payload: z.preprocess(payloadAsObject, deploymentPayloadSchema),
    })
    .nullish(),
  repository: repositorySchema,
  sender: userSchema.nullish(),
});

/** What a protection rule asks: may this version go to this environment? */
export interface ProtectionRuleRequest {
  environment: string;
  /** The sha being deployed: the version the gates judge. */
  version: string;
  /** Where the answer goes, under the GitHub API of the repository's host. */
  callbackUrl: string;
  repository: GitHubRepository;
  /** How the catalog entity is found, as for other GitHub events. */
  hints: EntityHints;
  /** Who started the deployment, for the evaluation's audit trail. */
  requestedBy?: string;
}

export type ProtectionRuleMapping =
  | { kind: 'review'; request: ProtectionRuleRequest }
  | { kind: 'ignore'; reason: string };

/**
 * Reads a `deployment_protection_rule` payload. Only `requested` asks for
 * an answer; the environment and the sha come from the event, else from
 * its deployment.
 */
export function parseProtectionRuleEvent(
  payload: unknown,
): ProtectionRuleMapping {
  const event = parsePayload(
    protectionRuleSchema,
    payload,
    DEPLOYMENT_PROTECTION_RULE_EVENT,
  );
  if (event.action !== 'requested') {
    return {
      kind: 'ignore',
      reason: `${DEPLOYMENT_PROTECTION_RULE_EVENT} action '${event.action}' asks for no answer`,
    };
  }
  const environment = firstNonEmpty(
    event.environment,
    event.deployment?.environment,
  );
  const version = firstNonEmpty(event.deployment?.sha, event.sha);
  if (!environment || !version) {
    throw new InputError(
      `Invalid ${DEPLOYMENT_PROTECTION_RULE_EVENT} payload: it names no ${
        environment ? 'sha' : 'environment'
      } (expected in the event or its deployment)`,
    );
  }
  return {
    kind: 'review',
    request: {
      environment,
      version,
      callbackUrl: event.deployment_callback_url,
      repository: event.repository,
      hints: {
        entityRef: event.deployment?.payload?.[ENTITY_REF_PAYLOAD_KEY],
        repositorySlug: event.repository.full_name,
      },
      requestedBy: event.sender ? `github:${event.sender.login}` : undefined,
    },
  };
}
