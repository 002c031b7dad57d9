// Where import rows come from: a folder of CSV files or one XLSX workbook, read as streams so a
// file of 100 000 rows is never held in memory whole. Each table yields its rows as arrays of
// strings, the header first; blank rows are yielded too (as empty arrays) so row numbers stay
// the ones a spreadsheet shows. A workbook that cannot be read whole is an error of the import,
// never fewer rows (see ./xlsx.ts).
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

function csvTable(kind: FileKind, file: string): Table {
  const label = path.basename(file);
  return {
    kind,
    label,
    async *rows() {
      const delimiter = detectDelimiter(await readHeaderLine(file));
      const parser = createReadStream(file).pipe(
        parse({ bom: true, delimiter, relax_column_count: true, skip_empty_lines: false }),
      );
      let row = 0;
      try {
        for await (const cells of parser as AsyncIterable<string[]>) {
          row++;
          yield cells.length === 1 && cells[0] === "" ? [] : cells;
        }
      } catch (err) {
        throw new SourceError(label, row + 1, err instanceof Error ? err.message : String(err));
      }
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
