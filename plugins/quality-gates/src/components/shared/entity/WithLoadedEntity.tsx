import { ReactNode } from 'react';
import { useAsyncEntity } from '@backstage/plugin-catalog-react';

/**
 * Renders its children only once the entity page has an entity. Without
 * one (an unknown entity URL, still loading, or rendered outside an entity
 * page) it renders nothing, so the catalog's own loading and not-found
 * views show instead of `useEntity` throwing in our views.
 */
export function WithLoadedEntity(props: { children: ReactNode }) {
  const { entity } = useAsyncEntity();
  return entity ? <>{props.children}</> : null;
}
