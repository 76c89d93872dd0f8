/**
 * The `grafana/dashboard-selector` annotation, read the way the community
 * Grafana plugin for Backstage reads it: a single word is a tag
 * (`checkout`); anything else is an expression over the fields of Grafana's
 * dashboard search results, e.g.
 * `(tags @> 'checkout' || tags @> 'checkout-slo') && folderTitle != 'Sandbox'`.
 *
 * - `tags @> 'x'`: the dashboard has the tag x.
 * - `field == 'x'`, `field != 'x'`: exact comparison of a text field.
 * - `&&`, `||`, `!` and parentheses combine them.
 *
 * Strings take single or double quotes. Everything is checked when parsed,
 * so a selector either evaluates on every dashboard or is refused with where
 * it went wrong.
 */

/** The fields of a search result a selector may name. */
export const TEXT_FIELDS = [
  'title',
  'uid',
  'folderTitle',
  'folderUid',
  'folderUrl',
  'url',
  'uri',
  'slug',
  'type',
] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

/** What a selector is evaluated on: one dashboard as search lists it. */
export type SelectableDashboard = Record<TextField, string> & {
  tags: string[];
};

type TextOperand = { field: TextField } | { literal: string };

export type DashboardSelector =
  | { kind: 'and' | 'or'; left: DashboardSelector; right: DashboardSelector }
  | { kind: 'not'; operand: DashboardSelector }
  | { kind: 'hasTag'; tag: TextOperand }
  | {
      kind: 'equals' | 'differs';
      left: TextOperand;
      right: TextOperand;
    };

/** The selector cannot be read; the message says where and why. */
export class DashboardSelectorError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DashboardSelectorError';
  }
}

export function selects(
  selector: DashboardSelector,
  dashboard: SelectableDashboard,
): boolean {
  switch (selector.kind) {
    case 'and':
      return (
        selects(selector.left, dashboard) && selects(selector.right, dashboard)
      );
    case 'or':
      return (
        selects(selector.left, dashboard) || selects(selector.right, dashboard)
      );
    case 'not':
      return !selects(selector.operand, dashboard);
    case 'hasTag':
      return dashboard.tags.includes(textOf(selector.tag, dashboard));
    case 'equals':
      return (
        textOf(selector.left, dashboard) === textOf(selector.right, dashboard)
      );
    case 'differs':
      return (
        textOf(selector.left, dashboard) !== textOf(selector.right, dashboard)
      );
    default:
      return false;
  }
}

/**
 * Tags every selected dashboard must have, so Grafana's search can filter
 * by them (its `tag` parameters all have to match). Empty when the
 * selector may select untagged dashboards.
 */
export function requiredTags(selector: DashboardSelector): string[] {
  switch (selector.kind) {
    case 'hasTag':
      return 'literal' in selector.tag ? [selector.tag.literal] : [];
    case 'and':
      return [
        ...new Set([
          ...requiredTags(selector.left),
          ...requiredTags(selector.right),
        ]),
      ];
    case 'or': {
      const right = new Set(requiredTags(selector.right));
      return requiredTags(selector.left).filter(tag => right.has(tag));
    }
    default:
      return [];
  }
}

function textOf(operand: TextOperand, dashboard: SelectableDashboard) {
  return 'literal' in operand ? operand.literal : dashboard[operand.field];
}

type Token =
  | { type: 'operator'; value: string; at: number }
  | { type: 'string'; value: string; at: number }
  | { type: 'identifier'; value: string; at: number }
  | { type: 'end'; value: ''; at: number };

const OPERATORS = ['&&', '||', '==', '!=', '@>', '!', '(', ')'];

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const char = text[i];
    if (/\s/.test(char)) {
      i += 1;
      continue;
    }
    const start = i;
    const operator = OPERATORS.find(op => text.startsWith(op, start));
    if (operator) {
      tokens.push({ type: 'operator', value: operator, at: i + 1 });
      i += operator.length;
      continue;
    }
    if (char === "'" || char === '"') {
      const { value, next } = readString(text, i);
      tokens.push({ type: 'string', value, at: i + 1 });
      i = next;
      continue;
    }
    const word = /^[A-Za-z_]\w*/.exec(text.slice(i));
    if (word) {
      tokens.push({ type: 'identifier', value: word[0], at: i + 1 });
      i += word[0].length;
      continue;
    }
    throw new DashboardSelectorError(
      `unexpected '${char}' at column ${i + 1}${
        /\d/.test(char) ? ' (numbers are not supported; quote values)' : ''
      }`,
    );
  }
  tokens.push({ type: 'end', value: '', at: text.length + 1 });
  return tokens;
}

