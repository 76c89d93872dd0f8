import { PipelineResult } from '@can-i-deploy/plugin-quality-gates-common';
import { Attributes } from './OtlpTraces';

/**
 * What a CI span says about its pipeline run and task, whichever producer
 * named it: the OpenTelemetry CI/CD semantic conventions (`cicd.*`, `vcs.*`),
 * the Jenkins OpenTelemetry plugin (`ci.pipeline.*`, `git.*`) or the
 * OpenTelemetry Collector's GitHub receiver (its own `cicd.*`/`vcs.*`
 * variants, mostly on the resource).
 */
export interface CiAttributes {
  pipelineName?: string;
  runId?: string;
  runAttempt?: number;
  result?: PipelineResult;
  runUrl?: string;
  /** Head revision (commit sha) built. */
  revision?: string;
  /** Branch or tag built. */
  ref?: string;
  repositoryUrl?: string;
  /** The repository's name, or `owner/name` (Jenkins' `git.repository`). */
  repositoryName?: string;
  repositoryOwner?: string;
  /** Where the repository is hosted, e.g. `github` (vendor) or a host name. */
  repositoryHost?: string;
  taskName?: string;
  taskRunId?: string;
  taskResult?: PipelineResult;
  taskType?: string;
  taskRunUrl?: string;
}

type CiField = keyof CiAttributes;

/**
 * Known attribute names per field, in order of preference: the current
 * semantic conventions first, then older and producer-specific names.
 */
export const CI_ATTRIBUTE_ALIASES: Record<CiField, readonly string[]> = {
  pipelineName: [
    'cicd.pipeline.name',
    // Jenkins: the job's full name is unique, its display name is not.
    'ci.pipeline.id',
    'ci.pipeline.name',
  ],
  runId: ['cicd.pipeline.run.id', 'ci.pipeline.run.number'],
  runAttempt: ['cicd.pipeline.run.attempt', 'github.workflow.run.attempt'],
  result: [
    'cicd.pipeline.result',
    // GitHub receiver, before `cicd.pipeline.result` was defined.
    'cicd.pipeline.run.status',
    // Jenkins: SUCCESS, UNSTABLE, FAILURE, NOT_BUILT, ABORTED.
    'ci.pipeline.run.result',
  ],
  runUrl: ['cicd.pipeline.run.url.full', 'ci.pipeline.run.url'],
  revision: [
    'vcs.ref.head.revision',
    // Semantic conventions before 1.29.
    'vcs.repository.ref.revision',
  ],
  ref: [
    'vcs.ref.head.name',
    // GitHub receiver.
    'vcs.ref.head',
    // Semantic conventions before 1.29.
    'vcs.repository.ref.name',
    // Jenkins git steps.
    'git.branch',
  ],
  repositoryUrl: ['vcs.repository.url.full'],
  repositoryName: ['vcs.repository.name', 'git.repository'],
  repositoryOwner: ['vcs.repository.owner'],
  repositoryHost: [
    'vcs.provider.name',
    // GitHub receiver.
    'vcs.vendor.name',
    // Jenkins git steps put the host here, next to `git.repository`.
    'server.address',
  ],
  taskName: ['cicd.pipeline.task.name'],
  taskRunId: ['cicd.pipeline.task.run.id'],
  taskResult: [
    'cicd.pipeline.task.run.result',
    // GitHub receiver.
    'cicd.pipeline.run.task.status',
    // Jenkins: the step's GenericStatus.
    'jenkins.pipeline.step.result',
  ],
  taskType: ['cicd.pipeline.task.type'],
  taskRunUrl: ['cicd.pipeline.task.run.url.full'],
};

/**
 * Result words of every producer, lower-cased, in the CI/CD conventions'
 * vocabulary. Unknown words map to nothing rather than to a guess.
 */
const RESULTS = new Map<string, PipelineResult | undefined>([
  ['success', 'success'],
  ['succeeded', 'success'],
  // GitHub: a neutral check does not fail the run.
  ['neutral', 'success'],
  ['failure', 'failure'],
  ['failed', 'failure'],
  // Jenkins: the build ran but tests failed; not deployable.
  ['unstable', 'failure'],
  ['error', 'error'],
  ['startup_failure', 'error'],
  ['stale', 'error'],
  ['timeout', 'timeout'],
  ['timed_out', 'timeout'],
  ['cancellation', 'cancellation'],
  ['cancelled', 'cancellation'],
  ['canceled', 'cancellation'],
  ['aborted', 'cancellation'],
  ['skip', 'skip'],
  ['skipped', 'skip'],
  ['not_built', 'skip'],
  ['not_executed', 'skip'],
]);

