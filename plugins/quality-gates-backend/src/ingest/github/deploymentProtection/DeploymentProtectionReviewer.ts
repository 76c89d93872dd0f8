import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { durationToMilliseconds, HumanDuration } from '@backstage/types';
import { CatalogApi } from '@backstage/catalog-client';
import { Config, readDurationFromConfig } from '@backstage/config';
import { EntityResolver } from '../../../catalog/EntityResolver';
import { GateEvaluator } from '../../../gates/evaluation/GateEvaluator';
import { ENTITY_REF_PAYLOAD_KEY } from '../deploymentEvents';
import { CallbackTarget, DeploymentCallback } from './DeploymentCallback';
import {
  appLinks,
  AppLinks,
  GateReview,
  rejection,
  reviewOfDecision,
} from './gateReview';
import { ProtectionRuleRequest } from './protectionRuleEvent';
import { PendingReview, PendingReviewStore } from './PendingReviewStore';
import { GateDecision } from '../../../gates/evaluation/GateEvaluator';

/** Default longest a review stays pending on "not yet" (GitHub allows 30 days). */
export const DEFAULT_MAX_PENDING_MS = 6 * 3600_000;
/** How long a replica holds a claimed review while it asks again. */
const CLAIM_LEASE_MS = 5 * 60_000;
/** Without a time from the gates, ask again after this. */
const FALLBACK_WAIT_MS = 60_000;

/** What deciding a protection rule gave: the answer to send, and the decision. */
interface Decided {
  review: GateReview;
  decision?: GateDecision;
}

/**
 * Answers GitHub deployment protection rules with the gates: finds the
 * catalog entity the way other GitHub events do, evaluates its gates for
 * the environment and sha exactly as `POST /gates/evaluate` does (stored,
 * in the same history), and approves or rejects through the callback.
 */
export class DeploymentProtectionReviewer {
  private readonly links: AppLinks;

  constructor(
    private readonly options: {
      logger: LoggerService;
      auth: AuthService;
      catalog: CatalogApi;
      resolver: EntityResolver;
      evaluator: GateEvaluator;
      callback: DeploymentCallback;
      appBaseUrl?: string;
      /**
       * Where reviews answered "not yet" wait, and for how long at most:
       * they stay pending on GitHub and are answered when decided. Without
       * it, "not yet" is a rejection.
       */
      pending?: { store: PendingReviewStore; maxPendingMs: number };
    },
  ) {
    this.links = appLinks(options.appBaseUrl);
  }

  static fromConfig(
    config: Config,
    options: Omit<
      ConstructorParameters<typeof DeploymentProtectionReviewer>[0],
      'callback' | 'appBaseUrl'
    >,
  ): DeploymentProtectionReviewer {
    return new DeploymentProtectionReviewer({
      ...options,
      callback: DeploymentCallback.fromConfig(config),
      appBaseUrl: config.getOptionalString('app.baseUrl'),
    });
  }

  /** How often the scheduler looks for pending reviews that are due. */
  static pollFrequencyOf(config: Config): HumanDuration {
    const key = 'qualityGates.github.deploymentProtection.pollFrequency';
    return config.has(key)
      ? readDurationFromConfig(config, { key })
      : { seconds: 30 };
  }

  /** The longest pending time configured, in milliseconds. */
  static maxPendingMsOf(config: Config): number {
    const key = 'qualityGates.github.deploymentProtection.maxPendingTime';
    if (!config.has(key)) return DEFAULT_MAX_PENDING_MS;
    return durationToMilliseconds(readDurationFromConfig(config, { key }));
  }

  /** Throws a 4xx/5xx error when no answer could be sent at all. */
  targetOf(request: ProtectionRuleRequest): CallbackTarget {
    return this.options.callback.targetOf(
      request.repository,
      request.callbackUrl,
      request.environment,
    );
  }

  /**
   * Evaluates and answers. Never throws: GitHub got its 202 long ago, so
   * every failure is logged with the delivery id instead.
   */
  async review(
    request: ProtectionRuleRequest,
    target: CallbackTarget,
    delivery: string | undefined,
  ): Promise<void> {
    const { logger, pending } = this.options;
    const about = describe(request, delivery);
    const decided = await this.decideSafely(request, about);
    const answer = decided.decision?.answer;
    if (answer === 'not_yet' && pending) {
      // GitHub keeps the rule pending until answered: ask again then.
      const now = Date.now();
      const giveUpAt = now + pending.maxPendingMs;
      const next = Math.min(
        Date.parse(nextAskOf(decided.decision!, now)),
        giveUpAt,
      );
      await pending.store.add({
        request,
        target,
        delivery,
        nextAt: new Date(next).toISOString(),
        giveUpAt: new Date(giveUpAt).toISOString(),
        lastDecisionId: decided.decision!.id,
      });
      logger.info(
        `Deployment protection rule pending: ${about}: ${
          decided.decision!.sentence
        }`,
      );
      return;
    }
    await this.answer(target, decided.review, about);
  }

