import express from 'express';
import Router from 'express-promise-router';
import { IngestContext } from './IngestContext';

/**
 * Ingest endpoints. They read their own bodies (raw bytes for signatures and
 * protobuf, JSON with a size limit), so they are mounted before the
 * OpenAPI-validated read API; their contracts are in the same openapi.yaml.
 */
export function createIngestRouter(ctx: IngestContext): express.Router {
  const router = Router();
  // Each ingest area mounts its routes here, one line each.
  void ctx;
  return router;
}
