import { expect, test } from 'vitest';
import { z } from 'zod';
import { newId } from '../../utils/ids';

test('ids are valid UUIDv7 and sort in creation order, also within one millisecond', () => {
  const ids = Array.from({ length: 5000 }, () => newId(1_800_000_000_000));
  for (const id of ids.slice(0, 50)) expect(z.uuid().safeParse(id).success).toBe(true);
  expect(ids[0]![14]).toBe('7');
  expect([...ids].sort()).toEqual(ids);
  expect(new Set(ids).size).toBe(ids.length);
  const later = newId(1_900_000_000_000);
  expect(later > ids.at(-1)!).toBe(true);
});
