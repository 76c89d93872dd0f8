/**
 * What a CI task does, for labels. The CI/CD conventions' own
 * `cicd.pipeline.task.type` only knows build, test and deploy, and producers
 * often stamp one value on every job, so the task's name decides first.
 *
 * @public
 */
export type CiTaskKind =
  | 'setup'
  | 'lint'
  | 'build'
  | 'package'
  | 'test'
  | 'security'
  | 'deploy'
  | 'release';

/** Name patterns, most specific first: "build image" is packaging. */
const NAME_PATTERNS: Array<[CiTaskKind, RegExp]> = [
  [
    'setup',
    /\b(setup|set up|checkout|install|bootstrap|prepare|init|restore)\b/,
  ],
  [
    'lint',
    /\b(lint|linter|eslint|prettier|format|fmt|style|typecheck|type check|tsc|vet)\b/,
  ],
  [
    'security',
    /\b(security|scan|audit|sast|dast|trivy|snyk|codeql|vulnerabilit(y|ies))\b/,
  ],
  [
    'package',
    /\b(image|docker|container|package|publish|push|artifact|bundle)\b/,
  ],
  ['deploy', /\b(deploy|deployment|rollout|promote|helm|apply)\b/],
  ['release', /\b(release|tag)\b/],
  ['test', /\b(tests?|spec|e2e|integration|unit|coverage|smoke|jest|pytest)\b/],
  ['build', /\b(build|compile|assemble|make)\b/],
];

const DECLARED = new Set<string>(['build', 'test', 'deploy']);

/**
 * The kind of a task from its name, else from its declared type, else
 * undefined (shown as unknown rather than guessed).
 *
 * @public
 */
export function ciTaskKind(
  name: string | undefined,
  declaredType?: string,
): CiTaskKind | undefined {
  const words = (name ?? '').toLowerCase().replace(/[_\-/:.]+/g, ' ');
  for (const [kind, pattern] of NAME_PATTERNS) {
    if (pattern.test(words)) return kind;
  }
  const declared = declaredType?.toLowerCase();
  return declared && DECLARED.has(declared)
    ? (declared as CiTaskKind)
    : undefined;
}
