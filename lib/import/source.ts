// Where import rows come from: a folder of CSV files or one XLSX workbook, read as streams so a
// file of 100 000 rows is never held in memory whole. Each table yields its rows as arrays of
// strings, the header first; blank rows are yielded too (as empty arrays) so row numbers stay
// the ones a spreadsheet shows. A workbook that cannot be read whole is an error of the import,
// never fewer rows (see ./xlsx.ts). A CSV file must be UTF-8 (the contract; a BOM is allowed, and
// UTF-16 with its BOM, as Excel's "Unicode text" writes it, is read too): a byte that is not is an
// error naming the row, never a name with garbled letters.
import { isUtf8 } from "node:buffer";
import { createReadStream } from "node:fs";
import { open, readdir, stat } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { parse } from "csv-parse";
// exceljs is loaded only for a workbook: loading it costs a CSV import most of a second of CPU.
import type ExcelJS from "exceljs";
import type { ImportMessage } from "./messages";
import { FILE_KINDS, type FileKind } from "./spec";
import { partStream, workbookParts, XlsxError, type WorkbookParts, type ZipEntry } from "./xlsx";

export interface Table {
  kind: FileKind;
  /** How errors name it: the CSV file name, or the sheet name of a workbook. */
  label: string;
  rows(): AsyncIterable<string[]>;
}

export class SourceError extends Error {
  constructor(
    public readonly label: string,
    public readonly row: number,
    message: string,
    /** How the import reports it; without it, as a file that cannot be read as CSV. */
    public readonly reason?: ImportMessage,
  ) {
    super(message);
  }
}

/** Comma or semicolon: whichever occurs more often, outside quotes, on the header line. */
export function detectDelimiter(headerLine: string): "," | ";" {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === ",") commas++;
    else if (!quoted && ch === ";") semicolons++;
  }
  return semicolons > commas ? ";" : ",";
}

async function readHeaderLine(file: string): Promise<string> {
  const fh = await open(file, "r");
  try {
    const buf = Buffer.alloc(64 * 1024);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    return buf.subarray(0, bytesRead).toString("utf8").replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0] ?? "";
  } finally {
    await fh.close();
  }
}

/** How many bytes of `buf` end on a whole UTF-8 character (the rest may go on in the next chunk). */
export function wholeUtf8Length(buf: Uint8Array): number {
  // Back from the end over at most three continuation bytes to the lead byte of the last character.
  let i = buf.length - 1;
  let back = 0;
  while (i >= 0 && back < 3 && (buf[i] & 0xc0) === 0x80) {
    i--;
    back++;
  }
  if (i < 0) return buf.length;
  const lead = buf[i];
  const need = lead >= 0xf0 && lead <= 0xf4 ? 4 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xc2 && lead <= 0xdf ? 2 : 1;
  // A lead byte whose character is not complete yet waits for the next chunk; anything else
  // (complete, or not UTF-8 at all) is for isUtf8 to judge.
  return need > 1 && back + 1 < need ? i : buf.length;
}

