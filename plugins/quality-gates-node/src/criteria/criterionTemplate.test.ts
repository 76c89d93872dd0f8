import {
  criterionTemplateValues,
  fillTemplate,
  templateUses,
} from './criterionTemplate';

describe('criterion templates', () => {
  const values = criterionTemplateValues({
    entityRef: 'component:payments/checkout',
    environment: 'production',
    version: '1.2.0/../admin?x=1',
  });

  it('names the entity, environment and version', () => {
    expect(values).toEqual({
      'entity.name': 'checkout',
      'entity.namespace': 'payments',
      'entity.kind': 'component',
      entityRef: 'component:payments/checkout',
      environment: 'production',
      version: '1.2.0/../admin?x=1',
    });
  });

  it('passes every value through the encoder, so a value cannot reshape its host', () => {
    expect(
      fillTemplate(
        'https://{{entity.name}}.example.com/v/{{ version }}',
        values,
        {
          field: 'url',
          encode: encodeURIComponent,
        },
      ),
    ).toBe('https://checkout.example.com/v/1.2.0%2F..%2Fadmin%3Fx%3D1');
  });

  it('refuses an unknown placeholder, naming the field and the known ones', () => {
    expect(() =>
      fillTemplate('{{service}}', values, { field: 'urls[1]' }),
    ).toThrow(
      'Unknown placeholder {{service}} in urls[1]; use one of {{entity.name}}, {{entity.namespace}}, {{entity.kind}}, {{entityRef}}, {{environment}}, {{version}}',
    );
  });

  it('refuses what is not an entity reference', () => {
    expect(() =>
      criterionTemplateValues({
        entityRef: 'not a ref:',
        environment: 'production',
        version: '1',
      }),
    ).toThrow(/is not an entity reference/);
  });

  it('tells whether a template uses a placeholder', () => {
    expect(templateUses('rate(x{v="{{ version }}"}[5m])', 'version')).toBe(
      true,
    );
    expect(templateUses('rate(x[5m])', 'version')).toBe(false);
  });
});
