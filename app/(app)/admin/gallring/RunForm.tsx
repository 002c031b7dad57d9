"use client";
// Confirm → progress → result. The run is a job on the server; the form asks for its progress
// until it is done, then the page is read again (the preview shows what is left).
import { useActionState, useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { gallringJobServer, runGallringServer, type GallringState } from "./actions";
import type { GallringJobView } from "@/lib/privacy/gallring-jobs";
import { FormMessage } from "@/app/_components/Field";

const POLL_MS = 700;

export function RunForm({
  expected,
  running,
  labels,
}: {
  expected: number;
  /** A job of the municipality already running when the page was made. */
  running: GallringJobView | null;
  labels: { run: string; done: string; progress: string; failed: string };
}) {
  const router = useRouter();
  const [state, action, pending] = useActionState<GallringState, FormData>(runGallringServer, running ? { job: running } : {});
  const [job, setJob] = useState<GallringJobView | null>(state.job ?? null);

  useEffect(() => setJob(state.job ?? null), [state]);
  useEffect(() => {
    if (job?.status !== "running") return;
    let live = true;
    const timer = setTimeout(async () => {
      const next = await gallringJobServer(job.id).catch(() => job);
      if (!live) return;
      setJob(next ?? { ...job, status: "failed" });
      if (next && next.status !== "running") router.refresh();
    }, POLL_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [job, router]);

  const busy = pending || job?.status === "running";
  return (
    <form action={action} className="form">
      <FormMessage
        error={job?.status === "failed" ? `${labels.failed} ${job.failure ?? ""}` : state.error}
        success={job?.status === "done" ? `${labels.done} ${job.done}` : null}
      />
      {job?.status === "running" && (
        <div className="progress-box" aria-live="polite">
          <label htmlFor="gallring-progress">{labels.progress}</label>{" "}
          <progress id="gallring-progress" max={job.total} value={job.done} />{" "}
          <span>
            {job.done} / {job.total}
          </span>
        </div>
      )}
      <input type="hidden" name="expected" value={expected} />
      {expected > 0 && (
        <button type="submit" className="primary" disabled={busy}>
          {labels.run}
        </button>
      )}
    </form>
  );
}
