// Reading an .xlsx workbook for the import without trusting the zip's local headers. ExcelJS's
// streaming reader walks the local file headers front to back (unzipper's Parse), and on some
// valid files it ends early without an error: entries stored uncompressed with data descriptors
// (JSZip's "STORE", scripts, some exporters), or parts in an order it does not expect, gave no
// sheet or no rows at all. Here the zip's central directory (at the end of the file, read in a
// few small reads) says which parts exist and where; each part is streamed from its offset and
// checked against the directory's size and CRC-32, and ExcelJS only parses the XML. A worksheet
// is still streamed, never held whole; and the rows ExcelJS yields are counted against the
// <row> elements the sheet holds, so a parser that skips rows is an error, not a short import.
import { createReadStream } from "node:fs";
import { open, type FileHandle } from "node:fs/promises";
import { Transform, type Readable, type TransformCallback } from "node:stream";
import zlib from "node:zlib";

/** A workbook that cannot be read whole: damaged, truncated, or not a workbook at all. */
export class XlsxError extends Error {}

export interface ZipEntry {
  name: string;
  method: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

export interface Zip {
  file: string;
  /** Entries by name; a name's lower case form finds it too (OPC part names ignore case). */
  entries: Map<string, ZipEntry>;
  /** Where the central directory starts: every entry's data lies before it. */
  directoryOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

async function readAt(fh: FileHandle, position: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  const { bytesRead } = await fh.read(buf, 0, length, position);
  if (bytesRead !== length) throw new XlsxError("the file ends early");
  return buf;
}

/** The zip's central directory. A truncated file has none at its end, so it fails here. */
export async function openZip(file: string): Promise<Zip> {
  const fh = await open(file, "r");
  try {
    const { size } = await fh.stat();
    // The end record is 22 bytes plus a comment of at most 65 535.
    const tailLength = Math.min(size, 22 + 0xffff);
    if (tailLength < 22) throw new XlsxError("not a zip file (too short)");
    const tail = await readAt(fh, size - tailLength, tailLength);
    let at = -1;
    for (let i = tailLength - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD && i + 22 + tail.readUInt16LE(i + 20) === tailLength) {
        at = i;
        break;
      }
    }
    if (at < 0) throw new XlsxError("no zip directory at the end of the file (truncated, or not an .xlsx file)");
    const count = tail.readUInt16LE(at + 10);
    const directorySize = tail.readUInt32LE(at + 12);
    const directoryOffset = tail.readUInt32LE(at + 16);
    if (count === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
      throw new XlsxError("ZIP64 workbooks (over 4 GB) are not supported");
    }
    if (directoryOffset + directorySize > size - tailLength + at) throw new XlsxError("the zip directory points past the end of the file");
    const dir = await readAt(fh, directoryOffset, directorySize);
    const entries = new Map<string, ZipEntry>();
    let p = 0;
    for (let i = 0; i < count; i++) {
      if (p + 46 > dir.length || dir.readUInt32LE(p) !== CENTRAL) throw new XlsxError("the zip directory is damaged");
      const nameLength = dir.readUInt16LE(p + 28);
      const extraLength = dir.readUInt16LE(p + 30);
      const commentLength = dir.readUInt16LE(p + 32);
      const entry: ZipEntry = {
        name: dir.toString("utf8", p + 46, p + 46 + nameLength),
        method: dir.readUInt16LE(p + 10),
        crc32: dir.readUInt32LE(p + 16),
        compressedSize: dir.readUInt32LE(p + 20),
        uncompressedSize: dir.readUInt32LE(p + 24),
        localHeaderOffset: dir.readUInt32LE(p + 42),
      };
      if (entry.compressedSize === 0xffffffff || entry.uncompressedSize === 0xffffffff || entry.localHeaderOffset === 0xffffffff) {
        throw new XlsxError("ZIP64 workbooks (over 4 GB) are not supported");
      }
      if (entry.localHeaderOffset + 30 + entry.compressedSize > directoryOffset) throw new XlsxError(`${entry.name}: lies outside the file's data`);
      entries.set(entry.name, entry);
      if (!entries.has(entry.name.toLowerCase())) entries.set(entry.name.toLowerCase(), entry);
      p += 46 + nameLength + extraLength + commentLength;
    }
    return { file, entries, directoryOffset };
  } finally {
    await fh.close();
  }
}

export function findEntry(zip: Zip, name: string): ZipEntry | undefined {
  return zip.entries.get(name) ?? zip.entries.get(name.toLowerCase());
}

/** Counts a worksheet's <row> elements (with or without a namespace prefix) in text fed in pieces. */
export function rowTagCounter() {
  const tag = /<(?:[A-Za-z_][\w.-]*:)?row[\s/>]/g;
  let carry = "";
  let count = 0;
  return {
    /** Tags are ASCII, so text decoded as latin1 will do, whatever the chunk boundaries. */
    feed(piece: string) {
      const text = carry + piece;
      tag.lastIndex = 0;
      let last = 0;
      for (let m = tag.exec(text); m; m = tag.exec(text)) {
        count++;
        last = m.index + m[0].length;
      }
      // A tag split between pieces starts at the last "<" not inside a counted tag; no tag is
      // longer than the tail kept, so nothing is counted twice or missed.
      const lt = text.lastIndexOf("<");
      carry = lt >= last && text.length - lt < 64 ? text.slice(lt) : "";
    },
    get count() {
      return count;
    },
  };
}

/**
 * Checks a part's bytes as they pass: its size and CRC-32 must be the directory's. Optionally
 * counts <row> elements, for the comparison with the rows the parser yields.
 */
class CheckedPart extends Transform {
  private bytes = 0;
  private crc = 0;
  private readonly rows = rowTagCounter();
  /** The error this part ended with, if any (kept here too: ExcelJS's reading may not see it). */
  failure: Error | null = null;
  constructor(
    private readonly entry: ZipEntry,
    private readonly countRows: boolean,
  ) {
    super();
    this.on("error", (err: Error) => {
      this.failure ??= err;
    });
  }
  _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback) {
    this.bytes += chunk.length;
    if (this.bytes > this.entry.uncompressedSize) return done(new XlsxError(`${this.entry.name}: longer than the zip directory says`));
    // zlib.crc32 came with Node 20.15; without it only the size is checked.
    if (typeof zlib.crc32 === "function") this.crc = zlib.crc32(chunk, this.crc);
    if (this.countRows) this.rows.feed(chunk.toString("latin1"));
    done(null, chunk);
  }
  /** The <row> elements that have passed (when counted). */
  get rowTags() {
    return this.rows.count;
  }
  _flush(done: TransformCallback) {
    if (this.bytes !== this.entry.uncompressedSize) return done(new XlsxError(`${this.entry.name}: shorter than the zip directory says`));
    if (typeof zlib.crc32 === "function" && this.crc >>> 0 !== this.entry.crc32 >>> 0) return done(new XlsxError(`${this.entry.name}: damaged (CRC-32 does not match)`));
    done();
  }
}

