// Writes media/icon.png (128×128): a page with text lines and a check mark on a rounded square.
// Pure Node (zlib for the PNG stream), 4×4 supersampling. Run: node media/make-icon.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const N = 128;
const S = 4; // supersampling
const px = new Float64Array(N * N * 4);

const inRoundRect = (x, y, x0, y0, x1, y1, r) => {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
const distToSegment = (x, y, ax, ay, bx, by) => {
  const dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
};

const BG = [0x1f, 0x4e, 0x8c];
const PAGE = [0xff, 0xff, 0xff];
const LINE = [0x9a, 0xa9, 0xbd];
const RED = [0xd6, 0x3a, 0x3a];
const CHECK = [0x2e, 0xa0, 0x4f];

function colorAt(x, y) {
  let c = null;
  if (inRoundRect(x, y, 4, 4, 124, 124, 22)) c = BG;
  if (inRoundRect(x, y, 30, 18, 98, 110, 6)) c = PAGE;
  // text lines; the third one underlined in red like a squiggle
  for (const [y0, x1] of [[34, 84], [46, 88], [58, 76], [70, 86]]) {
    if (inRoundRect(x, y, 40, y0, x1, y0 + 5, 2.5)) c = LINE;
  }
  if (y >= 65 && y <= 67.5 && x >= 40 && x <= 76 && Math.abs(((x - 40) % 8) - 4) * 0.6 + 65 >= y - 0.5) c = RED;
  // check mark badge
  if ((x - 92) ** 2 + (y - 94) ** 2 <= 24 ** 2) c = CHECK;
  if (
    (x - 92) ** 2 + (y - 94) ** 2 <= 24 ** 2 &&
    Math.min(distToSegment(x, y, 80, 95, 89, 104), distToSegment(x, y, 89, 104, 105, 84)) <= 4
  )
    c = PAGE;
  return c;
}

for (let y = 0; y < N; y++) {
  for (let x = 0; x < N; x++) {
    let r = 0, g = 0, b = 0, a = 0;
    for (let sy = 0; sy < S; sy++) {
      for (let sx = 0; sx < S; sx++) {
        const c = colorAt(x + (sx + 0.5) / S, y + (sy + 0.5) / S);
        if (c) {
          r += c[0]; g += c[1]; b += c[2]; a += 1;
        }
      }
    }
    const i = (y * N + x) * 4;
    if (a) {
      px[i] = r / a; px[i + 1] = g / a; px[i + 2] = b / a;
    }
    px[i + 3] = (255 * a) / (S * S);
  }
}

const raw = Buffer.alloc(N * (N * 4 + 1));
for (let y = 0; y < N; y++) {
  raw[y * (N * 4 + 1)] = 0;
  for (let x = 0; x < N * 4; x++) raw[y * (N * 4 + 1) + 1 + x] = Math.round(px[y * N * 4 + x]);
}
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
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
};
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(N, 0);
ihdr.writeUInt32BE(N, 4);
ihdr[8] = 8; // bit depth
ihdr[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('./icon.png', import.meta.url), png);
console.log(`media/icon.png: ${png.length} bytes`);
