"use client";
// Ask → confirm → progress → result. "Anonymisera nu" first asks once more, saying how many cases go
// and that it cannot be undone; only "Ja, anonymisera N ärenden" starts the run. The run is a job on
// the server; the form asks for its progress until it is done, then the page is read again (the
// preview shows what is left). Each step's answer is said in one place, where the focus goes: the
// buttons pressed are gone by then.
import { useActionState, useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { gallringJobServer, runGallringServer, type GallringState } from "./actions";
import type { GallringJobView } from "@/lib/privacy/gallring-jobs";
import type { PrivacyMessages } from "@/lib/i18n/areas/privacy";

const POLL_MS = 700;

type T = PrivacyMessages["gallring"];
type Answer = { ok: boolean; text: string } | null;

/** "1 ärende" or "3 ärenden": the sentence that fits the count. */
const count = (n: number, one: string, many: string) => (n === 1 ? one : many.replace("{n}", n.toLocaleString("sv-SE")));

function finished(job: GallringJobView, t: T): Answer {
  if (job.status === "failed") return { ok: false, text: `${t.failed} ${job.failure ?? ""}`.trim() };
  const left = job.total - job.done;
  return { ok: true, text: [count(job.done, t.doneOne, t.done), left > 0 ? count(left, t.skippedOne, t.skipped) : ""].filter(Boolean).join(" ") };
}

export function RunForm({
  expected,
  running,
  t,
}: {
  expected: number;
  /** A job of the municipality already running when the page was made. */
  running: GallringJobView | null;
  t: T;
}) {
  const router = useRouter();
  const [state, action, pending] = useActionState<GallringState, FormData>(runGallringServer, running ? { job: running } : {});
  const [job, setJob] = useState<GallringJobView | null>(state.job ?? null);
  const [confirming, setConfirming] = useState(false);
  const [answer, setAnswer] = useState<Answer>(null);
  const answerRef = useRef<HTMLParagraphElement>(null);
  const yesRef = useRef<HTMLButtonElement>(null);
  const runRef = useRef<HTMLButtonElement>(null);
  const back = useRef(false);
  const initial = useRef(state);

  const say = (a: Answer) => {
    setAnswer(a);
    requestAnimationFrame(() => answerRef.current?.focus());
  };

  // The server's answer to "Ja, anonymisera": the job started, or why not.
  useEffect(() => {
    if (state === initial.current) return;
    setJob(state.job ?? null);
    setConfirming(false);
    if (state.error) say({ ok: false, text: state.error });
    else if (state.job) say({ ok: true, text: count(state.job.total, t.startedOne, t.started) });
    // Changed since the page was made: the preview is read again.
    if (state.error && !state.job) router.refresh();
  }, [state]);

  useEffect(() => {
    if (job?.status !== "running") return;
    let live = true;
    const timer = setTimeout(async () => {
      const next = await gallringJobServer(job.id).catch(() => job);
      if (!live) return;
      const now = next ?? { ...job, status: "failed" as const };
      setJob(now);
      if (now.status !== "running") {
        say(finished(now, t));
        router.refresh();
      }
    }, POLL_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [job, router]);

  useEffect(() => {
    if (confirming) yesRef.current?.focus();
    else if (back.current) runRef.current?.focus();
    back.current = false;
  }, [confirming]);

  const cancel = () => {
    back.current = true;
    setConfirming(false);
  };

  const busy = pending || job?.status === "running";
  return (
    <div className="form">
      <p ref={answerRef} tabIndex={-1} role={answer && !answer.ok ? "alert" : "status"} className={answer ? (answer.ok ? "success" : "form-error") : undefined} data-testid="gallring-answer">
        {answer?.text}
      </p>
      {job?.status === "running" && (
        <div className="progress-box">
          <label htmlFor="gallring-progress">{t.progress}</label> <progress id="gallring-progress" max={job.total} value={job.done} />{" "}
          <span>
            {job.done} / {job.total}
          </span>
        </div>
      )}
      {expected > 0 &&
        job?.status !== "running" &&
        (confirming ? (
          <div className="confirm-box" role="group" aria-labelledby="gallring-confirm-q" aria-describedby="gallring-confirm-explain" onKeyDown={(e) => e.key === "Escape" && cancel()}>
            <p id="gallring-confirm-q">
              <strong>{count(expected, t.confirmQuestionOne, t.confirmQuestion)}</strong>
            </p>
            <p id="gallring-confirm-explain">{t.confirmExplain}</p>
            <form action={action} className="actions-row">
              {/* The admin confirms the exact set previewed: if it changed meanwhile, nothing runs. */}
              <input type="hidden" name="expected" value={expected} />
              <input type="hidden" name="confirmed" value="yes" />
              <button type="submit" ref={yesRef} className="primary" disabled={pending}>
                {count(expected, t.confirmYesOne, t.confirmYes)}
              </button>
              <button type="button" onClick={cancel} disabled={pending}>
                {t.cancel}
              </button>
            </form>
          </div>
        ) : (
          <div className="actions-row">
            <button type="button" ref={runRef} className="primary" onClick={() => setConfirming(true)} disabled={busy}>
              {t.run}
            </button>
          </div>
        ))}
    </div>
  );
}
