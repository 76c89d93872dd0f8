/** One requirement of a label selector. */
type LabelRequirement =
  | { key: string; op: 'equals' | 'notEquals'; value: string }
  | { key: string; op: 'exists' | 'notExists' };

/** A parsed selector such as `service=checkout,team=payments`. */
export interface LabelSelector {
  text: string;
  requirements: LabelRequirement[];
}

const KEY = /^[a-zA-Z_][a-zA-Z0-9_./-]*$/;

/**
 * Parses a comma-separated label selector: `key=value`, `key==value`,
 * `key!=value`, `key` (has the label) and `!key` (lacks it). Every
 * requirement must hold. Throws with the offending part when invalid.
 */
export function parseLabelSelector(text: string): LabelSelector {
  const requirements = text
    .split(',')
    .map(part => part.trim())
    .filter(Boolean)
    .map(parseRequirement);
  if (requirements.length === 0) {
    throw new Error(`label selector '${text}' is empty`);
  }
  return { text, requirements };
}

function parseRequirement(part: string): LabelRequirement {
  const comparison = /^([^=!\s]+)\s*(==|=|!=)\s*(.*)$/.exec(part);
  if (comparison) {
    const [, key, op, value] = comparison;
    if (!KEY.test(key)) throw new Error(`'${key}' is not a label name`);
    return {
      key,
      op: op === '!=' ? 'notEquals' : 'equals',
      value: value.replace(/^(["'])(.*)\1$/, '$2'),
    };
  }
  const negated = part.startsWith('!');
  const key = negated ? part.slice(1).trim() : part;
  if (!KEY.test(key)) {
    throw new Error(`'${part}' is not a label requirement`);
  }
  return { key, op: negated ? 'notExists' : 'exists' };
}

/** Whether the labels meet every requirement of the selector. */
export function matchesLabelSelector(
  selector: LabelSelector,
  labels: Record<string, string>,
): boolean {
  return selector.requirements.every(requirement => {
    const present = Object.prototype.hasOwnProperty.call(
      labels,
      requirement.key,
    );
    switch (requirement.op) {
      case 'equals':
        return present && labels[requirement.key] === requirement.value;
      case 'notEquals':
        return !present || labels[requirement.key] !== requirement.value;
      case 'exists':
        return present;
      default:
        return !present;
    }
  });
}
