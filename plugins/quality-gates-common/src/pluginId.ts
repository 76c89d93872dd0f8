/**
 * The plugin id: routes live under `/api/quality-gates`.
 *
 * @public
 */
export const QUALITY_GATES_PLUGIN_ID = 'quality-gates';
