import express, { RequestHandler } from 'express';
import Router from 'express-promise-router';
import { DeliveryBatch, SourceKey } from '../../delivery/DeliveryBatch';
import { jsonBody } from '../../input/requestBody';
import { IngestContext, MAX_BODY_SIZE_SETTING } from '../IngestContext';
import { authorizeIngest } from '../authorizeIngest';
import {
  deploymentChecks,
  deploymentPayload,
  deploymentReportOf,
} from './deploymentPayload';
import { RequestEntityAssignments } from './entityAssignments';
import {
  incidentChecks,
  incidentPayload,
  incidentReportOf,
} from './incidentPayload';
import { parseItems } from './payloadFields';
import { readStoredRows, StoredRow, storedRowKey } from './storedRows';

/**
 * The plain JSON API, for systems that send neither CDEvents nor webhooks
 * we read: `POST /deployments` and `POST /incidents`, one item or
 * `{ items: [...] }`. A request is validated whole and written in one
 * transaction: one bad item stores nothing. Items are keyed by the caller's
 * `externalId` (source `api`), so resending changes nothing.
 */
export function createJsonIngestRouter(ctx: IngestContext): express.Router {
  const router = Router();

  const authorize: RequestHandler = async (req, _res, next) => {
    await authorizeIngest(ctx, req);
    next();
  };
  const parseJson = jsonBody({
    limit: ctx.maxBodySize,
    setting: MAX_BODY_SIZE_SETTING,
  });

  router.post('/deployments', authorize, parseJson, async (req, res) => {
    const items = parseItems(
      deploymentPayload,
      deploymentChecks,
      req.body,
      'deployments',
    ).map(deploymentReportOf);
    const entities = new RequestEntityAssignments(ctx.resolver);
    const deployments = await Promise.all(
      items.map(async ({ hints, report }) => ({
        ...report,
        ...(await entities.resolve(hints)),
      })),
    );
    res
      .status(200)
      .json(
        await writeAndAnswer(ctx, { deployments }, 'deployments', deployments),
      );
  });

  router.post('/incidents', authorize, parseJson, async (req, res) => {
    const items = parseItems(
      incidentPayload,
      incidentChecks,
      req.body,
      'incidents',
    ).map(incidentReportOf);
    const entities = new RequestEntityAssignments(ctx.resolver);
    const incidents = await Promise.all(
      items.map(async ({ hints, report }) => ({
        ...report,
        ...(await entities.resolve(hints)),
      })),
    );
    res
      .status(200)
      .json(await writeAndAnswer(ctx, { incidents }, 'incidents', incidents));
  });

  return router;
}

/**
 * Writes the batch and reads back what is stored for each item sent, in the
 * order sent, in the same transaction: the answer is complete before the
 * commit, so nothing is stored that the answer does not acknowledge (an item
 * whose key the database did not keep as sent rolls the request back).
 * `entityRef: null` marks items kept for an entity the catalog does not know
 * (yet).
 */
async function writeAndAnswer(
  ctx: IngestContext,
  batch: DeliveryBatch,
  table: 'deployments' | 'incidents',
  sent: SourceKey[],
) {
  let items: Array<StoredRow & { resolved: boolean }> = [];
  await ctx.writer.write(batch, async tx => {
    const stored = await readStoredRows(tx, table, sent);
    items = sent.map(key => {
      const row = stored.get(storedRowKey(key));
      if (!row) {
        throw new Error(
          `The ${table} row ${storedRowKey(key)} was not stored under its key`,
        );
      }
      return { ...row, resolved: row.entityRef !== null };
    });
  });
  return {
    items,
    unresolved: items.filter(item => !item.resolved).length,
  };
}