/** The length of the longest prefix of `b` that is valid UTF-8 (run only on a chunk found not to be). */
export function validUtf8Prefix(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    // Continuation bytes after the lead, and the range of the first (no overlong forms, no
    // surrogates, nothing above U+10FFFF), as the Unicode standard's table 3-7.
    let n: number;
    let min = 0x80;
    let max = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) n = 1;
    else if (c === 0xe0) [n, min] = [2, 0xa0];
    else if ((c >= 0xe1 && c <= 0xec) || c === 0xee || c === 0xef) n = 2;
    else if (c === 0xed) [n, max] = [2, 0x9f];
    else if (c === 0xf0) [n, min] = [3, 0x90];
    else if (c >= 0xf1 && c <= 0xf3) n = 3;
    else if (c === 0xf4) [n, max] = [3, 0x8f];
    else return i;
    if (i + n > b.length - 1 || b[i + 1] < min || b[i + 1] > max) return i;
    for (let k = 2; k <= n; k++) if ((b[i + k] & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return i;
}

interface Utf8Check {
  /** Set when a byte was found that is not UTF-8: the bytes before it were passed on, nothing after. */
  invalid: boolean;
  /** Whether the last byte passed on ends a line (then the bad byte begins a row of its own). */
  endsLine: boolean;
  /** Whether anything but a BOM was passed on. */
  passed: boolean;
  /** Whether the bytes passed on hold an odd number of quotes: the bad byte is inside a quoted field. */
  inQuotes: boolean;
}

/**
 * The file's bytes as they are, checked to be UTF-8 on the way through (chunk by chunk, a character
 * cut by a chunk's end carried to the next). At the first byte that is not, the bytes before it
 * are passed on and the stream ends, `check.invalid` telling why. A UTF-16 file (its BOM first)
 * passes unchecked: the parser decodes it.
 */
async function* utf8Checked(file: string, check: Utf8Check): AsyncGenerator<Buffer> {
  let carry: Buffer | null = null;
  let first = true;
  let utf16 = false;
  const pass = (bytes: Buffer) => {
    const bomOnly = !check.passed && bytes.length <= 3 && bytes.equals(UTF8_BOM.subarray(0, bytes.length));
    if (!bomOnly) check.passed = true;
    check.endsLine = bytes[bytes.length - 1] === 0x0a || bytes[bytes.length - 1] === 0x0d;
    // Quotes open and close fields ("" inside one counts twice): an odd count so far is inside one.
    for (let i = bytes.indexOf(0x22); i !== -1; i = bytes.indexOf(0x22, i + 1)) check.inQuotes = !check.inQuotes;
    return bytes;
  };
  for await (const raw of createReadStream(file) as AsyncIterable<Buffer>) {
    if (first) {
      first = false;
      utf16 = raw.length >= 2 && ((raw[0] === 0xff && raw[1] === 0xfe) || (raw[0] === 0xfe && raw[1] === 0xff));
    }
    if (utf16) {
      yield raw;
      continue;
    }
    const chunk: Buffer = carry ? Buffer.concat([carry, raw]) : raw;
    const whole = wholeUtf8Length(chunk);
    const body = chunk.subarray(0, whole);
    if (!isUtf8(body)) {
      check.invalid = true;
      const good = body.subarray(0, validUtf8Prefix(body));
      if (good.length) yield pass(good);
      yield* closing(check);
      return;
    }
    carry = whole < chunk.length ? Buffer.from(chunk.subarray(whole)) : null;
    if (body.length) yield pass(body);
  }
  // A character cut off by the end of the file.
  if (carry) {
    check.invalid = true;
    yield* closing(check);
  }
}

/**
 * After the last good byte: a quoted field left open is closed, so the parser ends on a row of its
 * own (cut where the bad byte was) instead of failing on the open quote and dropping the rows it
 * had read but not yet handed on.
 */
function* closing(check: Utf8Check): Generator<Buffer> {
  if (check.inQuotes) {
    check.endsLine = false;
    check.passed = true;
    yield Buffer.from('"\n');
  }
}

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

function csvTable(kind: FileKind, file: string): Table {
  const label = path.basename(file);
  return {
    kind,
    label,
    async *rows() {
      const delimiter = detectDelimiter(await readHeaderLine(file));
      const check: Utf8Check = { invalid: false, endsLine: true, passed: false, inQuotes: false };
      const source = Readable.from(utf8Checked(file, check), { objectMode: false });
      const parser = parse({ bom: true, delimiter, relax_column_count: true, skip_empty_lines: false });
      source.on("error", (err) => parser.destroy(err));
      source.pipe(parser);
      let row = 0;
      // Each row is passed on once the next has been read: when the file turns out not to be
      // UTF-8, the row it was cut in is never validated as a row (the error names it instead).
      let held: string[] | null = null;
      let parseError: unknown = null;
      try {
        for await (const cells of parser as AsyncIterable<string[]>) {
          if (held) yield held;
          row++;
          held = cells.length === 1 && cells[0] === "" ? [] : cells;
        }
      } catch (err) {
        parseError = err;
      }
      if (check.invalid) {
        // The bytes before the bad one ended a row (or were none): the bad one begins the next row.
        // Otherwise the last row read is the one it was cut in (a quoted field in it closed by
        // `closing`, so the row ends where the bad byte was).
        const cut = parseError === null && check.passed && !check.endsLine;
        if (held && !cut) yield held;
        const at = cut ? row : row + 1;
        throw new SourceError(label, Math.max(at, 1), "not UTF-8", { key: "notUtf8" });
      }
      if (held) yield held;
      if (parseError !== null) throw new SourceError(label, row + 1, parseError instanceof Error ? parseError.message : String(parseError));
    },
  };
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "object") {
    if ("richText" in v && Array.isArray(v.richText)) return v.richText.map((t) => t.text).join("");
    if ("text" in v && typeof v.text === "string") return v.text;
    if ("result" in v) return cellText((v as { result?: ExcelJS.CellValue }).result ?? null);
    if ("error" in v) return "";
  }
  return String(v);
}

type ReaderOptions = ConstructorParameters<typeof ExcelJS.stream.xlsx.WorkbookReader>[1];

/** The parts of ExcelJS's WorkbookReader (4.4) that parse one part's XML from a stream. */
interface ReaderInternals {
  workbookRels: unknown;
  sharedStrings: unknown;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseWorksheet(iterator: AsyncIterable<unknown>, sheetNo: string): Generator<unknown>;
}

/**
 * ExcelJS's streaming reader for one worksheet, fed the parts found by the zip's central
 * directory (./xlsx.ts) instead of its own front-to-back unzip: the workbook, the shared strings
 * and the styles first, then the sheet, so the sheet is parsed as it streams (ExcelJS's own walk
 * sets a sheet aside in a temporary file when it comes before those parts).
 */
