"use client";
// Closing the case on a date (the list's "avslutad") or reopening it. The same zod schema as the
// server action; a stale page gets the server's conflict message.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@/lib/i18n/zod-resolver";
import type { z } from "zod";
import { caseStateSchema, type CaseStateInput } from "@/lib/participants/schema";
import { setCaseStateServer } from "../../actions";
import { FormMessage } from "@/app/_components/Field";
import { SubmitButton } from "@/app/_components/SubmitButton";

export function CaseStateForm({ participantId, version, closedAt, today, t }: {
  participantId: string;
  version: number;
  closedAt: string | null;
  today: string;
  t: { caseOpen: string; caseClosedOn: string; closeDate: string; closeCase: string; reopenCase: string };
}) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<CaseStateInput, unknown, z.output<typeof caseStateSchema>>({
    resolver: zodResolver(caseStateSchema),
    defaultValues: { participantId, version, closedDate: closedAt ? "" : today },
  });
  const err = form.formState.errors.closedDate?.message;
  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    const r = await setCaseStateServer(values);
    if (r.ok) return router.refresh();
    if (r.fieldErrors?.closedDate) form.setError("closedDate", { message: r.fieldErrors.closedDate[0] });
    else setFormError(r.formError ?? null);
  });
  return (
    <form onSubmit={onSubmit} noValidate className="inline-form" aria-label={closedAt ? t.reopenCase : t.closeCase}>
      <p data-testid="case-state">{closedAt ? `${t.caseClosedOn} ${closedAt}.` : t.caseOpen}</p>
      {!closedAt && (
        <div className="field">
          <label htmlFor="case-close-date">{t.closeDate}</label>
          <input id="case-close-date" type="date" {...form.register("closedDate")} aria-invalid={err ? true : undefined} aria-describedby={err ? "case-close-date-error" : undefined} />
          {err && (
            <p id="case-close-date-error" className="field-error">
              {err}
            </p>
          )}
        </div>
      )}
      <div>
        <SubmitButton pending={form.formState.isSubmitting}>{closedAt ? t.reopenCase : t.closeCase}</SubmitButton>
      </div>
      <FormMessage error={formError} />
    </form>
  );
}
