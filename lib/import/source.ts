// Where import rows come from: a folder of CSV files or one XLSX workbook, read as streams so a
// file of 100 000 rows is never held in memory whole. Each table yields its rows as arrays of
// strings, the header first; blank rows are yielded too (as empty arrays) so row numbers stay
// the ones a spreadsheet shows.
import { createReadStream } from "node:fs";
import { open, readdir, stat } from "node:fs/promises";
import path from "node:path";
import { parse } from "csv-parse";
// exceljs is loaded only for a workbook: loading it costs a CSV import most of a second of CPU.
import type ExcelJS from "exceljs";
import type { ImportMessage } from "./messages";
import { FILE_KINDS, type FileKind } from "./spec";

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

/**
 * ExcelJS's streaming reader, safe for any order of the parts in the file. It parses a worksheet
 * as soon as it has read the shared strings and the workbook's relations, and names it from
 * xl/workbook.xml; when a file's zip holds a worksheet before xl/workbook.xml (the order is the
 * writing program's choice: ExcelJS's own writer varies), that fails with "Cannot read properties
 * of undefined (reading 'sheets')" (exceljs#962, not fixed upstream). Here the relations are
 * withheld until xl/workbook.xml has been read, so such worksheets are set aside, as ExcelJS does
 * while shared strings are missing, and read at the end, named.
 */
async function workbookReader(file: string, options: ReaderOptions) {
  const { default: Excel } = await import("exceljs");
  class OrderSafeReader extends Excel.stream.xlsx.WorkbookReader {
    private relsRead: unknown;
    get workbookRels() {
      return this.model ? this.relsRead : undefined;
    }
    set workbookRels(rels: unknown) {
      this.relsRead = rels;
    }
  }
  return new OrderSafeReader(file, options);
}

/** The sheets of a workbook that carry a table of the contract, found in one streaming read. */
async function xlsxSheetNames(file: string): Promise<string[]> {
  const names: string[] = [];
  const reader = await workbookReader(file, { worksheets: "emit", sharedStrings: "ignore", hyperlinks: "ignore", styles: "ignore", entries: "ignore" });
  for await (const ws of reader) {
    names.push((ws as unknown as { name: string }).name);
    // Drain the sheet without keeping it.
    for await (const _row of ws as AsyncIterable<unknown>) void _row;
  }
  return names;
}

function xlsxTable(kind: FileKind, file: string, sheetName: string): Table {
  return {
    kind,
    label: sheetName,
    async *rows() {
      const reader = await workbookReader(file, { worksheets: "emit", sharedStrings: "cache", hyperlinks: "ignore", styles: "cache", entries: "ignore" });
      for await (const ws of reader) {
        if ((ws as unknown as { name: string }).name !== sheetName) {
          for await (const _row of ws as AsyncIterable<unknown>) void _row;
          continue;
        }
        let expected = 1;
        for await (const r of ws as AsyncIterable<ExcelJS.Row>) {
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
    const sheets = await xlsxSheetNames(target);
    return FILE_KINDS.filter((k) => sheets.includes(k)).map((k) => xlsxTable(k, target, k));
  }
  const kind = FILE_KINDS.find((k) => path.basename(target).toLowerCase() === `${k}.csv`);
  if (kind) return [csvTable(kind, target)];
  return [];
}