/** One part's content as a stream, found by the central directory, checked as it is read. */
export async function partStream(zip: Zip, entry: ZipEntry, opts: { countRows?: boolean } = {}): Promise<{ stream: Readable; checked: CheckedPart }> {
  const fh = await open(zip.file, "r");
  let start: number;
  try {
    const header = await readAt(fh, entry.localHeaderOffset, 30);
    if (header.readUInt32LE(0) !== LOCAL) throw new XlsxError(`${entry.name}: no local header where the zip directory says`);
    start = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  } finally {
    await fh.close();
  }
  if (start + entry.compressedSize > zip.directoryOffset) throw new XlsxError(`${entry.name}: lies outside the file's data`);
  if (entry.method !== 0 && entry.method !== 8) throw new XlsxError(`${entry.name}: unsupported compression method ${entry.method}`);
  const checked = new CheckedPart(entry, opts.countRows ?? false);
  const raw = entry.compressedSize === 0 ? null : createReadStream(zip.file, { start, end: start + entry.compressedSize - 1 });
  // pipe() does not pass errors on: each stage's error is the checked stream's error, so whoever
  // reads it sees it.
  const fail = (err: Error) => checked.destroy(err instanceof XlsxError ? err : new XlsxError(`${entry.name}: ${err.message}`));
  if (!raw) {
    checked.end();
  } else {
    const inflate = entry.method === 8 ? zlib.createInflateRaw() : null;
    raw.on("error", fail);
    inflate?.on("error", fail);
    (inflate ? raw.pipe(inflate) : raw).pipe(checked);
    // A reader that stops early (or an error) closes the part: the file is closed with it.
    checked.on("close", () => {
      raw.destroy();
      inflate?.destroy();
    });
  }
  return { stream: checked, checked };
}

