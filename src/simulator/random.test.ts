import { describe, expect, it } from 'vitest';
import { legacyDeviceId, userAgentHash, uuidV4 } from './deviceIds.ts';
import { createRandom, randomBase36 } from './random.ts';

describe('seeded ids (SDK-1)', () => {
  it('a stream repeats for the same seed and name, and differs for another name or seed', () => {
    const draw = (seed: string, stream: string) => {
      const source = createRandom(seed, stream);
      return Array.from({ length: 4 }, () => source.nextUint32());
    };
    expect(draw('a', 'x')).toEqual(draw('a', 'x'));
    expect(draw('a', 'y')).not.toEqual(draw('a', 'x'));
    expect(draw('b', 'x')).not.toEqual(draw('a', 'x'));
  });

  it('SDK-1: uuidV4 has version nibble 4 and variant 8-b, lowercase, over many draws', () => {
    const source = createRandom('uuid', 'test');
    const ids = Array.from({ length: 500 }, () => uuidV4(source));
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids.map((id) => id.charAt(19)))).toEqual(new Set(['8', '9', 'a', 'b']));
    expect(new Set(ids).size).toBe(500);
  });

  it('SDK-1: legacy ids have five hex groups: time+ticks, random, user agent, screen, time+ticks', () => {
    const source = createRandom('legacy', 'test');
    const id = legacyDeviceId(source, 0x18bcfe56800, 'abcdef12');
    expect(id).toMatch(/^18bcfe56800[0-9a-f]{2,3}-0[0-9a-f]{14}-abcdef12-e1000-18bcfe56800[0-9a-f]{2,3}$/);
    expect(userAgentHash(source)).toMatch(/^[1-7][0-9a-f]{7}$/);
  });

  it('$insert_id digits are base 36', () => {
    expect(randomBase36(createRandom('x', 'y'), 64)).toMatch(/^[0-9a-z]{64}$/);
  });
});
