import { metricChange } from './metricChange';

const hours = (size: number) => `${size / 3600} h`;

describe('metricChange', () => {
  it('calls a rise better where higher is better, and worse where lower is', () => {
    const frequency = metricChange({
      current: 5,
      previous: 3.5,
      higherIsBetter: true,
      tolerance: 0.05,
      formatSize: size => `${size} per week`,
    });
    expect(frequency).toEqual({
      direction: 'better',
      rising: true,
      text: '+1.5 per week',
    });

    const leadTime = metricChange({
      current: 5 * 3600,
      previous: 3 * 3600,
      higherIsBetter: false,
      tolerance: 60,
      formatSize: hours,
    });
    expect(leadTime).toEqual({
      direction: 'worse',
      rising: true,
      text: '+2 h',
    });
  });

  it('calls a fall in a lower-is-better figure better, with a minus sign', () => {
    expect(
      metricChange({
        current: 3600,
        previous: 4 * 3600,
        higherIsBetter: false,
        tolerance: 60,
        formatSize: hours,
      }),
    ).toEqual({ direction: 'better', rising: false, text: '−3 h' });
  });

  it('treats moves below the tolerance as no change', () => {
    expect(
      metricChange({
        current: 0.1002,
        previous: 0.1,
        higherIsBetter: false,
        tolerance: 0.0005,
        formatSize: String,
      }),
    ).toEqual({ direction: 'same', rising: null, text: 'no change' });
  });

  it('says when there is nothing to compare', () => {
    const options = { higherIsBetter: false, tolerance: 1, formatSize: String };
    const nothing = {
      direction: 'none',
      rising: null,
      text: 'nothing to compare with',
    };
    expect(metricChange({ ...options, current: 1, previous: null })).toEqual(
      nothing,
    );
    expect(metricChange({ ...options, current: null, previous: 1 })).toEqual(
      nothing,
    );
  });
});
