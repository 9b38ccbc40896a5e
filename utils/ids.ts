let lastMs = -1;
let sequence = 0;

/**
 * A new record id: a UUIDv7 (RFC 9562), time-ordered, with a counter in `rand_a` so ids made in
 * the same millisecond still sort in creation order. Timeline entries with equal times then keep
 * the order they were written in.
 */
export function newId(now = Date.now()): string {
  if (now <= lastMs) {
    sequence += 1;
    if (sequence > 0xfff) {
      // 4096 ids in one millisecond: borrow the next millisecond rather than repeat an order.
      lastMs += 1;
      sequence = 0;
    }
  } else {
    lastMs = now;
    sequence = 0;
  }
  const random = crypto.getRandomValues(new Uint8Array(8));
  const hex = (value: number, length: number) => value.toString(16).padStart(length, '0');
  const time = hex(lastMs, 12);
  const randB = [...random].map((b) => hex(b, 2)).join('');
  const variant = hex(0x8 | (random[0]! & 0x3), 1);
  return `${time.slice(0, 8)}-${time.slice(8)}-7${hex(sequence, 3)}-${variant}${randB.slice(1, 4)}-${randB.slice(4, 16)}`;
}
