// Import jobs started from the admin page: the upload is written to a private temporary folder,
// the importer runs in the server process, and the page polls the job for progress. Jobs live in
// memory (one server process); a restart forgets them, and the import itself is all-or-nothing.
// The progress is kept here, in memory, and not in the database: the import's transaction would
// hide it from everyone else until it ends (and with embedded PGlite it holds the one connection).
import { randomUUID } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { getDb, type Db } from "@/db";
import { municipalities } from "@/db/schema";
import { eq } from "drizzle-orm";
import { safeMessage } from "@/lib/errors";
import { todayIso, type IsoDate } from "@/lib/dates";
import { renderImportMessage, type ImportLang } from "./messages";
import { runImport, type ImportProgress, type ImportResult } from "./run";
import { openSource } from "./source";
import type { RowError } from "./validate";

/** Errors and warnings the page gets with the result; the rest of the errors are in the CSV download. */
export const SHOWN_ISSUES = 500;

export interface ImportIssueView {
  file: string;
  row: number;
  column: string;
  message: string;
}

export interface ImportJobView {
  id: string;
  /**
   * The Swedish day the job started on (the server's, lib/dates): its audit entries are from then
   * on, so the result links to the log from that day, right across midnight and time zones.
   */
  startedOn: IsoDate;
  dryRun: boolean;
  fileNames: string[];
  progress: ImportProgress;
  status: "running" | "done" | "failed";
  /** Set when done: counts, the first errors and warnings, ready to show. */
  result?: {
    ok: boolean;
    planned: ImportResult["planned"];
    imported: ImportResult["imported"];
    updated: number;
    rows: number;
    /** All errors found; `errors` holds the first SHOWN_ISSUES of them. */
    errorCount: number;
    errors: ImportIssueView[];
    warningCount: number;
    warnings: ImportIssueView[];
    dueForGallring: number;
  };
  failure?: string;
}

interface Job extends ImportJobView {
  userId: string;
  municipalityId: string;
  lang: ImportLang;
  /** Every error as the importer found it (no copies in words): the CSV download renders them. */
  allErrors: RowError[];
}

const store = globalThis as unknown as { __etableraImportJobs?: Map<string, Job> };
const jobs = (store.__etableraImportJobs ??= new Map<string, Job>());

export const ALLOWED_NAMES = ["participants.csv", "activities.csv", "outcomes.csv"];

/** Checks the uploaded names: the three CSV names of the contract, or one .xlsx workbook. */
export function checkFileNames(names: string[]): string | null {
  if (names.length === 0) return "noFiles";
  if (names.length === 1 && /\.xlsx$/i.test(names[0])) return null;
  if (names.every((n) => ALLOWED_NAMES.includes(n.toLowerCase())) && new Set(names.map((n) => n.toLowerCase())).size === names.length) return null;
  return "badNames";
}

const issueView = (lang: ImportLang) => (e: RowError): ImportIssueView => ({ file: e.label, row: e.row, column: e.column, message: renderImportMessage(e.message, lang) });

