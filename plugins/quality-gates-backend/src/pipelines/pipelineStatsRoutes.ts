import { HttpAuthService } from '@backstage/backend-plugin-api';
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import { Knex } from 'knex';
import { spec } from '../schema/openapi.generated';
import { resolveRange } from '../timeline/requestedRange';
import { readPipelineStats } from './pipelineStats';

type ApiRouter = ReturnType<typeof createValidatedOpenApiRouter<typeof spec>>;

/** The range of pipeline statistics when none is given, and the longest. */
export const PIPELINE_STATS_RANGE = { defaultDays: 90, maxDays: 400 };

/** `GET /pipelines/stats`: pipelines treated as products. */
export function addPipelineStatsRoutes(
  router: ApiRouter,
  options: {
    database: Knex;
    /** The entity as the caller may see it, canonical; 404 when hidden. */
    visibleEntityOf(
      req: Parameters<HttpAuthService['credentials']>[0],
      rawEntityRef: string,
    ): Promise<string>;
  },
) {
  router.get('/pipelines/stats', async (req, res) => {
    const { from, to } = resolveRange(req.query, PIPELINE_STATS_RANGE);
    const entityRef = await options.visibleEntityOf(req, req.query.entityRef);
    res.json(
      await readPipelineStats(options.database, {
        entityRef,
        pipelineName: req.query.pipelineName,
        from,
        to,
      }),
    );
  });
}
