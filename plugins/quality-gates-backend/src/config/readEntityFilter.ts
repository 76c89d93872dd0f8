import { Config } from '@backstage/config';
import { EntityFilter } from '@can-i-deploy/plugin-quality-gates-common';

function stringOrList(
  config: Config,
  key: string,
): string | string[] | undefined {
  const value = config.getOptional(key);
  if (value === undefined) return undefined;
  return typeof value === 'string' ? value : config.getStringArray(key);
}

/** Reads an applies-to filter (kind, type, lifecycle, owner, system, tags, annotations). */
export function readEntityFilter(
  config: Config | undefined,
): EntityFilter | undefined {
  if (!config) return undefined;
  const annotations = config.getOptionalConfig('annotations');
  return {
    kind: stringOrList(config, 'kind'),
    type: stringOrList(config, 'type'),
    lifecycle: stringOrList(config, 'lifecycle'),
    owner: stringOrList(config, 'owner'),
    system: stringOrList(config, 'system'),
    tags: config.getOptionalStringArray('tags'),
    annotations: annotations
      ? Object.fromEntries(
          annotations.keys().map(key => {
            const value = annotations.get(key);
            return [key, value === true ? true : String(value)];
          }),
        )
      : undefined,
  };
}
