import { parseEntityRef } from '@backstage/catalog-model';
import { humanizeEntityRef } from '@backstage/plugin-catalog-react';

/** `checkout` for a component in the default namespace, else more. */
export function shortRef(ref: string): string {
  try {
    const parsed = parseEntityRef(ref);
    return humanizeEntityRef(parsed, { defaultKind: parsed.kind });
  } catch {
    return ref;
  }
}
