import express from 'express';
import Router from 'express-promise-router';
import { IngestContext } from './IngestContext';
import { createGitHubWebhookRouter } from './github/createGitHubWebhookRouter';
import { createCdEventsRouter } from './cdevents/createCdEventsRouter';
import { createJsonIngestRouter } from './json/createJsonIngestRouter';
import { createHeartbeatRouter } from './heartbeats/createHeartbeatRouter';
import { createOtlpTraceRouter } from './otlp/createOtlpTraceRouter';
import { checkRequestUrl } from '../input/requestUrl';
import { answerErrors } from '../service/errorResponses';

/**
 * Ingest endpoints. They read their own bodies (raw bytes for signatures and
 * protobuf, JSON with a size limit), so they are mounted before the
 * OpenAPI-validated read API; their contracts are in the same openapi.yaml.
 */
export function createIngestRouter(ctx: IngestContext): express.Router {
  const router = Router();
  // Every request to the plugin passes here first.
  router.use(checkRequestUrl);
  // Each ingest area mounts its routes here, one line each.
  router.use(createGitHubWebhookRouter(ctx));
  router.use(createCdEventsRouter(ctx), createJsonIngestRouter(ctx));
  router.use(createOtlpTraceRouter(ctx));
  router.use(createHeartbeatRouter(ctx));
  router.use(answerErrors(ctx.logger));
  return router;
}
