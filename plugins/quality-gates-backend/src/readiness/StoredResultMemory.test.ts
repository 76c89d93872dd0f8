import { DateTime } from 'luxon';
import { StoredResultMemory, StoredResultRow } from './StoredResultMemory';

const at = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' });

function rowOf(
  entityRef: string,
  overrides: Partial<StoredResultRow> = {},
): StoredResultRow {
  return {
    entity_ref: entityRef,
    owner: 'group:default/team-a',
    system: null,
    fingerprint: 'f1',
    evaluated_at: new Date('2026-12-07T10:00:00Z'),
    first_seen_at: new Date('2026-12-01T00:00:00Z'),
    ...overrides,
  };
}

describe('StoredResultMemory', () => {
  it('answers nothing until the earliest first-seen time is known', () => {
    const memory = new StoredResultMemory();
    memory.remember([rowOf('component:default/a')]);
    expect(memory.before('component:default/a')).toBeUndefined();

    memory.rememberEarliest(at('2026-11-01T00:00:00Z'));
    expect(memory.before('component:default/a')).toEqual({
      owner: 'group:default/team-a',
      system: null,
      fingerprint: 'f1',
      firstSeenAt: new Date('2026-12-01T00:00:00Z'),
      earliest: at('2026-11-01T00:00:00Z'),
    });
    expect(memory.before('component:default/b')).toBeUndefined();
  });

  it('keeps what a write stored over what an older read saw', () => {
    const memory = new StoredResultMemory();
    memory.rememberEarliest(undefined);
    memory.remember([rowOf('component:default/a', { fingerprint: 'new' })]);
    memory.rememberRead(rowOf('component:default/a', { fingerprint: 'old' }));
    expect(memory.before('component:default/a')?.fingerprint).toBe('new');

    memory.rememberRead(rowOf('component:default/b', { fingerprint: 'read' }));
    expect(memory.before('component:default/b')?.fingerprint).toBe('read');
  });

  it('lowers a known earliest first-seen time with rows first seen before it', () => {
    const memory = new StoredResultMemory();
    memory.rememberEarliest(undefined);
    memory.remember([
      rowOf('component:default/a', { first_seen_at: '2026-12-03T00:00:00Z' }),
    ]);
    expect(memory.before('component:default/a')?.earliest?.toMillis()).toBe(
      at('2026-12-03T00:00:00Z').toMillis(),
    );
    memory.remember([
      rowOf('component:default/b', { first_seen_at: '2026-12-05T00:00:00Z' }),
    ]);
    expect(memory.before('component:default/b')?.earliest?.toMillis()).toBe(
      at('2026-12-03T00:00:00Z').toMillis(),
    );
  });

  it('forgets removed results and the earliest time with them', () => {
    const memory = new StoredResultMemory();
    memory.rememberEarliest(at('2026-11-01T00:00:00Z'));
    memory.remember([
      rowOf('component:default/old', {
        evaluated_at: new Date('2026-12-06T00:00:00Z'),
      }),
      rowOf('component:default/current', {
        evaluated_at: new Date('2026-12-07T12:00:00Z'),
      }),
    ]);
    memory.forgetEvaluatedBefore(at('2026-12-07T00:00:00Z'));
    memory.rememberEarliest(at('2026-12-01T00:00:00Z'));
    expect(memory.before('component:default/old')).toBeUndefined();
    expect(memory.before('component:default/current')).toBeDefined();
  });

  it('keeps at most the entities it was told to, dropping the longest unwritten', () => {
    const memory = new StoredResultMemory(2);
    memory.rememberEarliest(undefined);
    memory.remember([
      rowOf('component:default/a'),
      rowOf('component:default/b'),
    ]);
    memory.remember([rowOf('component:default/a')]);
    memory.remember([rowOf('component:default/c')]);
    expect(memory.before('component:default/a')).toBeDefined();
    expect(memory.before('component:default/b')).toBeUndefined();
    expect(memory.before('component:default/c')).toBeDefined();
  });
});
