import { retryTransientWrite } from '../../database/retryTransientWrite';
import { InputError } from '@backstage/errors';
import express from 'express';
import { DeliveryEventWriter } from '../../delivery/DeliveryEventWriter';
import Router from 'express-promise-router';
import { limitedRawBody } from '../../input/requestBody';
import { IngestContext, MAX_BODY_SIZE_SETTING } from '../IngestContext';
import { authorizeIngest } from '../authorizeIngest';
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
 * written, so a bad one stores nothing. The events are then recorded in one
 * transaction, in the order sent: a later event of a batch sees what an
 * earlier one did (a rollback finds the deployment just before it), and a
 * failure stores nothing of the request. Events already recorded are
 * answered as duplicates, so a sender may retry a whole batch.
 */
export function createCdEventsRouter(ctx: IngestContext): express.Router {
  const router = Router();

  router.post(
    '/events/cdevents',
    async (req, _res, next) => {
      // Before the body is read: strangers cannot make us buffer megabytes.
      await authorizeIngest(ctx, req);
      next();
    },
    limitedRawBody(ctx.maxBodySize, MAX_BODY_SIZE_SETTING),
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
      // Entities first: resolving may need the plugin's database (its
      // service tokens), which SQLite cannot lend while a transaction holds it.
      for (const record of records) {
        await entities.resolveFirst(record.hints);
      }
      // One request, one transaction: each event in a savepoint of its own
      // (a concurrent duplicate of one event undoes only that event). A
      // deadlock undoes the whole request, which runs again.
      const recorded = await retryTransientWrite(
        () =>
          ctx.database.transaction(async tx => {
            const inRequest = new CdEventRecorder(
              tx,
              new DeliveryEventWriter(tx),
            );
            const answers: RecordedCdEvent[] = [];
            for (const record of records) {
              answers.push(await inRequest.record(record, entities));
            }
            return answers;
          }),
        { what: 'CloudEvents' },
      );
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
