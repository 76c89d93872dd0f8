import express from 'express';
import Router from 'express-promise-router';
import { DateTime } from 'luxon';
import { HeartbeatStore } from '../../heartbeats/HeartbeatStore';
import { jsonBody } from '../../input/requestBody';
import { IngestContext, MAX_BODY_SIZE_SETTING } from '../IngestContext';
import { authorizeIngest } from '../authorizeIngest';
import { RequestEntityAssignments } from '../json/entityAssignments';
import { parseItems } from '../json/payloadFields';
import {
  heartbeatChecks,
  heartbeatPayload,
  heartbeatReportOf,
} from './heartbeatPayload';

/**
 * `POST /heartbeats`: one heartbeat or `{ items: [...] }` of up to 500,
 * validated whole (one bad item stores nothing, the 400 names every bad
 * field) and written in one transaction. CDEvents has no heartbeat event,
 * so this plain route is the only way in.
 */
export function createHeartbeatRouter(ctx: IngestContext): express.Router {
  const router = Router();
  const store = new HeartbeatStore(ctx.database);
  const json = jsonBody({
    limit: ctx.maxBodySize,
    setting: MAX_BODY_SIZE_SETTING,
  });

  router.post(
    '/heartbeats',
    async (req, _res, next) => {
      // Before the body is read: strangers cannot make us buffer megabytes.
      await authorizeIngest(ctx, req);
      next();
    },
    json,
    async (req, res) => {
      const receivedAt = DateTime.utc();
      const items = parseItems(
        heartbeatPayload,
        heartbeatChecks(receivedAt),
        req.body,
        'heartbeats',
      ).map(item => heartbeatReportOf(item, receivedAt));
      const entities = new RequestEntityAssignments(ctx.resolver);
      // Entities first: resolving may need the plugin's database, which
      // SQLite cannot lend while a transaction holds it.
      const reports = await Promise.all(
        items.map(async ({ hints, report }) => ({
          ...report,
          ...(await entities.resolve(hints)),
        })),
      );
      const stored = await store.write(reports, receivedAt.toJSDate());
      res.status(200).json({
        items: stored.map(item => ({
          ...item,
          resolved: item.entityRef !== null,
        })),
        unresolved: stored.filter(item => item.entityRef === null).length,
      });
    },
  );
  return router;
}
