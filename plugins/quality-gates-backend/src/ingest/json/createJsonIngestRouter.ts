import { InputError } from '@backstage/errors';
import express, { RequestHandler } from 'express';
import Router from 'express-promise-router';
import { SourceKey } from '../../delivery/DeliveryBatch';
import { IngestContext } from '../IngestContext';
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

  const authenticate: RequestHandler = async (req, _res, next) => {
    await ctx.httpAuth.credentials(req, { allow: ['service', 'user'] });
    next();
  };
  const json = express.json({ type: () => true, limit: ctx.maxBodySize });
  const parseJson: RequestHandler = (req, res, next) =>
    json(req, res, error => {
      if (error?.type === 'entity.parse.failed') {
        next(new InputError(`The body is not valid JSON: ${error.message}`));
      } else {
        next(error);
      }
    });

  router.post('/deployments', authenticate, parseJson, async (req, res) => {
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
    await ctx.writer.write({ deployments });
    res
      .status(200)
      .json(
        answer(
          await readStoredRows(ctx.database, 'deployments', deployments),
          deployments,
        ),
      );
  });

  router.post('/incidents', authenticate, parseJson, async (req, res) => {
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
    await ctx.writer.write({ incidents });
    res
      .status(200)
      .json(
        answer(
          await readStoredRows(ctx.database, 'incidents', incidents),
          incidents,
        ),
      );
  });

  return router;
}

/**
 * What is stored for each item sent, in the order sent; `entityRef: null`
 * marks items kept for an entity the catalog does not know (yet).
 */
function answer(stored: Map<string, StoredRow>, sent: SourceKey[]) {
  const items = sent.map(key => {
    const row = stored.get(storedRowKey(key))!;
    return { ...row, resolved: row.entityRef !== null };
  });
  return {
    items,
    unresolved: items.filter(item => !item.resolved).length,
  };
}
