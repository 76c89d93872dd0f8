/**
 * The quality-gates backend plugin.
 *
 * @packageDocumentation
 */

export { qualityGatesPlugin as default } from './plugin';
