import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { assetsDir } from './paths';
import { crc32 } from './crc32';

/*
 * Draws the add-in's icons (16, 32, 64 and 80 px PNGs for the manifest and the ribbon): a
 * blue rounded square with three white bars, a budget growing. No image tools needed:
 * the PNG is written by hand (RGBA, deflate from node:zlib). Run: npx tsx addin/scripts/make-icons.ts
 */

export const ICON_SIZES = [16, 32, 64, 80] as const;

const BLUE = [0x0f, 0x6c, 0xbd] as const;
const WHITE = [0xff, 0xff, 0xff] as const;
const SAMPLES = 4;

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const body = Buffer.concat([head.subarray(4), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body), 0);
  return Buffer.concat([head.subarray(0, 4), body, crc]);
}

/** What covers the point (x, y) in a unit square: 'bar', 'tile' or nothing. */
function paintAt(x: number, y: number): 'bar' | 'tile' | undefined {
  const radius = 0.2;
  const cx = Math.min(Math.max(x, radius), 1 - radius);
  const cy = Math.min(Math.max(y, radius), 1 - radius);
  if ((x - cx) ** 2 + (y - cy) ** 2 > radius ** 2) return undefined;
  const bars = [
    { left: 0.2, height: 0.3 },
    { left: 0.42, height: 0.48 },
    { left: 0.64, height: 0.64 },
  ];
  const bottom = 0.8;
  const hit = bars.some((bar) => x >= bar.left && x < bar.left + 0.16 && y <= bottom && y >= bottom - bar.height);
  return hit ? 'bar' : 'tile';
}

/** One icon as PNG bytes, each pixel supersampled for smooth edges. */
export function iconPng(size: number): Buffer {
  const rows: Buffer[] = [];
  for (let py = 0; py < size; py += 1) {
    const row = Buffer.alloc(1 + size * 4);
    for (let px = 0; px < size; px += 1) {
      let [r, g, b, covered] = [0, 0, 0, 0];
      for (let sy = 0; sy < SAMPLES; sy += 1) {
        for (let sx = 0; sx < SAMPLES; sx += 1) {
          const paint = paintAt((px + (sx + 0.5) / SAMPLES) / size, (py + (sy + 0.5) / SAMPLES) / size);
          if (!paint) continue;
          const colour = paint === 'bar' ? WHITE : BLUE;
          [r, g, b, covered] = [r + colour[0], g + colour[1], b + colour[2], covered + 1];
        }
      }
      const offset = 1 + px * 4;
      if (covered > 0) row.set([Math.round(r / covered), Math.round(g / covered), Math.round(b / covered)], offset);
      row[offset + 3] = Math.round((255 * covered) / SAMPLES ** 2);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', new Uint8Array())]);
}

export function iconFileName(size: number): string {
  return `icon-${size}.png`;
}

export async function writeIcons(dir = assetsDir): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  return Promise.all(
    ICON_SIZES.map(async (size) => {
      const path = join(dir, iconFileName(size));
      await writeFile(path, iconPng(size));
      return path;
    }),
  );
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  for (const path of await writeIcons()) process.stdout.write(`wrote ${path}\n`);
}
