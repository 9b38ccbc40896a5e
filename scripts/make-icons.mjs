// Draws Tend's toolbar icon (a leaf on a green disc) as PNGs in public/icon/. Run once after a
// design change: `node scripts/make-icons.mjs`. No image library: a PNG is zlib + CRC chunks.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};

/** Coverage of the shape at (x, y) in unit space: 0 outside, 1 disc, 2 leaf. */
function shapeAt(x, y) {
  const dx = x - 0.5,
    dy = y - 0.5;
  if (dx * dx + dy * dy > 0.25) return 0;
  // The leaf: intersection of two discs, tilted along the diagonal.
  const r = 0.32,
    off = 0.13;
  const inA = (x - 0.5 + off) ** 2 + (y - 0.5 - off) ** 2 < r * r;
  const inB = (x - 0.5 - off) ** 2 + (y - 0.5 + off) ** 2 < r * r;
  return inA && inB ? 2 : 1;
}

function png(size) {
  const ss = 4;
  const rows = [];
  for (let py = 0; py < size; py++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let px = 0; px < size; px++) {
      let disc = 0,
        leaf = 0;
      for (let sy = 0; sy < ss; sy++)
        for (let sx = 0; sx < ss; sx++) {
          const s = shapeAt((px + (sx + 0.5) / ss) / size, (py + (sy + 0.5) / ss) / size);
          if (s >= 1) disc++;
          if (s === 2) leaf++;
        }
      const n = ss * ss,
        l = leaf / Math.max(disc, 1);
      const [r, g, b] = [47 + (255 - 47) * l, 125 + (255 - 125) * l, 91 + (255 - 91) * l];
      row.set([r, g, b, (255 * disc) / n].map(Math.round), 1 + px * 4);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

for (const size of [16, 32, 48, 128]) writeFileSync(`public/icon/${size}.png`, png(size));
