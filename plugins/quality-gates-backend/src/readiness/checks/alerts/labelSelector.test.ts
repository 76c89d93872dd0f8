import { matchesLabelSelector, parseLabelSelector } from './labelSelector';

describe('label selectors', () => {
  const labels = {
    service: 'checkout',
    team: 'payments',
    severity: 'critical',
  };

  it('needs every requirement to hold', () => {
    expect(
      matchesLabelSelector(
        parseLabelSelector('service=checkout, team==payments'),
        labels,
      ),
    ).toBe(true);
    expect(
      matchesLabelSelector(
        parseLabelSelector('service=checkout,team=search'),
        labels,
      ),
    ).toBe(false);
    expect(
      matchesLabelSelector(parseLabelSelector('service="checkout"'), labels),
    ).toBe(true);
  });

  it('knows inequality, presence and absence', () => {
    expect(
      matchesLabelSelector(parseLabelSelector('team!=search'), labels),
    ).toBe(true);
    expect(
      matchesLabelSelector(parseLabelSelector('team!=payments'), labels),
    ).toBe(false);
    expect(matchesLabelSelector(parseLabelSelector('owner!=x'), labels)).toBe(
      true,
    );
    expect(matchesLabelSelector(parseLabelSelector('severity'), labels)).toBe(
      true,
    );
    expect(matchesLabelSelector(parseLabelSelector('!severity'), labels)).toBe(
      false,
    );
    expect(matchesLabelSelector(parseLabelSelector('!owner'), labels)).toBe(
      true,
    );
  });

  it('refuses what it cannot read', () => {
    expect(() => parseLabelSelector(' , ')).toThrow(
      "label selector ' , ' is empty",
    );
    expect(() => parseLabelSelector('env in (a b)')).toThrow(
      "'env in (a b)' is not a label requirement",
    );
    expect(() => parseLabelSelector('9lives=x')).toThrow(
      "'9lives' is not a label name",
    );
  });
});
