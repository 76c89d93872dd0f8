import { createHash, createHmac } from 'node:crypto';
import {
  AuthService,
  DiscoveryService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { CatalogApi } from '@backstage/catalog-client';
import { Config } from '@backstage/config';
import { Knex } from 'knex';
import { DateTime } from 'luxon';
import { oneReplicaAtATime } from './replicaTurns';
import { DEMO_ENVIRONMENTS, demoHistoryFor, DemoHistory } from './demoHistory';
import {
  demoDeploymentItems,
  demoIncidentEvents,
  demoPullRequestMergedEvent,
  demoPushEvent,
} from './demoPayloads';
import { demoCiTrace } from './demoTrace';

const CATALOG_WAIT_MS = 180_000;

/**
 * Sends demo history through the plugin's own ingest endpoints over HTTP —
 * GitHub webhooks (signed), OTLP traces, the JSON API and CDEvents — so the
 * demo exercises exactly what real senders do. Runs once per database: a
 * database that already holds demo deployments is left alone.
 */
export class DemoDataSender {
  constructor(
    private readonly options: {
      entityRefs: string[];
      rootConfig: Config;
      database: Knex;
      discovery: DiscoveryService;
      auth: AuthService;
      catalog: CatalogApi;
      logger: LoggerService;
    },
  ) {}

  async send(now: DateTime = DateTime.utc()): Promise<void> {
    const { database } = this.options;
    // Replicas starting together take turns: the first sends, the others
    // then find its deployments.
    await oneReplicaAtATime(database, 'demoDeliveryHistory', () =>
      this.sendOnce(now),
    );
  }

  private async sendOnce(now: DateTime): Promise<void> {
    const { entityRefs, database, logger } = this.options;
    if (entityRefs.length === 0) return;
    const seeded = await database('deployments')
      .where('external_id', 'like', 'demo-%')
      .first('id');
    if (seeded) {
      logger.info('Demo data: already present, nothing sent');
      return;
    }
    const slugs = await this.waitForEntities(entityRefs);
    let spans = 0;
    for (const entityRef of entityRefs) {
      const history = demoHistoryFor(entityRef, slugs.get(entityRef)!, now);
      spans += await this.sendHistory(history);
    }
    logger.info(
      `Demo data: sent the history of ${entityRefs.length} entities (${spans} CI spans) through the ingest endpoints`,
    );
    await this.askGates(entityRefs, now);
  }

  /**
   * Asks "can I deploy?" for each demo entity's newest version in each
   * environment, as CI would, after bringing its readiness up to date:
   * the gate views then have decisions to show.
   */
  private async askGates(entityRefs: string[], now: DateTime): Promise<void> {
    let asked = 0;
    for (const entityRef of entityRefs) {
      const history = demoHistoryFor(entityRef, '', now);
      const newest = history.releases[history.releases.length - 1];
      if (!newest) continue;
      await this.post(
        `/readiness/entity/evaluate?entityRef=${encodeURIComponent(entityRef)}`,
        '',
        {},
      ).catch(() => undefined);
      for (const environment of DEMO_ENVIRONMENTS) {
        await this.post(
          '/gates/evaluate',
          JSON.stringify({
            entityRef,
            environment,
            version: newest.version,
            trigger: 'ci',
          }),
          { 'content-type': 'application/json' },
        );
        asked += 1;
      }
    }
    this.options.logger.info(`Demo data: asked the gates ${asked} times`);
  }

  private async sendHistory(history: DemoHistory): Promise<number> {
    let spans = 0;
    for (const release of history.releases) {
      await this.github('push', demoPushEvent(history, release));
      await this.github(
        'pull_request',
        demoPullRequestMergedEvent(history, release),
      );
      const trace = demoCiTrace({
        entityRef: history.entityRef,
        repositorySlug: history.repositorySlug,
        release,
      });
      spans += trace.body.resourceSpans[0].scopeSpans[0].spans.length;
      await this.post('/v1/traces', JSON.stringify(trace.body), {
        'content-type': 'application/json',
      });
    }
    const items = demoDeploymentItems(history);
    if (items.length > 0) {
      await this.post('/deployments', JSON.stringify({ items }), {
        'content-type': 'application/json',
      });
    }
    for (const incident of history.incidents) {
      for (const message of demoIncidentEvents(history, incident)) {
        await this.post(
          '/events/cdevents',
          String(message.body),
          message.headers as Record<string, string>,
        );
      }
    }
    return spans;
  }

  private async github(event: string, payload: unknown) {
    const secret = this.webhookSecret();
    if (!secret) return;
    const body = JSON.stringify(payload);
    const signature = createHmac('sha256', secret).update(body).digest('hex');
    await this.post('/webhooks/github', body, {
      'content-type': 'application/json',
      'x-github-event': event,
      // Stable per payload, as GitHub keeps the id of a redelivery.
      'x-github-delivery': `demo-${createHash('sha256')
        .update(body)
        .digest('hex')
        .slice(0, 32)}`,
      'x-hub-signature-256': `sha256=${signature}`,
    });
  }

  private webhookSecret(): string | undefined {
    const key = 'qualityGates.github.webhookSecret';
    const { rootConfig } = this.options;
    const value = rootConfig.getOptional(key);
    const secrets = Array.isArray(value) ? value : [value];
    return secrets.find(
      (secret): secret is string => typeof secret === 'string' && !!secret,
    );
  }

  private async post(
    path: string,
    body: string,
    headers: Record<string, string>,
  ): Promise<void> {
    const { discovery, auth } = this.options;
    const baseUrl = await discovery.getBaseUrl('quality-gates');
    const { token } = await auth.getPluginRequestToken({
      onBehalfOf: await auth.getOwnServiceCredentials(),
      targetPluginId: 'quality-gates',
    });
    const response = await fetch(`${baseUrl}${path}`, {
      method: 'POST',
      body,
      headers: {
        ...headers,
        ...(path === '/webhooks/github'
          ? {}
          : { authorization: `Bearer ${token}` }),
      },
    });
    if (!response.ok) {
      throw new Error(
        `Demo data: POST ${path} answered ${
          response.status
        }: ${await response.text()}`,
      );
    }
  }

  /** The demo entities' repositories, once the catalog serves them all. */
  private async waitForEntities(
    entityRefs: string[],
  ): Promise<Map<string, string>> {
    const { auth, catalog } = this.options;
    const deadline = Date.now() + CATALOG_WAIT_MS;
    for (;;) {
      const { token } = await auth.getPluginRequestToken({
        onBehalfOf: await auth.getOwnServiceCredentials(),
        targetPluginId: 'catalog',
      });
      const { items } = await catalog
        .getEntitiesByRefs({ entityRefs }, { token })
        .catch(() => ({ items: [] as Array<undefined> }));
      if (items.length === entityRefs.length && items.every(Boolean)) {
        return new Map(
          items.map((entity, index) => [
            entityRefs[index],
            entity!.metadata.annotations?.['github.com/project-slug'] ??
              `example-corp/${entity!.metadata.name}`,
          ]),
        );
      }
      if (Date.now() > deadline) {
        throw new Error(
          `Demo data: the catalog did not serve ${entityRefs.join(
            ', ',
          )} within ${CATALOG_WAIT_MS / 1000} s`,
        );
      }
      await new Promise(resolve => setTimeout(resolve, 1000));
    }
  }
}
