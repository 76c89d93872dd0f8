import { ReadinessCheck } from '@can-i-deploy/plugin-quality-gates-node';
import { ownerCheck } from './ownerCheck';
import { onCallCheck } from './onCallCheck';
import { docsCheck } from './docsCheck';
import { sourceCheck } from './sourceCheck';

/** The built-in checks that read nothing but the catalog. */
export const catalogChecks: ReadinessCheck[] = [
  ownerCheck,
  sourceCheck,
  onCallCheck,
  docsCheck,
];
