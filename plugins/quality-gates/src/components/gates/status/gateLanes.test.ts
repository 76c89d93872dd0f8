import { gateLanesByEnvironment } from './gateLanes';
import { evaluation } from '../__testUtils__/gateFixtures';

describe('gateLanesByEnvironment', () => {
  it('orders environments by promotion, gates by title, strips oldest first', () => {
    const lanes = gateLanesByEnvironment({
      entityRef: 'component:default/checkout',
      latest: [
        evaluation({ id: 'p-rel', gateId: 'release', gateTitle: 'Release' }),
        evaluation({
          id: 'p-frz',
          gateId: 'freeze',
          gateTitle: 'Freeze',
        }),
        evaluation({
          id: 's-rel',
          gateId: 'release',
          gateTitle: 'Release',
          environment: 'staging',
        }),
      ],
      recent: [
        point('p-rel', 'release', 'production', '2026-11-20T12:00:00Z'),
        point('s-rel', 'release', 'staging', '2026-11-20T11:00:00Z'),
        point('old', 'release', 'production', '2026-11-19T12:00:00Z'),
      ],
    });

    expect(lanes.map(group => group.environment)).toEqual([
      'staging',
      'production',
    ]);
    expect(lanes[1].lanes.map(lane => lane.latest.gateTitle)).toEqual([
      'Freeze',
      'Release',
    ]);
    expect(lanes[1].lanes[1].recent.map(p => p.id)).toEqual(['old', 'p-rel']);
    expect(lanes[1].lanes[0].recent).toEqual([]);
    expect(lanes[0].lanes[0].recent.map(p => p.id)).toEqual(['s-rel']);
  });
});

function point(
  id: string,
  gateId: string,
  environment: string,
  finishedAt: string,
) {
  return {
    id,
    gateId,
    environment,
    verdict: 'pass' as const,
    version: '1.4.0',
    finishedAt,
  };
}
