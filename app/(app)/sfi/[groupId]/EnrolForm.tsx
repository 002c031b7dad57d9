"use client";
// Enrolling a student: search the municipality's participants by name or birth date (the teacher
// sees nothing more than that), choose a start date and enrol. The search is posted, never put
// in the URL. An enrolment's answer takes focus: the row enrolled leaves the hits, and its button.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@/lib/i18n/zod-resolver";
import type { z } from "zod";
import { studentSearchSchema, type StudentSearchInput } from "@/lib/sfi/schema";
import type { SfiMessages } from "@/lib/i18n/areas/sfi";
import type { Candidate } from "@/lib/sfi/queries";
import { enrolServer, searchStudentsServer } from "./actions";
import { FormMessage } from "@/app/_components/Field";
import { SubmitButton } from "@/app/_components/SubmitButton";
import { useFocusAfterUpdate } from "@/app/_components/useFocusAfterUpdate";
import { TableScroll } from "@/app/_components/TableScroll";

export function EnrolForm({ groupId, today, t }: { groupId: string; today: string; t: SfiMessages }) {
  const router = useRouter();
  const [hits, setHits] = useState<Candidate[] | null>(null);
  const [startDate, setStartDate] = useState(today);
  const [message, setMessage] = useState<string | null>(null);
  const [enrolError, setEnrolError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const enrolled = useFocusAfterUpdate();
  const refused = useFocusAfterUpdate();
  const form = useForm<StudentSearchInput, unknown, z.output<typeof studentSearchSchema>>({
    resolver: zodResolver(studentSearchSchema),
    defaultValues: { groupId, name: "", birthDate: "" },
  });
  const e = form.formState.errors;
  const onSearch = form.handleSubmit(async (values) => {
    setMessage(null);
    setEnrolError(null);
    const res = await searchStudentsServer(values);
    if (res.ok) setHits(res.data);
    else {
      for (const [field, msgs] of Object.entries(res.fieldErrors ?? {})) form.setError(field as keyof StudentSearchInput, { message: msgs[0] });
      if (res.formError) setEnrolError(res.formError);
    }
  });
  async function enrolOne(c: Candidate) {
    setBusy(true);
    setMessage(null);
    setEnrolError(null);
    const res = await enrolServer({ groupId, participantId: c.participantId, startDate });
    setBusy(false);
    if (res.ok) {
      setMessage(`${c.firstName} ${c.lastName} ${t.enrolled}`);
      setHits((h) => h?.filter((x) => x.participantId !== c.participantId) ?? null);
      enrolled.focus();
      router.refresh();
    } else {
      setEnrolError(res.fieldErrors?.startDate?.[0] ?? res.fieldErrors?.participantId?.[0] ?? res.formError ?? "");
      refused.focus();
    }
  }
  return (
    <div className="enrol">
      <form onSubmit={onSearch} noValidate className="inline-form" aria-label={t.enrolTitle}>
        <div className="field">
          <label htmlFor="enrol-name">{t.searchName}</label>
          <input id="enrol-name" autoComplete="off" {...form.register("name")} aria-invalid={e.name ? true : undefined} aria-describedby={e.name ? "enrol-name-error" : undefined} />
        </div>
        <div className="field">
          <label htmlFor="enrol-birth">{t.searchBirthDate}</label>
          <input id="enrol-birth" type="date" {...form.register("birthDate")} aria-invalid={e.birthDate ? true : undefined} aria-describedby={e.birthDate ? "enrol-birth-error" : undefined} />
        </div>
        <div>
          <SubmitButton pending={form.formState.isSubmitting} scope=".enrol">
            {t.search}
          </SubmitButton>
        </div>
      </form>
      {e.name && (
        <p id="enrol-name-error" className="field-error">
          {e.name.message}
        </p>
      )}
      {e.birthDate && (
        <p id="enrol-birth-error" className="field-error">
          {e.birthDate.message}
        </p>
      )}
      {hits !== null && (
        <>
          <div className="field">
            <label htmlFor="enrol-start">{t.startDate}</label>
            <input id="enrol-start" type="date" value={startDate} onChange={(ev) => setStartDate(ev.target.value)} />
          </div>
          {hits.length === 0 ? (
            <p>{t.noHits}</p>
          ) : (
            <TableScroll>
              <table className="table">
                <caption className="visually-hidden">
                  {hits.length} {t.hits}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t.name}</th>
                    <th scope="col">{t.birthDate}</th>
                    <th scope="col">
                      <span className="visually-hidden">{t.enrol}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {hits.map((c) => (
                    <tr key={c.participantId}>
                      <th scope="row">
                        {c.firstName} {c.lastName}
                      </th>
                      <td>{c.birthDate}</td>
                      <td>
                        <button type="button" disabled={busy} onClick={() => enrolOne(c)} aria-label={`${t.enrol} ${c.firstName} ${c.lastName}`}>
                          {t.enrol}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
        </>
      )}
      <FormMessage error={enrolError} focusRef={refused.ref} />
      <p role="status" ref={enrolled.ref} tabIndex={-1}>
        {message}
      </p>
    </div>
  );
}
