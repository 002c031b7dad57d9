"use client";
// The whole group on one screen, everyone present by default: a teacher changes only the
// exceptions and saves. Plain form controls, so it works by keyboard alone.
import { useState } from "react";
import Link from "@/app/_components/Link";
import { useFieldArray, useForm } from "react-hook-form";
import { zodResolver } from "@/lib/i18n/zod-resolver";
import { z } from "zod";
import { attendanceSchema, attendanceSchemaFor } from "@/lib/sfi/schema";
import type { SfiMessages } from "@/lib/i18n/areas/sfi";
import { saveAttendanceServer } from "./actions";
import { FormMessage, setFieldErrors } from "@/app/_components/Field";
import { TableScroll } from "@/app/_components/TableScroll";
import { SubmitButton } from "@/app/_components/SubmitButton";

interface Student {
  participantId: string;
  name: string;
  birthDate: string;
  attendedHours: number | null;
  share4w: string;
  lastResult: string;
}

type FormInput = z.input<typeof attendanceSchema>;

export function AttendanceForm({ groupId, lessonDate, scheduledHours, students, t }: { groupId: string; lessonDate: string; scheduledHours: number; students: Student[]; t: SfiMessages }) {
  const [status, setStatus] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, control, watch, formState, setError } = useForm<FormInput>({
    // The lesson's length bounds partial hours: checked here and again on the server.
    resolver: zodResolver(attendanceSchemaFor(scheduledHours)),
    defaultValues: {
      groupId,
      lessonDate,
      students: students.map((s) => ({
        participantId: s.participantId,
        presence: s.attendedHours === null || s.attendedHours >= scheduledHours ? "present" : s.attendedHours === 0 ? "absent" : "partial",
        partialHours: s.attendedHours !== null && s.attendedHours > 0 && s.attendedHours < scheduledHours ? s.attendedHours : undefined,
      })),
    },
  });
  const { fields } = useFieldArray({ control, name: "students" });
  const values = watch("students");

  const onSubmit = handleSubmit(async (data) => {
    setStatus(null);
    setFormError(null);
    const res = await saveAttendanceServer(data);
    if (res.ok) {
      setStatus(`${t.saved}: ${res.data.saved} ${t.students.toLowerCase()}, ${res.data.absent} ${t.absentCount}.`);
      return;
    }
    // A row's error goes next to its field; one about the whole lesson (its date) above the table.
    setFieldErrors(setError, res.fieldErrors);
    const lessonErrors = Object.entries(res.fieldErrors ?? {}).filter(([field]) => !field.startsWith("students.")).flatMap(([, msgs]) => msgs);
    setFormError(lessonErrors[0] ?? res.formError ?? "");
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      <FormMessage error={formError} />
      <TableScroll>
        <table className="table attendance">
          <thead>
            <tr>
              <th scope="col">{t.name}</th>
              <th scope="col">{t.birthDate}</th>
              <th scope="col">{t.presence}</th>
              <th scope="col">{t.hours}</th>
              <th scope="col" className="num">{t.share4w}</th>
              <th scope="col">{t.lastResult}</th>
            </tr>
          </thead>
          <tbody>
            {fields.map((f, i) => {
              const s = students[i];
              const err = formState.errors.students?.[i]?.partialHours?.message;
              return (
                <tr key={f.id}>
                  <th scope="row" id={`student-${i}`}>
                    <Link href={`/sfi/${groupId}/elev/${s.participantId}`}>{s.name}</Link>
                  </th>
                  <td>{s.birthDate}</td>
                  <td>
                    <select aria-label={`${t.presence} ${s.name}`} {...register(`students.${i}.presence` as const)}>
                      <option value="present">{t.present}</option>
                      <option value="absent">{t.absent}</option>
                      <option value="partial">{t.partial}</option>
                    </select>
                  </td>
                  <td>
                    {values?.[i]?.presence === "partial" && (
                      <>
                        <input
                          type="number"
                          step="0.5"
                          min="0"
                          max={scheduledHours}
                          aria-label={`${t.hoursFor} ${s.name}`}
                          aria-invalid={err ? true : undefined}
                          aria-describedby={err ? `hours-error-${i}` : undefined}
                          {...register(`students.${i}.partialHours` as const)}
                        />
                        {err && (
                          <p id={`hours-error-${i}`} className="field-error">
                            {err}
                          </p>
                        )}
                      </>
                    )}
                  </td>
                  <td className="num">{s.share4w}</td>
                  <td>{s.lastResult}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
      <p>
        <SubmitButton className="primary" pending={formState.isSubmitting}>
          {t.save}
        </SubmitButton>
      </p>
      <p role="status">{status}</p>
    </form>
  );
}
