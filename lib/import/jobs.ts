// Import jobs started from the admin page: the upload is written to a private temporary folder,
// the importer runs in the server process, and the page polls the job for progress. Jobs live in
// memory (one server process); a restart forgets them, and the import itself is all-or-nothing.
import { randomUUID } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { getDb } from "@/db";
import { municipalities } from "@/db/schema";
import { eq } from "drizzle-orm";
import { safeMessage } from "@/lib/errors";
import { formatError } from "./format";
import type { ImportLang } from "./messages";
import { runImport, type ImportProgress, type ImportResult } from "./run";
import { openSource } from "./source";

export interface ImportJobView {
  id: string;
  dryRun: boolean;
  fileNames: string[];
  progress: ImportProgress;
  status: "running" | "done" | "failed";
  /** Set when done: counts and errors ready to show. */
  result?: {
    ok: boolean;
    planned: ImportResult["planned"];
    imported: ImportResult["imported"];
    updated: number;
    rows: number;
    errors: { file: string; row: number; column: string; message: string; line: string }[];
  };
  failure?: string;
}

interface Job extends ImportJobView {
  userId: string;
  municipalityId: string;
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

export async function startImportJob(opts: {
  userId: string;
  municipalityId: string;
  files: { name: string; data: Uint8Array }[];
  dryRun: boolean;
  lang: ImportLang;
}): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "etablera-upload-"));
  for (const f of opts.files) await writeFile(path.join(dir, path.basename(f.name).toLowerCase()), f.data);
  const id = randomUUID();
  const job: Job = {
    id,
    userId: opts.userId,
    municipalityId: opts.municipalityId,
    dryRun: opts.dryRun,
    fileNames: opts.files.map((f) => f.name),
    progress: { phase: "validate", done: 0, total: 0 },
    status: "running",
  };
  jobs.set(id, job);
  const db = getDb();
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
        onProgress: (p) => {
          job.progress = p;
        },
      });
      job.result = {
        ok: result.ok,
        planned: result.planned,
        imported: result.imported,
        updated: result.updated,
        rows: result.rows,
        errors: result.errors.map((e) => ({ file: e.label, row: e.row, column: e.column, message: formatError(e, opts.lang).split(": ").slice(2).join(": "), line: formatError(e, opts.lang) })),
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

/** The job, only for the admin who started it. */
export function getImportJob(id: string, userId: string): ImportJobView | null {
  const job = jobs.get(id);
  if (!job || job.userId !== userId) return null;
  const { userId: _u, municipalityId: _m, ...view } = job;
  return view;
}

/** The admin's own recent import jobs, newest first (for picking up a progress view again). */
export function listImportJobs(userId: string): ImportJobView[] {
  return [...jobs.values()]
    .filter((j) => j.userId === userId)
    .reverse()
    .map((job) => {
      const { userId: _u, municipalityId: _m, ...view } = job;
      return view;
    });
}
