import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CatalogApi } from '@backstage/catalog-client';
import { Config } from '@backstage/config';
import { EntityResolver } from '../../../catalog/EntityResolver';
import { GateEvaluator } from '../../../gates/evaluation/GateEvaluator';
import { ENTITY_REF_PAYLOAD_KEY } from '../deploymentEvents';
import { CallbackTarget, DeploymentCallback } from './DeploymentCallback';
import {
  evaluationLinker,
  GateReview,
  rejection,
  reviewOfDecision,
} from './gateReview';
import { ProtectionRuleRequest } from './protectionRuleEvent';

/**
 * Answers GitHub deployment protection rules with the gates: finds the
 * catalog entity the way other GitHub events do, evaluates its gates for
 * the environment and sha exactly as `POST /gates/evaluate` does (stored,
 * in the same history), and approves or rejects through the callback.
 */
export class DeploymentProtectionReviewer {
  private readonly linkTo: (evaluationId: string) => string | undefined;

  constructor(
    private readonly options: {
      logger: LoggerService;
      auth: AuthService;
      catalog: CatalogApi;
      resolver: EntityResolver;
      evaluator: GateEvaluator;
      callback: DeploymentCallback;
      appBaseUrl?: string;
    },
  ) {
    this.linkTo = evaluationLinker(options.appBaseUrl);
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
    const { logger, callback } = this.options;
    const about = `${request.repository.full_name} to ${
      request.environment
    } (delivery ${delivery ?? 'without id'})`;
    const review = await this.decide(request).catch(error => {
      logger.error(`Could not evaluate the gates for ${about}`, error as Error);
      return rejection(
        `The gates could not be evaluated (${String(
          error?.message ?? error,
        )}), so the deploy is not approved.`,
      );
    });
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

  private async decide(request: ProtectionRuleRequest): Promise<GateReview> {
    const { entityRef, entityHint } = await this.options.resolver.resolve(
      request.hints,
    );
    if (!entityRef) {
      return rejection(
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
      return rejection(`${entityRef} is no longer in the catalog.`);
    }
    const decision = await this.options.evaluator.evaluate({
      entity,
      entityRef,
      environment: request.environment,
      version: request.version,
      trigger: 'ci',
      requestedBy: request.requestedBy,
    });
    return reviewOfDecision(decision, this.linkTo);
  }
}
