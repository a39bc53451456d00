// Writes icon.png (128×128): a dark rounded square with a green check mark inside angle
// brackets — a linter for API calls. No dependencies: raw RGBA rows, zlib, CRC32.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const N = 128;
const px = Buffer.alloc(N * N * 4);
const set = (x, y, [r, g, b, a]) => {
  if (x < 0 || y < 0 || x >= N || y >= N) return;
  const i = (y * N + x) * 4;
  px[i] = r; px[i + 1] = g; px[i + 2] = b; px[i + 3] = a;
};
const dist = (px_, py, ax, ay, bx, by) => {
  const dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px_ - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px_ - ax - t * dx, py - ay - t * dy);
};
const BG = [24, 28, 36, 255], GREEN = [16, 185, 129, 255], GREY = [170, 178, 192, 255];
const strokes = [
  [GREY, [[40, 40, 20, 64], [20, 64, 40, 88]]],
  [GREY, [[88, 40, 108, 64], [108, 64, 88, 88]]],
  [GREEN, [[48, 66, 60, 80], [60, 80, 82, 46]]],
];
for (let y = 0; y < N; y++) {
  for (let x = 0; x < N; x++) {
    const r = 22, cx = Math.min(Math.max(x, r), N - 1 - r), cy = Math.min(Math.max(y, r), N - 1 - r);
    if (Math.hypot(x - cx, y - cy) > r) continue; // transparent corners
    let color = BG;
    for (const [c, segs] of strokes) if (segs.some(([ax, ay, bx, by]) => dist(x, y, ax, ay, bx, by) < 5)) color = c;
    set(x, y, color);
  }
}
const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
};
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(N, 0); ihdr.writeUInt32BE(N, 4); ihdr[8] = 8; ihdr[9] = 6; // 8-bit RGBA
const raw = Buffer.alloc(N * (N * 4 + 1));
for (let y = 0; y < N; y++) px.copy(raw, y * (N * 4 + 1) + 1, y * N * 4, (y + 1) * N * 4);
writeFileSync(new URL('../icon.png', import.meta.url), Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]));
