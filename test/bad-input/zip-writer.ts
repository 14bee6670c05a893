/**
 * A minimal zip writer for hostile archives, built on Node's zlib so that a part can inflate to
 * hundreds of megabytes without that part ever existing in memory: JSZip (through pako) would
 * have to hold and deflate the whole text, which takes minutes at that size.
 */
import * as zlib from "node:zlib";

export interface ZipPart {
  name: string;
  /** The part's bytes, or a generator of chunks for a part too big to hold. */
  data: Uint8Array | { chunks: () => Iterable<Uint8Array> };
}

interface Written {
  name: Buffer;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
}

function deflatePart(data: ZipPart["data"]): { body: Buffer; crc: number; size: number } {
  if (data instanceof Uint8Array) {
    return { body: zlib.deflateRawSync(data), crc: zlib.crc32(data), size: data.length };
  }
  // Each chunk is deflated on its own and ended with a sync flush, which makes its compressed
  // bytes a run of non-final blocks that refer to nothing before them; such runs can follow one
  // another, and a repeated chunk is compressed once. The stream ends with an empty final block.
  const segments = new Map<Uint8Array, Buffer>();
  const out: Buffer[] = [];
  let crc = 0;
  let size = 0;
  for (const chunk of data.chunks()) {
    let segment = segments.get(chunk);
    if (!segment) {
      segment = zlib.deflateRawSync(chunk, { level: 9, finishFlush: zlib.constants.Z_SYNC_FLUSH });
      segments.set(chunk, segment);
    }
    crc = zlib.crc32(chunk, crc);
    size += chunk.length;
    out.push(segment);
  }
  out.push(Buffer.from([0x03, 0x00]));
  return { body: Buffer.concat(out), crc, size };
}

/** The archive's bytes: local headers and deflated parts, then the central directory. */
export function writeZip(parts: ZipPart[]): Buffer {
  const chunks: Buffer[] = [];
  const written: Written[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, "utf8");
    const { body, crc, size } = deflatePart(part.data);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(0x0800, 6); // UTF-8 names
    header.writeUInt16LE(8, 8); // deflate
    header.writeUInt32LE(crc >>> 0, 14);
    header.writeUInt32LE(body.length, 18);
    header.writeUInt32LE(size >>> 0, 22);
    header.writeUInt16LE(name.length, 26);
    chunks.push(header, name, body);
    written.push({ name, crc, compressed: body.length, size, offset });
    offset += header.length + name.length + body.length;
  }
  const directoryStart = offset;
  for (const w of written) {
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(w.crc >>> 0, 16);
    entry.writeUInt32LE(w.compressed, 20);
    entry.writeUInt32LE(w.size >>> 0, 24);
    entry.writeUInt16LE(w.name.length, 28);
    entry.writeUInt32LE(w.offset, 42);
    chunks.push(entry, w.name);
    offset += entry.length + w.name.length;
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(written.length, 8);
  end.writeUInt16LE(written.length, 10);
  end.writeUInt32LE(offset - directoryStart, 12);
  end.writeUInt32LE(directoryStart, 16);
  chunks.push(end);
  return Buffer.concat(chunks);
}
