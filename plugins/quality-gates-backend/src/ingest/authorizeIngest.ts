import { Request } from 'express';
import { eventsCreatePermission } from '@can-i-deploy/plugin-quality-gates-common';
import { requirePermission } from '../permissions/requirePermission';
import { IngestContext } from './IngestContext';

/**
 * Authenticates an ingest request and checks that the caller may send
 * events, before its body is read: strangers and read-only tokens cannot
 * make us buffer megabytes, nor write the history that gates read.
 */
export async function authorizeIngest(
  ctx: IngestContext,
  req: Request,
): Promise<void> {
  const credentials = await ctx.httpAuth.credentials(req, {
    allow: ['service', 'user'],
  });
  await requirePermission(ctx.permissions, credentials, eventsCreatePermission);
}
