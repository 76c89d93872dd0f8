import { promotionRank, sortByPromotionOrder } from './promotionOrder';

describe('sortByPromotionOrder', () => {
  it('orders environments as code is promoted', () => {
    const sorted = sortByPromotionOrder(
      ['production-eu', 'staging', 'zeta', 'dev', 'qa', 'production-us'],
      name => name,
    );
    expect(sorted).toEqual([
      'dev',
      'qa',
      'staging',
      'production-eu',
      'production-us',
      'zeta',
    ]);
  });

  it('does not mistake a word that merely starts like a stage', () => {
    expect(promotionRank('product-catalog')).toBe(4);
    expect(promotionRank('PROD')).toBe(3);
    expect(promotionRank('development')).toBe(0);
  });
});
