import { HttpAuthService } from '@backstage/backend-plugin-api';
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import { spec } from '../schema/openapi.generated';
import { DoraService } from './DoraService';

type ApiRouter = ReturnType<typeof createValidatedOpenApiRouter<typeof spec>>;

/** Routes under /dora: figures, weekly trend, and the rows behind a figure. */
export function addDoraRoutes(
  router: ApiRouter,
  options: { httpAuth: HttpAuthService; dora: DoraService },
) {
  const { httpAuth, dora } = options;
  const scopeOf = async (
    req: Parameters<HttpAuthService['credentials']>[0],
    query: { entityRef?: string; group?: string; system?: string },
  ) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    return dora.resolveScope(query, credentials);
  };

  router.get('/dora/metrics', async (req, res) => {
    const scope = await scopeOf(req, req.query);
    res.json(await dora.metrics(scope, req.query));
  });

  router.get('/dora/trend', async (req, res) => {
    const scope = await scopeOf(req, req.query);
    res.json(await dora.trend(scope, req.query));
  });

  router.get('/dora/details', async (req, res) => {
    const scope = await scopeOf(req, req.query);
    res.json(
      await dora.details(scope, req.query.metric, {
        from: req.query.from,
        to: req.query.to,
        limit: req.query.limit ?? 100,
        offset: req.query.offset ?? 0,
      }),
    );
  });
}
