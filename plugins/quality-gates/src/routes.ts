import { createRouteRef } from '@backstage/core-plugin-api';

/** The entity tab's route. */
export const entityContentRouteRef = createRouteRef({
  id: 'quality-gates:entity-content',
});
