/**
 * The quality-gates frontend plugin for the new frontend system: add the
 * package to an app with feature discovery and every tab, card and page is
 * there; titles, paths, filters and order come from `app.extensions`.
 *
 * @packageDocumentation
 */

import { qualityGatesPlugin } from './alpha/plugin';

export { qualityGatesPlugin };
export default qualityGatesPlugin;
