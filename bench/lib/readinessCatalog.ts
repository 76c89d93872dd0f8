/*
 * The catalog the readiness benches score: 10,000 Components as a grown
 * catalog has them, with the Groups, Users and Systems they point at, and
 * the failures each catalog check must report, counted while generating.
 */
import { Entity } from '@backstage/catalog-model';
import { seededRandom as randomFrom } from './seededRandom';

export const GROUPS = 200;
export const USERS = 100;
export const SYSTEMS = 50;

/** Failures each check must report, counted while generating. */
export interface ExpectedFailures {
  owner: number;
  source: number;
  'on-call': number;
  docs: number;
  tagged: number;
}

const LANGUAGES = ['java', 'go', 'python', 'typescript', 'kotlin', 'rust'];
const OTHER_TAGS = ['grpc', 'rest', 'kafka', 'pci', 'gdpr', 'batch', 'public'];

function locationAnnotations(name: string): Record<string, string> {
  const file = `url:https://github.com/example-corp/${name}/blob/main/catalog-info.yaml`;
  return {
    'backstage.io/managed-by-location': file,
    'backstage.io/managed-by-origin-location': file,
    'backstage.io/view-url': file.slice(4),
    'backstage.io/edit-url': file.slice(4).replace('/blob/', '/edit/'),
  };
}

function entity(
  kind: string,
  name: string,
  index: number,
  spec: NonNullable<Entity['spec']>,
  extra: Partial<Entity['metadata']> = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: {
      name,
      namespace: 'default',
      uid: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
      etag: `etag-${kind}-${index}`,
      annotations: locationAnnotations(name),
      ...extra,
    },
    spec,
    relations: [],
  };
}

/**
 * Components as a grown catalog has them: mostly team-owned (bare names and
 * full refs), some owned by a person, ~5% by a team that no longer exists;
 * source, on-call and docs annotations present in varied proportions;
 * production, experimental and deprecated lifecycles; tags or none.
 */
export function generateCatalog(components: number) {
  const random = randomFrom(20261125);
  const pick = <T>(values: T[]) => values[Math.floor(random() * values.length)];
  const entities: Entity[] = [];
  for (let i = 0; i < GROUPS; i++) {
    entities.push(
      entity('Group', `team-${i}`, entities.length, {
        type: 'team',
        profile: { displayName: `Team ${i}` },
        children: [],
      }),
    );
  }
  for (let i = 0; i < USERS; i++) {
    entities.push(
      entity('User', `user-${i}`, entities.length, {
        memberOf: [`team-${i % GROUPS}`],
        profile: { displayName: `User ${i}`, email: `user-${i}@example.com` },
      }),
    );
  }
  for (let i = 0; i < SYSTEMS; i++) {
    entities.push(
      entity('System', `system-${i}`, entities.length, {
        owner: `team-${i % GROUPS}`,
      }),
    );
  }

  const expected: ExpectedFailures = {
    owner: 0,
    source: 0,
    'on-call': 0,
    docs: 0,
    tagged: 0,
  };
  for (let i = 0; i < components; i++) {
    const name = `component-${i}`;
    const team = `team-${Math.floor(random() * GROUPS)}`;
    const ownerDraw = random();
    // Owners as people write them: bare names, kind-qualified, full refs.
    let owner: string;
    let ownerRef = `group:default/${team}`;
    if (ownerDraw < 0.05) {
      owner = `group:default/disbanded-${i % 40}`;
      ownerRef = owner;
      expected.owner++;
    } else if (ownerDraw < 0.13) {
      owner = `user:default/user-${i % USERS}`;
      ownerRef = owner;
      expected.owner++;
    } else if (ownerDraw < 0.55) {
      owner = team;
    } else if (ownerDraw < 0.7) {
      owner = `group:${team}`;
    } else {
      owner = ownerRef;
    }

    const annotations = locationAnnotations(name);
    const sourceDraw = random();
    if (sourceDraw < 0.55) {
      annotations['github.com/project-slug'] = `example-corp/${name}`;
    } else if (sourceDraw < 0.8) {
      annotations[
        'backstage.io/source-location'
      ] = `url:https://github.com/example-corp/${name}/tree/main/`;
    } else {
      expected.source++;
    }
    const onCallDraw = random();
    if (onCallDraw < 0.4) {
      annotations['pagerduty.com/service-id'] = `P${1_000_000 + i}`;
    } else if (onCallDraw < 0.5) {
      annotations['opsgenie.com/component-selector'] = `detail.name:${name}`;
    } else {
      expected['on-call']++;
    }
    if (random() < 0.35) {
      annotations['backstage.io/techdocs-ref'] = 'dir:.';
    } else {
      expected.docs++;
    }
    if (random() < 0.3) annotations['backstage.io/kubernetes-id'] = name;

    const tagCount = random() < 0.3 ? 0 : 1 + Math.floor(random() * 3);
    const tags = new Set<string>();
    if (tagCount > 0) tags.add(pick(LANGUAGES));
    while (tags.size < tagCount) tags.add(pick(OTHER_TAGS));
    if (tags.size === 0) expected.tagged++;

    const lifecycleDraw = random();
    let lifecycle = 'production';
    if (lifecycleDraw >= 0.6) {
      lifecycle = lifecycleDraw < 0.85 ? 'experimental' : 'deprecated';
    }
    const system = random() < 0.6 ? `system-${i % SYSTEMS}` : undefined;
    const component = entity(
      'Component',
      name,
      entities.length,
      {
        type: pick(['service', 'service', 'service', 'website', 'library']),
        lifecycle,
        owner,
        ...(system ? { system } : {}),
      },
      {
        ...(random() < 0.5 ? { title: `Component ${i}` } : {}),
        description: `Handles ${pick(OTHER_TAGS)} traffic for domain ${
          i % 97
        }.`,
        annotations,
        tags: [...tags],
        links: [{ url: `https://${name}.example.com`, title: 'Home' }],
      },
    );
    component.relations = [
      { type: 'ownedBy', targetRef: ownerRef },
      ...(system
        ? [{ type: 'partOf', targetRef: `system:default/${system}` }]
        : []),
    ];
    entities.push(component);
  }
  return { entities, expected };
}

/** The catalog-only built-ins plus one config-defined JSONPath check. */
export const readinessConfig = {
  qualityGates: {
    readiness: {
      custom: [
        {
          id: 'tagged',
          title: 'Tagged',
          description: 'Tags let people find components by technology.',
          howToFix: 'Add a tag such as `java` to `metadata.tags`.',
          level: 'gold',
          conditions: [
            {
              path: '$.metadata.tags',
              operator: 'notEmpty',
              message: 'a tag in metadata.tags',
            },
          ],
        },
      ],
    },
  },
};
