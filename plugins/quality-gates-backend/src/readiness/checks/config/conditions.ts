import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { JSONPath } from 'jsonpath-plus';

const OPERATORS = [
  'exists',
  'notExists',
  'notEmpty',
  'equals',
  'notEquals',
  'in',
  'matches',
  'isUrl',
] as const;
type Operator = (typeof OPERATORS)[number];

/** A condition on an entity, compiled once from config. */
export interface EntityCondition {
  /** Whether it holds for the entity. */
  holds(entity: object): boolean;
  /** What to tell the owner when it does not hold. */
  readonly missing: string;
}

function firstMatch(path: string, entity: object): unknown {
  const matches = JSONPath({ path, json: entity, wrap: true }) as unknown[];
  return matches[0];
}

function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.keys(value).length === 0;
  return false;
}

function isHttpUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

function describe(path: string, operator: Operator, value: unknown): string {
  switch (operator) {
    case 'exists':
      return `${path} is set`;
    case 'notExists':
      return `${path} is not set`;
    case 'notEmpty':
      return `${path} is not empty`;
    case 'equals':
      return `${path} is ${JSON.stringify(value)}`;
    case 'notEquals':
      return `${path} is not ${JSON.stringify(value)}`;
    case 'in':
      return `${path} is one of ${(value as string[]).join(', ')}`;
    case 'matches':
      return `${path} matches /${String(value)}/`;
    default:
      return `${path} is an http(s) URL`;
  }
}

function test(operator: Operator, actual: unknown, value: unknown): boolean {
  switch (operator) {
    case 'exists':
      return actual !== undefined && actual !== null;
    case 'notExists':
      return actual === undefined || actual === null;
    case 'notEmpty':
      return !isEmpty(actual);
    case 'equals':
      return actual === value;
    case 'notEquals':
      return actual !== value;
    case 'in':
      return (value as unknown[]).includes(actual);
    case 'matches':
      return typeof actual === 'string' && (value as RegExp).test(actual);
    default:
      return isHttpUrl(actual);
  }
}

/**
 * Compiles one `conditions` entry of a config-defined check. Errors name the
 * config path, so a typo fails the backend's start, not every evaluation.
 */
export function compileCondition(
  config: Config,
  where: string,
): EntityCondition {
  const alternatives = config.getOptionalConfigArray('any');
  const message = config.getOptionalString('message');
  if (alternatives) {
    if (alternatives.length === 0) {
      throw new InputError(`${where}.any must list at least one condition`);
    }
    const compiled = alternatives.map((alternative, index) =>
      compileCondition(alternative, `${where}.any[${index}]`),
    );
    return {
      holds: entity => compiled.some(condition => condition.holds(entity)),
      missing: message ?? compiled.map(c => c.missing).join(', or '),
    };
  }

  const path = config.getString('path');
  if (!path.startsWith('$')) {
    throw new InputError(
      `${where}.path must be a JSONPath starting with $, e.g. $.metadata.annotations['backstage.io/techdocs-ref'] (got ${path})`,
    );
  }
  const operator = (config.getOptionalString('operator') ??
    'notEmpty') as Operator;
  if (!OPERATORS.includes(operator)) {
    throw new InputError(
      `${where}.operator must be one of ${OPERATORS.join(
        ', ',
      )} (got ${operator})`,
    );
  }
  let value: unknown = config.getOptional('value');
  if (operator === 'in' && !Array.isArray(value)) {
    throw new InputError(`${where}.value must be a list for operator in`);
  }
  if (operator === 'matches') {
    if (typeof value !== 'string') {
      throw new InputError(`${where}.value must be a regular expression`);
    }
    try {
      value = new RegExp(value);
    } catch (error) {
      throw new InputError(
        `${where}.value is not a valid regular expression: ${
          (error as Error).message
        }`,
      );
    }
  }
  if (
    (operator === 'equals' || operator === 'notEquals') &&
    value === undefined
  ) {
    throw new InputError(`${where}.value is required for operator ${operator}`);
  }
  const displayValue =
    operator === 'matches' ? config.getString('value') : value;
  return {
    holds: entity => test(operator, firstMatch(path, entity), value),
    missing: message ?? describe(path, operator, displayValue),
  };
}
