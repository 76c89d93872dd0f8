import { InputError } from '@backstage/errors';
import express from 'express';
import Router from 'express-promise-router';
import { IngestContext } from '../IngestContext';
import { RequestEntityAssignments } from '../json/entityAssignments';
import { cloudEventsFromRequest } from './cloudEventMessage';
import { CdEventRecord, mapCdEvent } from './cdEventMapping';
import { CdEventRecorder, RecordedCdEvent } from './CdEventRecorder';

/**
 * `POST /events/cdevents`: a CDEvents sink for CloudEvents over HTTP in
 * structured, batch or binary mode, authenticated like every ingest route
 * (a static external-access token for CI and CD systems).
 *
 * Every event of a request is validated and mapped before anything is
 * written, so a bad one stores nothing. Each event is then recorded in its
 * own transaction, in the order sent: a later event of a batch sees what an
 * earlier one did (a rollback finds the deployment just before it). Events
 * already recorded are answered as duplicates, so a sender may retry a
 * whole batch after a failure.
 */
export function createCdEventsRouter(ctx: IngestContext): express.Router {
  const router = Router();
  const recorder = new CdEventRecorder(ctx.database, ctx.writer);

  router.post(
    '/events/cdevents',
    async (req, _res, next) => {
      // Before the body is read: strangers cannot make us buffer megabytes.
      await ctx.httpAuth.credentials(req, { allow: ['service', 'user'] });
      next();
    },
    express.raw({ type: () => true, limit: ctx.maxBodySize }),
    async (req, res) => {
      const events = cloudEventsFromRequest(
        req.headers,
        Buffer.isBuffer(req.body) ? req.body : undefined,
      );
      const records = events.map((event, index) =>
        labelled(events.length > 1 ? index : undefined, () =>
          mapCdEvent(event),
        ),
      );

      const entities = new RequestEntityAssignments(ctx.resolver);
      const recorded: RecordedCdEvent[] = [];
      for (const record of records) {
        recorded.push(await recorder.record(record, entities));
      }
      res.status(200).json({ events: recorded });
    },
  );
  return router;
}

function labelled(index: number | undefined, map: () => CdEventRecord) {
  try {
    return map();
  } catch (error) {
    if (index !== undefined && error instanceof InputError) {
      throw new InputError(`Event ${index} of the batch: ${error.message}`);
    }
    throw error;
  }
}