function readString(text: string, start: number) {
  const quote = text[start];
  let value = '';
  for (let i = start + 1; i < text.length; i += 1) {
    const char = text[i];
    if (char === quote) return { value, next: i + 1 };
    if (char === '\\' && i + 1 < text.length) {
      i += 1;
      value += text[i];
    } else {
      value += char;
    }
  }
  throw new DashboardSelectorError(
    `unclosed quote opened at column ${start + 1}`,
  );
}

type Operand = TextOperand | { tagsField: true };

/** Recursive descent: `||` binds loosest, then `&&`, `!`, comparisons. */
class Parser {
  #position = 0;

  constructor(private readonly tokens: Token[]) {}

  parseSelector(): DashboardSelector {
    const selector = this.#or();
    const rest = this.#peek();
    if (rest.type !== 'end') {
      throw this.#unexpected(rest, 'an operator (&&, ||) or the end');
    }
    return selector;
  }

  #or(): DashboardSelector {
    let left = this.#and();
    while (this.#accept('||')) left = { kind: 'or', left, right: this.#and() };
    return left;
  }

  #and(): DashboardSelector {
    let left = this.#not();
    while (this.#accept('&&')) left = { kind: 'and', left, right: this.#not() };
    return left;
  }

  #not(): DashboardSelector {
    if (this.#accept('!')) return { kind: 'not', operand: this.#not() };
    if (this.#accept('(')) {
      const inner = this.#or();
      const close = this.#next();
      if (close.type !== 'operator' || close.value !== ')') {
        throw this.#unexpected(close, "')'");
      }
      return inner;
    }
    return this.#comparison();
  }

  #comparison(): DashboardSelector {
    const left = this.#operand();
    const operator = this.#next();
    if (
      operator.type !== 'operator' ||
      !['==', '!=', '@>'].includes(operator.value)
    ) {
      throw this.#unexpected(operator, 'a comparison (@>, ==, !=)');
    }
    const right = this.#operand();
    if (operator.value === '@>') {
      if (!('tagsField' in left)) {
        throw new DashboardSelectorError(
          `@> at column ${operator.at} needs tags on its left, e.g. tags @> 'checkout'`,
        );
      }
      return { kind: 'hasTag', tag: this.#text(right, operator) };
    }
    return {
      kind: operator.value === '==' ? 'equals' : 'differs',
      left: this.#text(left, operator),
      right: this.#text(right, operator),
    };
  }

  #text(operand: Operand, operator: Token): TextOperand {
    if ('tagsField' in operand) {
      throw new DashboardSelectorError(
        `tags is a list and cannot be compared with ${operator.value} (column ${operator.at}); use tags @> 'name'`,
      );
    }
    return operand;
  }

  #operand(): Operand {
    const token = this.#next();
    if (token.type === 'string') return { literal: token.value };
    if (token.type === 'identifier') {
      if (token.value === 'tags') return { tagsField: true };
      const field = TEXT_FIELDS.find(name => name === token.value);
      if (field) return { field };
      throw new DashboardSelectorError(
        `unknown field '${token.value}' at column ${
          token.at
        }; known: tags, ${TEXT_FIELDS.join(', ')}`,
      );
    }
    throw this.#unexpected(token, 'a field or a quoted string');
  }

  #accept(operator: string): boolean {
    const token = this.#peek();
    if (token.type === 'operator' && token.value === operator) {
      this.#position += 1;
      return true;
    }
    return false;
  }

  #peek(): Token {
    return this.tokens[this.#position];
  }

  #next(): Token {
    const token = this.tokens[this.#position];
    if (token.type !== 'end') this.#position += 1;
    return token;
  }

  #unexpected(token: Token, expected: string): DashboardSelectorError {
    const found =
      token.type === 'end'
        ? 'the end'
        : `'${token.value}' at column ${token.at}`;
    return new DashboardSelectorError(`expected ${expected}, found ${found}`);
  }
}

const SINGLE_TAG = /^[\w-]+$/;

/** Throws `DashboardSelectorError` when the text is no selector. */
export function parseDashboardSelector(text: string): DashboardSelector {
  const trimmed = text.trim();
  if (SINGLE_TAG.test(trimmed)) {
    return { kind: 'hasTag', tag: { literal: trimmed } };
  }
  return new Parser(tokenize(trimmed)).parseSelector();
}
