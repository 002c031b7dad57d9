"use client";
// Upload → dry-run preview (counts, every error and warning per row) → confirm → progress → result.
// Both steps run as jobs on the server; the page polls for progress. When a preview or a result
// arrives, focus moves to its heading (the button that started it was disabled meanwhile, and
// focus would otherwise fall to the page); a screen reader hears one short sentence from the
// status line, not the whole table of errors.
import { useEffect, useRef, useState } from "react";
import Link from "@/app/_components/Link";
import type { ImportIssueView, ImportJobView } from "@/lib/import/jobs";
import type { ImportPageMessages } from "@/lib/i18n/areas/import";
import { FormMessage } from "@/app/_components/Field";
import { useFocusAfterUpdate } from "@/app/_components/useFocusAfterUpdate";
import { TableScroll } from "@/app/_components/TableScroll";

async function poll(id: string, onUpdate: (job: ImportJobView) => void): Promise<ImportJobView> {
  for (;;) {
    const res = await fetch(`/api/import/${id}`, { cache: "no-store" });
    if (!res.ok) throw new Error(String(res.status));
    const job = (await res.json()) as ImportJobView;
    onUpdate(job);
    if (job.status !== "running") return job;
    await new Promise((r) => setTimeout(r, 400));
  }
}

const fill = (template: string, values: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));

