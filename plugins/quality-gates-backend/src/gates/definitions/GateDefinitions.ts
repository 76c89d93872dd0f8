import { UrlReaderService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { matchesEntityFilter } from '@can-i-deploy/plugin-quality-gates-common';
import {
  parseDocuments,
  planSourceFiles,
  readSourceFiles,
} from '../../sourceFiles';
import {
  ComponentGatesFile,
  componentGatesSchema,
  describeIssues,
  GateConfig,
  gateSchema,
} from './gateSchema';
import { TightenedGate, tightenGates } from './tightenGates';

/** Names the component's gate file, relative to its source location. */
export const GATES_FILE_ANNOTATION = 'quality-gates/gates-file';
/** Where a component's gate file is looked for without the annotation. */
export const DEFAULT_GATES_FILE = '.quality-gates.yaml';

/**
 * Reads `qualityGates.gates.definitions`; an invalid gate stops the
 * start-up with the config path of each problem.
 */
export function readCentralGates(config: Config): GateConfig[] {
  const entries =
    config.getOptionalConfigArray('qualityGates.gates.definitions') ?? [];
  const gates = entries.map((entry, index) => {
    const parsed = gateSchema.safeParse(entry.get());
    if (!parsed.success) {
      throw new InputError(
        describeIssues(
          parsed.error,
          `qualityGates.gates.definitions[${index}]`,
        ),
      );
    }
    return parsed.data;
  });
  const ids = new Set<string>();
  for (const gate of gates) {
    if (ids.has(gate.id)) {
      throw new InputError(`Gate '${gate.id}' is defined twice`);
    }
    ids.add(gate.id);
  }
  return gates;
}

/** The gates that apply to an entity in an environment, before tightening. */
export function applicableGates(
  gates: GateConfig[],
  entity: Entity,
  environment: string,
): GateConfig[] {
  return gates.filter(
    gate =>
      matchesEntityFilter(gate.appliesTo, entity) &&
      (!gate.environments ||
        gate.environments.some(
          env => env.toLowerCase() === environment.toLowerCase(),
        )),
  );
}

/**
 * The applicable gates with the component's own file applied. A file that
 * cannot be read (other than not existing), does not parse, or tries to
 * loosen a gate is returned as problems: the evaluation then fails closed.
 */
export async function gatesForEntity(options: {
  gates: GateConfig[];
  entity: Entity;
  environment: string;
  urlReader: UrlReaderService;
  signal?: AbortSignal;
}): Promise<{ gates: TightenedGate[]; problems: string[]; file?: string }> {
  const applicableIds = new Set(
    applicableGates(options.gates, options.entity, options.environment).map(
      gate => gate.id,
    ),
  );
  // The file may tighten any central gate; only those that apply here stay.
  const tighten = (file: ComponentGatesFile | undefined) => {
    const result = tightenGates(options.gates, file);
    return {
      ...result,
      gates: result.gates.filter(gate => applicableIds.has(gate.id)),
    };
  };
  const plan = planSourceFiles(options.entity, {
    annotation: GATES_FILE_ANNOTATION,
    conventionPaths: [DEFAULT_GATES_FILE],
  });
  if (plan.unresolved.length > 0) {
    return { gates: [], problems: plan.unresolved };
  }
  if (plan.targets.length === 0) {
    return tighten(undefined);
  }
  let readout;
  try {
    readout = await readSourceFiles(
      options.urlReader,
      plan.targets,
      options.signal,
    );
  } catch (error) {
    return {
      gates: [],
      problems: [
        `The component's gate file could not be read: ${
          (error as Error).message
        }`,
      ],
    };
  }
  const declaredMissing = readout.notFound.filter(target => target.declared);
  if (declaredMissing.length > 0) {
    return {
      gates: [],
      problems: declaredMissing.map(
        target =>
          `${GATES_FILE_ANNOTATION} names ${target.path}, which does not exist`,
      ),
    };
  }
  const [file] = readout.found;
  if (!file) return tighten(undefined);
  const parsed = parseDocuments(file.text, file.path);
  if ('error' in parsed) {
    return {
      gates: [],
      problems: [`${file.path} is ${parsed.error}`],
      file: file.url,
    };
  }
  const checked = componentGatesSchema.safeParse(parsed.documents[0] ?? {});
  if (!checked.success) {
    return {
      gates: [],
      problems: [describeIssues(checked.error, file.path)],
      file: file.url,
    };
  }
  return { ...tighten(checked.data), file: file.url };
}