  /**
   * Asks the gates again for the pending reviews that are due, each claimed
   * by this replica alone, and answers GitHub once they decide; one still
   * not decided at its give-up time is rejected. Run by the scheduler.
   */
  async reviewPending(now: Date = new Date()): Promise<number> {
    const { pending } = this.options;
    if (!pending) return 0;
    const due = await pending.store.claimDue(now, CLAIM_LEASE_MS);
    for (const review of due) {
      await this.askAgain(review, pending.store).catch(error =>
        this.options.logger.error(
          `Could not ask again for the pending review ${review.id}`,
          error as Error,
        ),
      );
    }
    return due.length;
  }

  private async askAgain(
    review: PendingReview,
    store: PendingReviewStore,
  ): Promise<void> {
    const about = describe(review.request, review.delivery);
    const decided = await this.decideSafely(review.request, about);
    const decision = decided.decision;
    const now = Date.now();
    const giveUpAt = Date.parse(review.giveUpAt);
    if (decision?.answer === 'not_yet') {
      if (now < giveUpAt) {
        const next = Math.min(Date.parse(nextAskOf(decision, now)), giveUpAt);
        await store.reschedule(
          review.id,
          new Date(next).toISOString(),
          decision.id,
        );
        return;
      }
      const waited = Math.round((now - Date.parse(review.createdAt)) / 60_000);
      await this.answer(
        review.target,
        rejection(
          `Still not decided after ${waited} min, the longest a review waits: ${decision.sentence}`,
        ),
        about,
      );
    } else {
      await this.answer(review.target, decided.review, about);
    }
    await store.remove(review.id);
  }

  /** Sends the answer; a failure is logged: GitHub keeps the rule waiting. */
  private async answer(
    target: CallbackTarget,
    review: GateReview,
    about: string,
  ): Promise<void> {
    const { logger, callback } = this.options;
    try {
      await callback.send(target, review);
      logger.info(`Deployment protection rule ${review.state}: ${about}`);
    } catch (error) {
      logger.error(
        `Could not answer the deployment protection rule for ${about}; it stays waiting on GitHub: ${
          (error as Error).message
        }`,
      );
    }
  }

  /** Decides, failing closed: an evaluation that throws is a rejection. */
  private async decideSafely(
    request: ProtectionRuleRequest,
    about: string,
  ): Promise<Decided> {
    return this.decide(request).catch(error => {
      this.options.logger.error(
        `Could not evaluate the gates for ${about}`,
        error as Error,
      );
      return {
        review: rejection(
          `The gates could not be evaluated (${String(
            error?.message ?? error,
          )}), so the deploy is not approved.`,
        ),
      };
    });
  }

  private async decide(request: ProtectionRuleRequest): Promise<Decided> {
    const { entityRef, entityHint } = await this.options.resolver.resolve(
      request.hints,
    );
    if (!entityRef) {
      return decidedWithout(
        `No catalog entity matches ${entityHint}: annotate the component with github.com/project-slug: ${request.repository.full_name}, or name it in the deployment payload's ${ENTITY_REF_PAYLOAD_KEY}.`,
      );
    }
    const { token } = await this.options.auth.getPluginRequestToken({
      onBehalfOf: await this.options.auth.getOwnServiceCredentials(),
      targetPluginId: 'catalog',
    });
    const entity = await this.options.catalog.getEntityByRef(entityRef, {
      token,
    });
    if (!entity) {
      return decidedWithout(`${entityRef} is no longer in the catalog.`);
    }
    const decision = await this.options.evaluator.evaluate({
      entity,
      entityRef,
      environment: request.environment,
      version: request.version,
      trigger: 'ci',
      requestedBy: request.requestedBy,
    });
    return { review: reviewOfDecision(decision, this.links), decision };
  }
}

function decidedWithout(reason: string): Decided {
  return { review: rejection(reason) };
}

function describe(request: ProtectionRuleRequest, delivery?: string): string {
  return `${request.repository.full_name} to ${request.environment} (delivery ${
    delivery ?? 'without id'
  })`;
}

/** When to ask again: the decision's time, never in the past. */
function nextAskOf(decision: GateDecision, now: number): string {
  const at = decision.askAgainAt ? Date.parse(decision.askAgainAt) : NaN;
  return new Date(
    Number.isNaN(at) ? now + FALLBACK_WAIT_MS : Math.max(at, now + 1_000),
  ).toISOString();
}