function IssueTable({ issues, caption, t }: { issues: ImportIssueView[]; caption: string; t: ImportPageMessages }) {
  return (
    <TableScroll label={caption}>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t.file}</th>
            <th scope="col">{t.row}</th>
            <th scope="col">{t.column}</th>
            <th scope="col">{t.message}</th>
          </tr>
        </thead>
        <tbody>
          {issues.map((e, i) => (
            <tr key={i}>
              <td>{e.file}</td>
              <td>{e.row}</td>
              <td>{e.column}</td>
              <td>{e.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

export function ImportForm({ t, userId }: { t: ImportPageMessages; userId: string }) {
  const input = useRef<HTMLInputElement>(null);
  const [job, setJob] = useState<ImportJobView | null>(null);
  const [checked, setChecked] = useState<ImportJobView | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState("");
  const [focusId, setFocusId] = useState<string | null>(null);
  // An upload refused: the reason takes focus (the button pressed was disabled while sending).
  const message = useFocusAfterUpdate();

  // Focus the heading of what has just arrived, once it is on the page.
  useEffect(() => {
    if (!focusId) return;
    document.getElementById(focusId)?.focus();
    setFocusId(null);
  }, [focusId]);

  async function start(mode: "dry-run" | "import") {
    setFormError(null);
    const files = Array.from(input.current?.files ?? []);
    if (files.length === 0) {
      setFormError(t.noFiles);
      input.current?.focus();
      return;
    }
    const body = new FormData();
    for (const f of files) body.append("files", f);
    body.append("mode", mode);
    if (mode === "import" && checked?.result) body.append("rows", String(checked.result.rows));
    setBusy(true);
    setStatus(mode === "dry-run" ? t.statusChecking : t.statusImporting);
    if (mode === "dry-run") setChecked(null);
    try {
      const res = await fetch("/api/import", { method: "POST", body });
      if (!res.ok) {
        const problem = ((await res.json().catch(() => ({}))) as { error?: string }).error;
        setFormError(problem === "badNames" ? t.badNames : problem === "noFiles" ? t.noFiles : t.uploadFailed);
        message.focus();
        setStatus("");
        return;
      }
      const { id } = (await res.json()) as { id: string };
      const finished = await poll(id, setJob);
      if (finished.status === "failed") {
        setStatus(t.statusFailed);
        setFocusId("import-failed");
      } else if (mode === "dry-run") {
        setChecked(finished);
        const r = finished.result;
        setStatus(r && !r.ok ? fill(t.statusPreviewErrors, { n: r.errorCount }) : t.statusPreviewOk);
        setFocusId("preview-title");
      } else {
        setStatus(finished.result?.ok === false ? fill(t.statusPreviewErrors, { n: finished.result.errorCount }) : t.statusDone);
        setFocusId(finished.result?.ok === false ? "preview-title" : "done-title");
        if (finished.result?.ok === false) setChecked(finished);
      }
    } catch {
      setFormError(t.uploadFailed);
      message.focus();
      setStatus("");
    } finally {
      setBusy(false);
    }
  }

  const running = job?.status === "running";
  const progress = job?.progress;
  const progressLabel = progress?.phase === "write" && progress.step ? t.steps[progress.step] : job?.dryRun ? t.rowsChecked : t.preparing;
  const result = job?.status === "done" ? job.result : undefined;
  const preview = checked?.result;

  return (
    <div className="import">
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          void start("dry-run");
        }}
      >
        <FormMessage error={formError} focusRef={message.ref} />
        <div className="field">
          <label htmlFor="import-files">{t.files}</label>
          <input
            ref={input}
            id="import-files"
            name="files"
            type="file"
            multiple
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby="import-files-help"
            onChange={() => {
              setChecked(null);
              setJob(null);
              setStatus("");
            }}
          />
          <p id="import-files-help" className="help">
            {t.filesHelp}
          </p>
        </div>
        <div>
          <button type="submit" disabled={busy}>
            {t.check}
          </button>
        </div>
      </form>

      {/* One short sentence for screen readers; the tables below are read when the user goes there. */}
      <p role="status" className="visually-hidden" data-testid="import-status">
        {status}
      </p>

      {running && progress && (
        <div className="progress-box">
          <p>{job.dryRun ? t.checking : t.importing}</p>
          <label htmlFor="import-progress">{t.progress}</label>{" "}
          <progress id="import-progress" max={progress.total || undefined} value={progress.total ? progress.done : undefined} />{" "}
          <span>
            {progressLabel}: {progress.total ? fill(t.progressOf, { done: progress.done, total: progress.total }) : progress.done}
          </span>
        </div>
      )}

      {job?.status === "failed" && (
        <p id="import-failed" tabIndex={-1} role="alert" className="form-error">
          {t.failed} {job.failure ?? ""}
        </p>
      )}

      {preview && !running && (!result || checked === job) && (
        <section aria-labelledby="preview-title">
          <h2 id="preview-title" tabIndex={-1}>
            {t.previewTitle}
          </h2>
          {preview.ok ? (
            <>
              <dl className="facts">
                <dt>{t.willCreate}</dt>
                <dd>{preview.planned.participantsCreate}</dd>
                <dt>{t.willUpdate}</dt>
                <dd>{preview.planned.participantsUpdate}</dd>
                <dt>{t.activityRows}</dt>
                <dd>{preview.planned.activities}</dd>
                <dt>{t.outcomesCreate}</dt>
                <dd>{preview.planned.outcomesCreate}</dd>
                <dt>{t.outcomesUpdate}</dt>
                <dd>{preview.planned.outcomesUpdate}</dd>
              </dl>
              {preview.planned.unassigned > 0 && <p className="notice">{fill(t.unassigned, { n: preview.planned.unassigned })}</p>}
              {preview.dueForGallring > 0 && <p className="notice">{fill(t.dueForGallring, { n: preview.dueForGallring })}</p>}
              <p>{t.readyToImport}</p>
              <button type="button" className="primary" disabled={busy} onClick={() => void start("import")}>
                {t.import}
              </button>
            </>
          ) : (
            <>
              <p>{fill(t.rowsCheckedCount, { n: preview.rows })}</p>
              <h3>
                {t.errorsTitle} ({preview.errorCount})
              </h3>
              <p>{t.errorsIntro}</p>
              <p>
                <a href={`/api/import/${checked!.id}/fel`} download>
                  {fill(t.downloadErrors, { n: preview.errorCount })}
                </a>
              </p>
              {preview.errorCount > preview.errors.length && <p>{fill(t.errorsShown, { shown: preview.errors.length, total: preview.errorCount })}</p>}
              <IssueTable issues={preview.errors} caption={t.errorsTitle} t={t} />
            </>
          )}
          {preview.warningCount > 0 && (
            <>
              <h3>
                {t.warningsTitle} ({preview.warningCount})
              </h3>
              <p>{t.warningsIntro}</p>
              <IssueTable issues={preview.warnings} caption={t.warningsTitle} t={t} />
              {preview.warningCount > preview.warnings.length && <p>{fill(t.warningsMore, { n: preview.warningCount - preview.warnings.length })}</p>}
            </>
          )}
        </section>
      )}

      {result && result.ok && job?.dryRun === false && (
        <section aria-labelledby="done-title">
          <h2 id="done-title" tabIndex={-1}>
            {t.doneTitle}
          </h2>
          <p>
            {t.imported}: {result.imported.participants} {t.participants}, {result.imported.activities} {t.activities},{" "}
            {result.imported.outcomes} {t.outcomes}. {t.updated}: {result.updated}.
          </p>
          {result.planned.unassigned > 0 && <p className="notice">{fill(t.unassigned, { n: result.planned.unassigned })}</p>}
          {result.dueForGallring > 0 && <p className="notice">{fill(t.dueForGallring, { n: result.dueForGallring })}</p>}
          <p>{t.doneWhere}</p>
          <p>
            {/* From the Swedish day the server started the import on, as the log's filter reads its days. */}
            <Link href={`/admin/logg?${new URLSearchParams({ userId, action: "participant.import.", from: job.startedOn })}`}>{t.doneLog}</Link>
          </p>
          {result.warningCount > 0 && (
            <>
              <h3>
                {t.warningsTitle} ({result.warningCount})
              </h3>
              <IssueTable issues={result.warnings} caption={t.warningsTitle} t={t} />
              {result.warningCount > result.warnings.length && <p>{fill(t.warningsMore, { n: result.warningCount - result.warnings.length })}</p>}
            </>
          )}
        </section>
      )}
    </div>
  );
}