/** A small part (workbook, relations) whole, as text. */
export async function partText(zip: Zip, name: string): Promise<string | null> {
  const entry = findEntry(zip, name);
  if (!entry) return null;
  const { stream } = await partStream(zip, entry);
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8").replace(/^\uFEFF/, "");
}

function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) out.set(m[1], decodeXml(m[2] ?? m[3] ?? ""));
  return out;
}

function decodeXml(s: string): string {
  return s.replace(/&(?:#x([0-9a-fA-F]+)|#(\d+)|(amp|lt|gt|quot|apos));/g, (_m, hex: string, dec: string, name: string) =>
    hex ? String.fromCodePoint(parseInt(hex, 16)) : dec ? String.fromCodePoint(parseInt(dec, 10)) : ({ amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" } as Record<string, string>)[name],
  );
}

/** The elements named `local` (any namespace prefix) with their attributes. */
function elements(xml: string, local: string): Map<string, string>[] {
  const re = new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?${local}\\b([^>]*)>`, "g");
  return [...xml.matchAll(re)].map((m) => attributes(m[1]));
}

/** A relationship's target as a part name: relative to the source part's folder, or absolute. */
function resolveTarget(sourcePart: string, target: string): string {
  const base = target.startsWith("/") ? [] : sourcePart.split("/").slice(0, -1);
  for (const seg of target.replace(/^\//, "").split("/")) {
    if (seg === "..") base.pop();
    else if (seg !== "." && seg !== "") base.push(seg);
  }
  return base.join("/");
}

async function relationships(zip: Zip, part: string): Promise<{ id: string; type: string; target: string }[]> {
  const folder = part.split("/").slice(0, -1).join("/");
  const relsName = `${folder ? `${folder}/` : ""}_rels/${part.split("/").pop()}.rels`;
  const xml = await partText(zip, relsName);
  if (xml === null) return [];
  return elements(xml, "Relationship")
    .filter((a) => a.get("TargetMode") !== "External")
    .map((a) => ({ id: a.get("Id") ?? "", type: a.get("Type") ?? "", target: resolveTarget(part, a.get("Target") ?? "") }));
}

export interface WorkbookParts {
  zip: Zip;
  /** xl/workbook.xml, whole (it is small): ExcelJS takes the date system from it. */
  workbookXml: string;
  sharedStrings: ZipEntry | null;
  styles: ZipEntry | null;
  /** The worksheets by the name the workbook gives them, in the workbook's order. */
  sheets: { name: string; part: string; entry: ZipEntry | undefined }[];
}

/** What the workbook holds, from the central directory and the workbook part: no sheet is read. */
export async function workbookParts(file: string): Promise<WorkbookParts> {
  const zip = await openZip(file);
  const officeDocument = (await relationships(zip, "")).find((r) => /\/officeDocument$/.test(r.type));
  const workbookPart = officeDocument?.target ?? "xl/workbook.xml";
  const workbookXml = await partText(zip, workbookPart);
  if (workbookXml === null) throw new XlsxError(`${workbookPart} is missing: not an Excel workbook`);
  const rels = await relationships(zip, workbookPart);
  const byType = (suffix: string) => rels.find((r) => r.type.endsWith(suffix));
  const entryOf = (r: { target: string } | undefined) => (r ? (findEntry(zip, r.target) ?? null) : null);
  const sheets = elements(workbookXml, "sheet").map((a) => {
    const rid = [...a].find(([k]) => /(^|:)id$/.test(k) && k !== "sheetId")?.[1];
    const rel = rels.find((r) => r.id === rid);
    const part = rel?.target ?? "";
    return { name: a.get("name") ?? "", part, entry: rel ? findEntry(zip, part) : undefined };
  });
  return { zip, workbookXml, sharedStrings: entryOf(byType("/sharedStrings")), styles: entryOf(byType("/styles")), sheets };
}