export async function startImportJob(opts: {
  userId: string;
  municipalityId: string;
  files: { name: string; data: Uint8Array }[];
  dryRun: boolean;
  lang: ImportLang;
  /** The rows the preview counted: the total of the checking's progress bar. */
  expectedRows?: number;
  /** The database to run on; tests pass their own. */
  db?: Db;
}): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "etablera-upload-"));
  for (const f of opts.files) await writeFile(path.join(dir, path.basename(f.name).toLowerCase()), f.data);
  const id = randomUUID();
  const job: Job = {
    id,
    userId: opts.userId,
    municipalityId: opts.municipalityId,
    lang: opts.lang,
    dryRun: opts.dryRun,
    startedOn: todayIso(),
    fileNames: opts.files.map((f) => f.name),
    progress: { phase: "validate", done: 0, total: opts.expectedRows ?? 0 },
    status: "running",
    allErrors: [],
  };
  jobs.set(id, job);
  const db = opts.db ?? getDb();
  void (async () => {
    try {
      const [m] = await db.select().from(municipalities).where(eq(municipalities.id, opts.municipalityId));
      const xlsx = opts.files.length === 1 && /\.xlsx$/i.test(opts.files[0].name);
      const tables = await openSource(xlsx ? path.join(dir, path.basename(opts.files[0].name).toLowerCase()) : dir);
      const result = await runImport(db, tables, {
        dryRun: opts.dryRun,
        municipalityCode: m.code,
        userId: opts.userId,
        sourceName: job.fileNames.join(", "),
        expectedRows: opts.expectedRows,
        onProgress: (p) => {
          job.progress = p;
        },
      });
      const view = issueView(opts.lang);
      job.allErrors = result.errors;
      job.result = {
        ok: result.ok,
        planned: result.planned,
        imported: result.imported,
        updated: result.updated,
        rows: result.rows,
        errorCount: result.errors.length,
        errors: result.errors.slice(0, SHOWN_ISSUES).map(view),
        warningCount: result.warningCount,
        warnings: result.warnings.slice(0, SHOWN_ISSUES).map(view),
        dueForGallring: result.dueForGallring,
      };
      job.status = "done";
    } catch (err) {
      console.error(`[import ${id}] failed:`, safeMessage(err));
      job.status = "failed";
      job.failure = safeMessage(err);
    } finally {
      job.progress = { ...job.progress, phase: "done" };
      await rm(dir, { recursive: true, force: true });
      // Forget finished jobs after an hour.
      setTimeout(() => jobs.delete(id), 60 * 60 * 1000).unref?.();
    }
  })();
  return id;
}

function viewOf(job: Job): ImportJobView {
  const { userId: _u, municipalityId: _m, lang: _l, allErrors: _e, ...view } = job;
  return view;
}

/** The job, only for the admin who started it. */
export function getImportJob(id: string, userId: string): ImportJobView | null {
  const job = jobs.get(id);
  if (!job || job.userId !== userId) return null;
  return viewOf(job);
}

/**
 * While the job runs: its progress and nothing else, for the admin who started it. The progress
 * poll answers from this alone, without the database (the import's transaction may hold it); the
 * result, with the files' errors, is given by getImportJob once the user has been checked again.
 */
export function getImportJobProgress(id: string, userId: string): Pick<ImportJobView, "id" | "dryRun" | "fileNames" | "progress" | "status"> | null {
  const job = jobs.get(id);
  if (!job || job.userId !== userId) return null;
  return { id: job.id, dryRun: job.dryRun, fileNames: job.fileNames, progress: job.progress, status: job.status };
}

/** The admin's own recent import jobs, newest first (for picking up a progress view again). */
export function listImportJobs(userId: string): ImportJobView[] {
  return [...jobs.values()]
    .filter((j) => j.userId === userId)
    .reverse()
    .map(viewOf);
}

const CSV_HEADER: Record<ImportLang, string[]> = { sv: ["fil", "rad", "kolumn", "fel"], en: ["file", "row", "column", "error"] };

/** A CSV cell as Swedish Excel reads it (semicolons); a cell a spreadsheet would run as a formula gets a '. */
function csvCell(v: string | number): string {
  let s = String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[";\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * Every error of a finished job as CSV (UTF-8 with BOM, semicolons), in chunks as it is read:
 * rendered from the errors the job keeps, never all at once. Null unless the job is the user's.
 */
export function importErrorsCsv(id: string, userId: string): { fileName: string; chunks: () => Generator<string> } | null {
  const job = jobs.get(id);
  if (!job || job.userId !== userId || job.status !== "done") return null;
  const errors = job.allErrors;
  const lang = job.lang;
  return {
    fileName: lang === "sv" ? "importfel.csv" : "import-errors.csv",
    *chunks() {
      yield "\uFEFF" + CSV_HEADER[lang].join(";") + "\r\n";
      for (let i = 0; i < errors.length; i += 1000) {
        yield errors
          .slice(i, i + 1000)
          .map((e) => [e.label, e.row, e.column, renderImportMessage(e.message, lang)].map(csvCell).join(";") + "\r\n")
          .join("");
      }
    },
  };
}
