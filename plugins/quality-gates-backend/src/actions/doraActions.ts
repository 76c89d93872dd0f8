import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { DoraService } from '../dora/DoraService';
import { storableInput } from './actionInput';

/** DORA figures of an entity, a group (its components) or a system. */
export function registerDoraActions(options: {
  actionsRegistry: ActionsRegistryService;
  dora: DoraService;
}) {
  const { actionsRegistry, dora } = options;
  actionsRegistry.register({
    name: 'get-dora-metrics',
    title: 'DORA metrics',
    description:
      'Deployment frequency, lead time for changes, change failure rate and time to ' +
      'restore of one entity, or of a group or system rolled up, over a window ' +
      '(default: the last 90 days, or as far as the data goes), with the window ' +
      'before it for the change. Give exactly one of entityRef, group or system.',
    attributes: { readOnly: true, idempotent: true },
    schema: {
      input: z =>
        z.object({
          entityRef: z.string().optional(),
          group: z.string().optional().describe('e.g. group:default/payments'),
          system: z.string().optional(),
          from: z.string().optional().describe('ISO 8601 start'),
          to: z.string().optional().describe('ISO 8601 end'),
        }),
      output: z =>
        z.object({
          scope: z.object({}).passthrough(),
          environments: z.array(z.string()),
          window: z.object({
            from: z.string(),
            to: z.string(),
            days: z.number(),
          }),
          current: z.object({}).passthrough(),
          previous: z.object({}).passthrough(),
        }),
    },
    action: async ({ input: given, credentials }) => {
      const input = storableInput(given);
      const { from, to, ...scopeRequest } = input;
      const scope = await dora.resolveScope(scopeRequest, credentials);
      const metrics = await dora.metrics(scope, { from, to });
      return {
        output: {
          scope: { ...metrics.scope },
          environments: metrics.environments,
          window: metrics.window,
          current: { ...metrics.current },
          previous: { ...metrics.previous },
        },
      };
    },
  });
}
