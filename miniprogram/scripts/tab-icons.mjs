#!/usr/bin/env node
// Generates the tab bar icons (src/assets/tab/*.png, 81×81 RGBA, a few hundred bytes each) with
// only Node's zlib: mini-program tabBar icons must be PNG/JPG files ≤ 40 KB.
// Shapes are drawn as signed-distance tests on a 4× supersampled grid (anti-aliased edges).
//   node miniprogram/scripts/tab-icons.mjs
import { deflateSync } from 'node:zlib';
import { writeFileSync, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'assets', 'tab');
const SIZE = 81;
const SS = 4;
const COLORS = { normal: [0x7a, 0x7e, 0x83], active: [0x07, 0xc1, 0x60] };

// Shape helpers on a 0..1 unit square; each returns true when the point is "ink".
const rect = (x0, y0, x1, y1, r = 0) => (x, y) => {
  const dx = Math.max(x0 + r - x, 0, x - (x1 - r));
  const dy = Math.max(y0 + r - y, 0, y - (y1 - r));
  return dx * dx + dy * dy <= r * r && x >= x0 && x <= x1 && y >= y0 && y <= y1;
};
const circle = (cx, cy, r) => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const ring = (cx, cy, r, w) => (x, y) => {
  const d = Math.hypot(x - cx, y - cy);
  return d <= r && d >= r - w;
};
const outline = (x0, y0, x1, y1, r, w) => {
  const outer = rect(x0, y0, x1, y1, r);
  const inner = rect(x0 + w, y0 + w, x1 - w, y1 - w, Math.max(0, r - w));
  return (x, y) => outer(x, y) && !inner(x, y);
};
const union = (...fs) => (x, y) => fs.some((f) => f(x, y));
const minus = (a, b) => (x, y) => a(x, y) && !b(x, y);

const W = 0.075; // stroke width
const ICONS = {
  // 货架: a 2×2 grid of rounded tiles
  shelf: {
    normal: union(outline(0.14, 0.14, 0.46, 0.46, 0.06, W), outline(0.54, 0.14, 0.86, 0.46, 0.06, W), outline(0.14, 0.54, 0.46, 0.86, 0.06, W), outline(0.54, 0.54, 0.86, 0.86, 0.06, W)),
    active: union(rect(0.14, 0.14, 0.46, 0.46, 0.06), rect(0.54, 0.14, 0.86, 0.46, 0.06), rect(0.14, 0.54, 0.46, 0.86, 0.06), rect(0.54, 0.54, 0.86, 0.86, 0.06)),
  },
  // 订单: a sheet with three lines
  orders: {
    normal: union(outline(0.2, 0.1, 0.8, 0.9, 0.08, W), rect(0.32, 0.3, 0.68, 0.3 + W, W / 2), rect(0.32, 0.46, 0.68, 0.46 + W, W / 2), rect(0.32, 0.62, 0.56, 0.62 + W, W / 2)),
    active: minus(rect(0.2, 0.1, 0.8, 0.9, 0.08), union(rect(0.32, 0.3, 0.68, 0.3 + W, W / 2), rect(0.32, 0.46, 0.68, 0.46 + W, W / 2), rect(0.32, 0.62, 0.56, 0.62 + W, W / 2))),
  },
  // 我的: head and shoulders
  me: {
    normal: union(ring(0.5, 0.33, 0.19, W), minus(ring(0.5, 0.98, 0.38, W), rect(0, 0.9, 1, 1)), rect(0.12, 0.82, 0.12 + W, 0.9), rect(0.88 - W, 0.82, 0.88, 0.9)),
    active: union(circle(0.5, 0.33, 0.19), minus(circle(0.5, 0.98, 0.38), rect(0, 0.9, 1, 1))),
  },
};

function crcTable() {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
}
const CRC = crcTable();
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = CRC[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function png(shape, [r, g, b]) {
  const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
  for (let y = 0; y < SIZE; y++) {
    raw[y * (SIZE * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < SIZE; x++) {
      let hits = 0;
      for (let sy = 0; sy < SS; sy++) for (let sx = 0; sx < SS; sx++) if (shape((x + (sx + 0.5) / SS) / SIZE, (y + (sy + 0.5) / SS) / SIZE)) hits++;
      const o = y * (SIZE * 4 + 1) + 1 + x * 4;
      raw[o] = r;
      raw[o + 1] = g;
      raw[o + 2] = b;
      raw[o + 3] = Math.round((hits / (SS * SS)) * 255);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(SIZE, 0);
  ihdr.writeUInt32BE(SIZE, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

mkdirSync(OUT, { recursive: true });
for (const [name, shapes] of Object.entries(ICONS)) {
  for (const state of ['normal', 'active']) {
    const file = join(OUT, `${name}${state === 'active' ? '-active' : ''}.png`);
    const buf = png(shapes[state], COLORS[state]);
    if (buf.length > 40 * 1024) throw new Error(`${file}: ${buf.length} B > 40 KB`);
    writeFileSync(file, buf);
    console.log(`${file} ${buf.length} B`);
  }
}
