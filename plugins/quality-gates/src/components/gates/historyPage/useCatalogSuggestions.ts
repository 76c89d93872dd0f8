import { useState } from 'react';
import { useApiHolder } from '@backstage/core-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';
import useDebounce from 'react-use/esm/useDebounce';

const FIELDS = ['kind', 'metadata.namespace', 'metadata.name'];
const TYPING_DELAY_MS = 250;

/**
 * Entities and groups from the catalog to suggest as filters: entities
 * matching what is typed, and the groups that may own them. Nothing when
 * the app has no catalog.
 */
export function useCatalogSuggestions() {
  const catalogApi = useApiHolder().get(catalogApiRef);
  const [typed, setTyped] = useState('');
  const [term, setTerm] = useState('');
  useDebounce(() => setTerm(typed.trim()), TYPING_DELAY_MS, [typed]);

  const entities = useAsync(async () => {
    if (!catalogApi) return [];
    const { items } = await catalogApi.queryEntities({
      filter: { kind: ['Component', 'Resource', 'System'] },
      ...(term ? { fullTextFilter: { term, fields: ['metadata.name'] } } : {}),
      fields: FIELDS,
      limit: 20,
    });
    return items.map(entity => stringifyEntityRef(entity));
  }, [catalogApi, term]);

  const groups = useAsync(async () => {
    if (!catalogApi) return [];
    const { items } = await catalogApi.getEntities({
      filter: { kind: 'Group' },
      fields: FIELDS,
    });
    return items.map(entity => stringifyEntityRef(entity));
  }, [catalogApi]);

  return {
    entityRefs: entities.value ?? [],
    groupRefs: groups.value ?? [],
    searchEntities: setTyped,
  };
}
