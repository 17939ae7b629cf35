import { crc32, deflateSync } from 'node:zlib';
import { encode } from 'uqr';

// A QR code as a PNG, written here rather than with an image library: 8-bit greyscale, black
// modules on white, a quiet zone of four modules all round (as the QR standard asks, so phones
// find the code on a busy poster), each module a square of pixels.

/** Medium error correction: a poster may be creased, stained or partly covered. */
export const QR_OPTIONS = { ecc: 'M', border: 0 } as const;
export const QUIET_ZONE_MODULES = 4;
export const PIXELS_PER_MODULE = 10;

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Buffer): Buffer {
  const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const checksum = Buffer.alloc(4);
  checksum.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, checksum]);
}

/** The modules of `text`'s QR code: true is dark. */
export const qrModules = (text: string): boolean[][] => encode(text, QR_OPTIONS).data;

export function qrPng(text: string, pixelsPerModule = PIXELS_PER_MODULE): Buffer {
  const modules = qrModules(text);
  const side = modules.length + 2 * QUIET_ZONE_MODULES;
  const width = side * pixelsPerModule;
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(width, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(0, 9); // colour type: greyscale
  header.writeUInt8(0, 10); // compression: deflate
  header.writeUInt8(0, 11); // filter method 0
  header.writeUInt8(0, 12); // no interlace
  // Each scanline is its filter byte (0: none) and one byte per pixel.
  const scanline = width + 1;
  const pixels = Buffer.alloc(scanline * width, 255);
  for (let y = 0; y < width; y += 1) {
    pixels[y * scanline] = 0;
    const row = modules[Math.floor(y / pixelsPerModule) - QUIET_ZONE_MODULES];
    if (!row) continue;
    for (let x = 0; x < width; x += 1) {
      if (row[Math.floor(x / pixelsPerModule) - QUIET_ZONE_MODULES]) {
        pixels[y * scanline + 1 + x] = 0;
      }
    }
  }
  return Buffer.concat([
    PNG_SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
