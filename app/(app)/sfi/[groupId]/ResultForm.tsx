"use client";
// A course grade or national test result for one student of the group. After a save the grade and
// date are cleared (the student and kind stay), so a second click does not record it twice; the
// server refuses an identical result too.
import { useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@/lib/i18n/zod-resolver";
import { z } from "zod";
import { resultSchema } from "@/lib/sfi/schema";
import type { SfiMessages } from "@/lib/i18n/areas/sfi";
import { recordResultServer } from "./actions";
import { FormMessage, setFieldErrors } from "@/app/_components/Field";
import { SubmitButton } from "@/app/_components/SubmitButton";

type FormInput = z.input<typeof resultSchema>;

export function ResultForm({ groupId, students, today, t }: { groupId: string; students: { id: string; name: string }[]; today: string; t: SfiMessages }) {
  const [status, setStatus] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, formState, setError, reset } = useForm<FormInput>({
    resolver: zodResolver(resultSchema),
    defaultValues: { groupId, participantId: "", kind: "kursbetyg", resultDate: today },
  });
  const onSubmit = handleSubmit(async (data) => {
    setStatus(null);
    setFormError(null);
    const res = await recordResultServer(data);
    if (res.ok) {
      // The empty choice ("–"): an undefined value would leave the select as it was.
      reset({ groupId, participantId: data.participantId, kind: data.kind, grade: "" as FormInput["grade"], resultDate: today });
      setStatus(t.resultSaved);
      return;
    }
    // The server's own words: next to the field it is about, or above the form.
    setFieldErrors(setError, res.fieldErrors);
    if (Object.keys(res.fieldErrors ?? {}).length === 0) setFormError(res.formError ?? null);
  });
  const e = formState.errors;
  const described = (name: keyof FormInput) => (e[name] ? { "aria-invalid": true, "aria-describedby": `${name}-error` } : {});
  return (
    <form onSubmit={onSubmit} noValidate className="form result-form" aria-label={t.resultTitle}>
      <FormMessage error={formError} />
      <div className="field">
        <label htmlFor="participantId">{t.student}</label>
        <select id="participantId" {...register("participantId")} {...described("participantId")}>
          <option value="">{t.chooseStudent}</option>
          {students.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
        {e.participantId && (
          <p id="participantId-error" className="field-error">
            {e.participantId.message}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor="kind">{t.kind}</label>
        <select id="kind" {...register("kind")}>
          <option value="kursbetyg">{t.kursbetyg}</option>
          <option value="nationellt_prov">{t.nationellt_prov}</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="grade">{t.grade}</label>
        <select id="grade" {...register("grade")} {...described("grade")}>
          <option value="">–</option>
          {["A", "B", "C", "D", "E", "F"].map((g) => (
            <option key={g} value={g}>
              {g}
            </option>
          ))}
        </select>
        {e.grade && (
          <p id="grade-error" className="field-error">
            {e.grade.message}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor="resultDate">{t.resultDate}</label>
        <input id="resultDate" type="date" {...register("resultDate")} {...described("resultDate")} />
        {e.resultDate && (
          <p id="resultDate-error" className="field-error">
            {e.resultDate.message}
          </p>
        )}
      </div>
      <div>
        <SubmitButton className="primary" pending={formState.isSubmitting}>
          {t.saveResult}
        </SubmitButton>
      </div>
      <p role="status">{status}</p>
    </form>
  );
}
