"use client";
// Upload → dry-run preview (counts and every error per row) → confirm → progress → result.
// Both steps run as jobs on the server; the page polls for progress.
import { useRef, useState } from "react";
import type { ImportJobView } from "@/lib/import/jobs";
import type { ImportPageMessages } from "@/lib/i18n/areas/import";
import { FormMessage } from "@/app/_components/Field";
import { TableScroll } from "@/app/_components/TableScroll";

const SHOWN_ERRORS = 500;

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

export function ImportForm({ t }: { t: ImportPageMessages }) {
  const input = useRef<HTMLInputElement>(null);
  const [job, setJob] = useState<ImportJobView | null>(null);
  const [checked, setChecked] = useState<ImportJobView | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

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
    setBusy(true);
    if (mode === "dry-run") setChecked(null);
    try {
      const res = await fetch("/api/import", { method: "POST", body });
      if (!res.ok) {
        const problem = ((await res.json().catch(() => ({}))) as { error?: string }).error;
        setFormError(problem === "badNames" ? t.badNames : problem === "noFiles" ? t.noFiles : t.uploadFailed);
        return;
      }
      const { id } = (await res.json()) as { id: string };
      const finished = await poll(id, setJob);
      if (mode === "dry-run") setChecked(finished);
    } catch {
      setFormError(t.uploadFailed);
    } finally {
      setBusy(false);
    }
  }

  const running = job?.status === "running";
  const progressLabel = job?.progress.phase === "write" ? t.rowsWritten : t.rowsChecked;
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
        <FormMessage error={formError} />
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

      <div aria-live="polite">
        {running && (
          <div className="progress-box">
            <p>{job.dryRun ? t.checking : t.importing}</p>
            <label htmlFor="import-progress">{t.progress}</label>{" "}
            <progress id="import-progress" max={job.progress.total || undefined} value={job.progress.total ? job.progress.done : undefined} />{" "}
            <span>
              {job.progress.done} {job.progress.total ? `/ ${job.progress.total}` : ""} {progressLabel}
            </span>
          </div>
        )}

        {job?.status === "failed" && <FormMessage error={`${t.failed} ${job.failure ?? ""}`} />}

        {preview && !running && (!result || checked === job) && (
          <section aria-labelledby="preview-title">
            <h2 id="preview-title">{t.previewTitle}</h2>
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
            {preview.ok ? (
              <>
                <p>{t.readyToImport}</p>
                <button type="button" className="primary" disabled={busy} onClick={() => void start("import")}>
                  {t.import}
                </button>
              </>
            ) : (
              <>
                <h3>
                  {t.errorsTitle} ({preview.errors.length})
                </h3>
                <p>{t.errorsIntro}</p>
                <TableScroll label={t.errorsTitle}>
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
                      {preview.errors.slice(0, SHOWN_ERRORS).map((e, i) => (
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
                {preview.errors.length > SHOWN_ERRORS && (
                  <p>
                    {preview.errors.length - SHOWN_ERRORS} {t.moreErrors}
                  </p>
                )}
              </>
            )}
          </section>
        )}

        {result && job?.dryRun === false && (
          <section aria-labelledby="done-title">
            <h2 id="done-title">{t.doneTitle}</h2>
            <p>
              {t.imported}: {result.imported.participants} {t.participants}, {result.imported.activities} {t.activities},{" "}
              {result.imported.outcomes} {t.outcomes}. {t.updated}: {result.updated}.
            </p>
          </section>
        )}
      </div>
    </div>
  );
}
