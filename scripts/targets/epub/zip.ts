/**
 * Writing the EPUB's zip. epub-gen-memory lays the package out in a JSZip archive, whose own
 * deflate (pako, in JavaScript) took most of a second on a long book; Node's zlib does the same
 * work natively. Entries keep their order (mimetype first, stored, as EPUB requires) and all
 * carry the build's date, so the same files always give the same bytes.
 */
import { promisify } from "node:util";
import { crc32, deflateRaw } from "node:zlib";

const deflate = promisify(deflateRaw);

export interface ZipEntry {
  readonly path: string;
  readonly data: Buffer;
  /** Stored as it is (the mimetype entry), not deflated. */
  readonly store?: boolean;
}

/** A zip archive of `entries`, in order, each dated `date` (UTC, to the two seconds a zip can hold). */
export async function writeZip(entries: readonly ZipEntry[], date: Date): Promise<Buffer> {
  const { time, day } = dosDateTime(date);
  // Deflated all at once on libuv's threads, which keeps both cores of a small machine busy.
  const bodies = await Promise.all(
    entries.map((entry) => (entry.store ? entry.data : deflate(entry.data, { level: 6 }))),
  );
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [i, entry] of entries.entries()) {
    const name = Buffer.from(entry.path, "utf8");
    const body = bodies[i];
    // The local header and the central directory entry share one run of fields: version needed,
    // flags, method, date, CRC, sizes and name length.
    const shared = Buffer.alloc(24);
    shared.writeUInt16LE(20, 0); // version needed: 2.0
    shared.writeUInt16LE(0x0800, 2); // names in UTF-8
    shared.writeUInt16LE(entry.store ? 0 : 8, 4); // stored or deflated
    shared.writeUInt16LE(time, 6);
    shared.writeUInt16LE(day, 8);
    shared.writeUInt32LE(crc32(entry.data), 10);
    shared.writeUInt32LE(body.length, 14);
    shared.writeUInt32LE(entry.data.length, 18);
    shared.writeUInt16LE(name.length, 22);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    shared.copy(local, 4);
    locals.push(local, name, body);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(0x0314, 4); // made by: UNIX, 2.0
    shared.copy(central, 6);
    central.writeUInt32LE((0o100644 << 16) >>> 0, 38); // a regular file, rw-r--r--
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The MS-DOS time and date fields of `date`, in UTC. */
function dosDateTime(date: Date): { time: number; day: number } {
  const year = Math.min(Math.max(date.getUTCFullYear(), 1980), 2107);
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2),
    day: ((year - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}