/** A producer's result word as a pipeline result, if it names one. */
export function pipelineResultOf(word: string): PipelineResult | undefined {
  return RESULTS.get(word.trim().toLowerCase());
}

/** Every producer's result word (lower-case) that means one of `results`. */
export function resultWordsFor(results: readonly PipelineResult[]): string[] {
  return [...RESULTS.entries()]
    .filter(([, result]) => result !== undefined && results.includes(result))
    .map(([word]) => word);
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  // Run ids and numbers are int attributes for some producers.
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

function first(attributes: Attributes, field: CiField): string | undefined {
  for (const name of CI_ATTRIBUTE_ALIASES[field]) {
    const value = text(attributes[name]);
    if (value !== undefined) return value;
  }
  return undefined;
}

/**
 * Reads CI attributes through the alias table. Pass a span's attributes
 * over its resource's (`{ ...resource, ...span }`): producers put run-level
 * attributes on either.
 */
export function normaliseCiAttributes(attributes: Attributes): CiAttributes {
  const result: CiAttributes = {};
  for (const field of Object.keys(CI_ATTRIBUTE_ALIASES) as CiField[]) {
    const value = first(attributes, field);
    if (value === undefined) continue;
    if (field === 'result' || field === 'taskResult') {
      const mapped = pipelineResultOf(value);
      if (mapped) result[field] = mapped;
    } else if (field === 'runAttempt') {
      const attempt = Number(value);
      if (Number.isSafeInteger(attempt) && attempt > 0)
        result.runAttempt = attempt;
    } else {
      result[field] = value;
    }
  }
  return result;
}

/** Whether the attributes describe a task (job, step, stage) of a run. */
export function isCiTask(ci: CiAttributes): boolean {
  return Boolean(ci.taskName || ci.taskRunId || ci.taskResult || ci.taskType);
}

const TASK_FIELDS: CiField[] = [
  'taskName',
  'taskRunId',
  'taskResult',
  'taskType',
];

/**
 * `isCiTask(normaliseCiAttributes(attributes))`, reading only the task's
 * fields: asked of every span of a run's trace.
 */
export function namesCiTask(attributes: Attributes): boolean {
  for (const field of TASK_FIELDS) {
    const value = first(attributes, field);
    if (
      value !== undefined &&
      (field !== 'taskResult' || pipelineResultOf(value))
    ) {
      return true;
    }
  }
  return false;
}

const VENDOR_HOSTS: Record<string, string> = {
  github: 'github.com',
  gitlab: 'gitlab.com',
  bitbucket: 'bitbucket.org',
};

/**
 * The repository as other sources name it: host and path, lower-case, e.g.
 * `github.com/example-corp/checkout`. From the URL (https or scp-like ssh),
 * or from owner and name on a known vendor.
 */
export function normaliseRepository(ci: CiAttributes): string | undefined {
  if (ci.repositoryUrl) {
    const fromUrl = repositoryFromUrl(ci.repositoryUrl);
    if (fromUrl) return fromUrl;
  }
  const name = ci.repositoryName;
  const host = ci.repositoryHost
    ? VENDOR_HOSTS[ci.repositoryHost.toLowerCase()] ?? ci.repositoryHost
    : undefined;
  if (!name || !host || !/^[\w.-]+$/.test(host)) return undefined;
  let path: string;
  if (name.includes('/')) {
    path = name;
  } else if (ci.repositoryOwner) {
    path = `${ci.repositoryOwner}/${name}`;
  } else {
    return undefined;
  }
  return `${host}/${path.replace(/\.git$/, '')}`.toLowerCase();
}

function repositoryFromUrl(raw: string): string | undefined {
  // scp-like: git@github.com:org/repo.git
  const scp = /^[\w.-]+@([\w.-]+):(.+)$/.exec(raw);
  let host: string;
  let path: string;
  if (scp) {
    [, host, path] = scp;
  } else {
    try {
      const url = new URL(raw);
      host = url.host;
      path = url.pathname;
    } catch {
      return undefined;
    }
  }
  path = path
    .replace(/^\/+/, '')
    .replace(/\/+$/, '')
    .replace(/\.git$/, '');
  return host && path ? `${host}/${path}`.toLowerCase() : undefined;
}

/** `org/repo` of a repository hosted on GitHub (or GitHub Enterprise). */
export function githubSlugOf(
  repository: string | undefined,
): string | undefined {
  const match =
    repository && /^([^/]*github[^/]*)\/([^/]+\/[^/]+)$/.exec(repository);
  return match ? match[2] : undefined;
}
