// Gallring started from /admin/gallring runs as a job in the server process, and the page polls it
// for progress: a region's admin may have 15 000 due cases, each anonymised in its own transaction,
// minutes of work that one request would hold with nothing to show. One job a municipality at a
// time; jobs live in memory (one server process) and a restart forgets them. What was anonymised
// stays anonymised (each case is its own transaction, audited), and the page shows what is left.
import { randomUUID } from "node:crypto";
import type { Db } from "@/db";
import { safeMessage } from "@/lib/errors";
import { findDueCases, runGallring } from "./retention";

export interface GallringJobView {
  id: string;
  status: "running" | "done" | "failed";
  /** Cases anonymised so far, of `total` due when the job started. */
  done: number;
  total: number;
  failure?: string;
}

interface Job extends GallringJobView {
  municipalityId: string;
}

const store = globalThis as unknown as { __etableraGallringJobs?: Map<string, Job> };
const jobs = (store.__etableraGallringJobs ??= new Map<string, Job>());

/** How long a finished job can still be looked at. */
const KEEP_FINISHED_MS = 60 * 60 * 1000;

const view = ({ municipalityId: _m, ...v }: Job): GallringJobView => ({ ...v });

/** The municipality's job that is still running, if any. */
export function runningGallringJob(municipalityId: string): GallringJobView | null {
  const job = [...jobs.values()].find((j) => j.municipalityId === municipalityId && j.status === "running");
  return job ? view(job) : null;
}

/** A job, only for an admin of the municipality it runs in. */
export function getGallringJob(id: string, municipalityId: string): GallringJobView | null {
  const job = jobs.get(id);
  return job && job.municipalityId === municipalityId ? view(job) : null;
}

export type StartGallring = { ok: true; job: GallringJobView } | { ok: false; reason: "changed" | "running"; job?: GallringJobView };

/**
 * Starts anonymising the municipality's due cases, if they are as many as the admin saw in the
 * preview (`expected`); otherwise "changed", and the admin looks again. While a job runs, another
 * is not started ("running", with that job).
 */
export async function startGallringJob(db: Db, opts: { municipalityId: string; actorId: string; asOf: string; expected: number }): Promise<StartGallring> {
  const running = runningGallringJob(opts.municipalityId);
  if (running) return { ok: false, reason: "running", job: running };
  const cases = await findDueCases(db, { asOf: opts.asOf, municipalityId: opts.municipalityId });
  if (cases.length !== opts.expected) return { ok: false, reason: "changed" };
  // Checked again now that the cases are found: two admins may have pressed at the same moment.
  const other = runningGallringJob(opts.municipalityId);
  if (other) return { ok: false, reason: "running", job: other };
  const job: Job = { id: randomUUID(), municipalityId: opts.municipalityId, status: "running", done: 0, total: cases.length };
  jobs.set(job.id, job);
  void (async () => {
    try {
      await runGallring(db, {
        asOf: opts.asOf,
        dryRun: false,
        municipalityId: opts.municipalityId,
        actorId: opts.actorId,
        cases,
        onProgress: (done) => {
          job.done = done;
        },
      });
      job.status = "done";
    } catch (err) {
      console.error(`[gallring ${job.id}] failed:`, safeMessage(err));
      job.status = "failed";
      job.failure = safeMessage(err);
    } finally {
      setTimeout(() => jobs.delete(job.id), KEEP_FINISHED_MS).unref?.();
    }
  })();
  return { ok: true, job: view(job) };
}