async function sheetReader(parts: WorkbookParts, sheet: Readable, options: ReaderOptions) {
  const { default: Excel } = await import("exceljs");
  class CentralDirectoryReader extends Excel.stream.xlsx.WorkbookReader {
    async *parse() {
      const self = this as unknown as ReaderInternals;
      self.workbookRels = [];
      await self._parseWorkbook(Readable.from([Buffer.from(parts.workbookXml)]));
      if (parts.sharedStrings) yield* self._parseSharedStrings((await partStream(parts.zip, parts.sharedStrings)).stream);
      self.sharedStrings ??= [];
      if (parts.styles) await self._parseStyles((await partStream(parts.zip, parts.styles)).stream);
      yield* self._parseWorksheet(sheet, "1");
    }
  }
  return new CentralDirectoryReader(parts.zip.file, options);
}

/** A read error of a workbook as the import reports it: a clear sentence, the detail after it. */
function xlsxFailure(label: string, row: number, err: unknown): SourceError {
  if (err instanceof SourceError) return err;
  const detail = err instanceof Error ? err.message : String(err);
  return new SourceError(label, row, detail, { key: "badXlsx", detail });
}

function xlsxTable(kind: FileKind, parts: WorkbookParts, sheet: { name: string; part: string; entry: ZipEntry | undefined }): Table {
  const label = sheet.name;
  return {
    kind,
    label,
    async *rows() {
      if (!sheet.entry) throw xlsxFailure(label, 1, new XlsxError(`the sheet's part ${sheet.part || "(no relationship)"} is missing from the file`));
      let part: Awaited<ReturnType<typeof partStream>>;
      let read = 0;
      let expected = 1;
      try {
        part = await partStream(parts.zip, sheet.entry, { countRows: true });
      } catch (err) {
        throw xlsxFailure(label, 1, err);
      }
      try {
        const reader = await sheetReader(parts, part.stream, { worksheets: "emit", sharedStrings: "cache", hyperlinks: "ignore", styles: "cache", entries: "ignore" });
        for await (const ws of reader) {
          for await (const r of ws as AsyncIterable<ExcelJS.Row>) {
            read++;
            // The stream skips empty rows; yield blanks so numbering stays the spreadsheet's.
            while (expected < r.number) {
              yield [];
              expected++;
            }
            const values = (r.values as ExcelJS.CellValue[]).slice(1).map(cellText);
            while (values.length && values[values.length - 1] === "") values.pop();
            yield values;
            expected++;
          }
        }
      } catch (err) {
        throw xlsxFailure(label, expected, part.checked.failure ?? err);
      } finally {
        part.stream.destroy();
      }
      // Every byte of the sheet was checked (size, CRC-32), and every row it holds was yielded:
      // anything less is an error, never a short import.
      if (part.checked.failure) throw xlsxFailure(label, expected, part.checked.failure);
      if (!part.stream.readableEnded) throw xlsxFailure(label, expected, new XlsxError(`${sheet.part}: not read to the end`));
      if (read !== part.checked.rowTags) throw new SourceError(label, 1, `${read} of ${part.checked.rowTags} rows read`, { key: "xlsxRowsLost", found: part.checked.rowTags, read });
    },
  };
}

/** A workbook that cannot be opened: one table whose reading reports why, named by the file. */
function unreadableWorkbook(file: string, err: unknown): Table {
  const label = path.basename(file);
  return {
    kind: FILE_KINDS[0],
    label,
    async *rows() {
      throw xlsxFailure(label, 1, err);
    },
  };
}

/** The tables of a folder of CSV files or of one .xlsx workbook, in the order they are imported. */
export async function openSource(target: string): Promise<Table[]> {
  const info = await stat(target);
  if (info.isDirectory()) {
    const entries = await readdir(target);
    const tables: Table[] = [];
    for (const kind of FILE_KINDS) {
      const name = entries.find((e) => e.toLowerCase() === `${kind}.csv`);
      if (name) tables.push(csvTable(kind, path.join(target, name)));
    }
    return tables;
  }
  if (/\.xlsx$/i.test(target)) {
    let parts: WorkbookParts;
    try {
      parts = await workbookParts(target);
    } catch (err) {
      if (!(err instanceof XlsxError)) throw err;
      return [unreadableWorkbook(target, err)];
    }
    const tables: Table[] = [];
    for (const kind of FILE_KINDS) {
      const sheet = parts.sheets.find((s) => s.name === kind);
      if (sheet) tables.push(xlsxTable(kind, parts, sheet));
    }
    return tables;
  }
  const kind = FILE_KINDS.find((k) => path.basename(target).toLowerCase() === `${k}.csv`);
  if (kind) return [csvTable(kind, target)];
  return [];
}
