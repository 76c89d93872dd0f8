import { canonicalEntityRef } from './canonicalEntityRef';

describe('canonicalEntityRef', () => {
  it('gives the same lower-case ref for an entity, a compound ref and a string', () => {
    const entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'Checkout' },
    };
    expect(canonicalEntityRef(entity)).toBe('component:default/checkout');
    expect(
      canonicalEntityRef({
        kind: 'Component',
        namespace: 'Default',
        name: 'Checkout',
      }),
    ).toBe('component:default/checkout');
    expect(canonicalEntityRef('Component:Checkout')).toBe(
      'component:default/checkout',
    );
    expect(canonicalEntityRef('component:default/checkout')).toBe(
      'component:default/checkout',
    );
  });

  it('fills in a missing kind or namespace from the defaults', () => {
    expect(canonicalEntityRef('team-a', { defaultKind: 'group' })).toBe(
      'group:default/team-a',
    );
    expect(
      canonicalEntityRef('team-a', {
        defaultKind: 'group',
        defaultNamespace: 'Ops',
      }),
    ).toBe('group:ops/team-a');
    expect(
      canonicalEntityRef('system:shop/Web', { defaultKind: 'group' }),
    ).toBe('system:shop/web');
  });

  it('throws for a string that is not a ref', () => {
    expect(() => canonicalEntityRef('checkout')).toThrow(/kind/);
  });
});
