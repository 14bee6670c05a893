// Draws the add-in's icon (a shield holding a small bar chart) and writes it as PNGs at the sizes
// the manifest names: assets/icon-16.png, -32, -64, -80, -128.
//
// Run: node scripts/make-icons.js
//
// It uses only Node's zlib, so it runs offline with nothing installed. The PNG chunks are written
// by hand (signature, IHDR, IDAT, IEND, each with its CRC-32). Edges are anti-aliased by sampling
// every pixel on a grid of sub-pixels, which is what keeps the 16-pixel ribbon icon legible.
// The output is deterministic, so rerunning it leaves committed icons unchanged.

const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const SIZES = [16, 32, 64, 80, 128];
const OUT_DIR = path.join(__dirname, "..", "assets");

// Two colours: a deep blue shield and white bars. The blue is dark enough that white on it passes
// WCAG contrast, and the shield's silhouette reads on both light and dark ribbons.
const SHIELD = [0x1f, 0x4e, 0x79];
const BARS = [0xff, 0xff, 0xff];

// Shapes in unit coordinates (0..1 across and down the icon).
const TOP = 0.06;
const SHOULDER = 0.5; // where the straight sides start to curve in towards the point
const POINT = 0.95;
const HALF_WIDTH = 0.37;

function insideShield(x, y) {
  if (y < TOP || y > POINT) return false;
  let half = HALF_WIDTH;
  if (y > SHOULDER) {
    const t = (y - SHOULDER) / (POINT - SHOULDER);
    // 1 - t^2 keeps the sides smooth at the shoulder and meets the centre line at an angle,
    // which gives the pointed foot of a heater shield rather than a rounded blob.
    half = HALF_WIDTH * (1 - t * t);
  }
  return Math.abs(x - 0.5) <= half;
}

// Three rising bars standing on a common baseline.
const BAR_LIST = [
  { left: 0.25, right: 0.38, top: 0.48 },
  { left: 0.435, right: 0.565, top: 0.36 },
  { left: 0.62, right: 0.75, top: 0.24 },
];
const BASELINE = 0.68;

function insideBar(x, y) {
  return BAR_LIST.some((b) => x >= b.left && x <= b.right && y >= b.top && y <= BASELINE);
}

/** RGBA pixels, row by row. */
function draw(size) {
  const SUB = 8; // sub-pixels per side
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let shield = 0;
      let bar = 0;
      for (let sy = 0; sy < SUB; sy++) {
        for (let sx = 0; sx < SUB; sx++) {
          const x = (px + (sx + 0.5) / SUB) / size;
          const y = (py + (sy + 0.5) / SUB) / size;
          if (insideShield(x, y)) {
            if (insideBar(x, y)) bar++;
            else shield++;
          }
        }
      }
      const total = SUB * SUB;
      const covered = shield + bar;
      const o = (py * size + px) * 4;
      if (covered === 0) continue; // fully transparent
      // Colour is the coverage-weighted mix of the two inks; alpha is how much of the pixel is inked.
      for (let c = 0; c < 3; c++) {
        pixels[o + c] = Math.round((SHIELD[c] * shield + BARS[c] * bar) / covered);
      }
      pixels[o + 3] = Math.round((255 * covered) / total);
    }
  }
  return pixels;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

function png(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0); // width
  header.writeUInt32BE(size, 4); // height
  header[8] = 8; // bits per channel
  header[9] = 6; // colour type: RGBA
  header[10] = 0; // compression: deflate
  header[11] = 0; // filter method 0
  header[12] = 0; // no interlace
  // Each scanline starts with its filter type; 0 (none) is plenty for icons this small.
  const rows = [];
  for (let y = 0; y < size; y++) {
    rows.push(Buffer.from([0]), rgba.subarray(y * size * 4, (y + 1) * size * 4));
  }
  const idat = zlib.deflateSync(Buffer.concat(rows), { level: 9 });
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", idat),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function main() {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(OUT_DIR, `icon-${size}.png`);
    fs.writeFileSync(file, png(size, draw(size)));
    console.log(`wrote ${path.relative(process.cwd(), file)} (${size}x${size})`);
  }
}

if (require.main === module) main();

module.exports = { png, draw, crc32, SIZES };
