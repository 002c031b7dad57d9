"use client";
// Creating an sfi group: school, studieväg, course, schedule and teachers, validated by the same
// zod schema as the server action. Plain form controls in fieldsets, so it works by keyboard; the
// teachers are searched for (TeacherChoice).
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@/lib/i18n/zod-resolver";
import type { z } from "zod";
import { groupSchema, type GroupInput } from "@/lib/sfi/schema";
import type { SfiMessages } from "@/lib/i18n/areas/sfi";
import { createGroupServer } from "./actions";
import { FormMessage } from "@/app/_components/Field";
import type { TeacherOption } from "@/lib/sfi/queries";
import { ScheduleFields } from "./ScheduleFields";
import { TeacherChoice, type TeacherList } from "./TeacherChoice";
import { SubmitButton } from "@/app/_components/SubmitButton";

export function GroupForm({ t, teachers, isTeacher, school, done }: { t: SfiMessages; teachers: TeacherList; isTeacher: boolean; school: string; done: string }) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const [chosen, setChosen] = useState<TeacherOption[]>([]);
  const form = useForm<GroupInput, unknown, z.output<typeof groupSchema>>({
    resolver: zodResolver(groupSchema),
    defaultValues: { name: "", school, studyPath: "2", course: "B", days: [], start: "08:30", end: "12:00", hours: "3", teacherIds: [] },
  });
  const { register, formState } = form;
  const e = formState.errors;
  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    const res = await createGroupServer(values);
    if (res.ok) {
      router.push(done === "group" ? `/sfi/${res.data.id}` : done);
      return;
    }
    for (const [field, msgs] of Object.entries(res.fieldErrors ?? {})) form.setError(field as keyof GroupInput, { message: msgs[0] });
    setFormError(res.formError ?? null);
  });
  const described = (name: keyof GroupInput) => (e[name] ? { "aria-invalid": true, "aria-describedby": `${name}-error` } : {});
  const error = (name: keyof GroupInput) =>
    e[name] ? (
      <p id={`${name}-error`} className="field-error">
        {e[name]?.message as string}
      </p>
    ) : null;
  return (
    <form onSubmit={onSubmit} noValidate className="form">
      <FormMessage error={formError} />
      <div className="field">
        <label htmlFor="name">{t.groupName}</label>
        <input id="name" {...register("name")} {...described("name")} />
        {error("name")}
      </div>
      <div className="field">
        <label htmlFor="school">{t.school}</label>
        <input id="school" {...register("school")} {...described("school")} />
        {error("school")}
      </div>
      <div className="field">
        <label htmlFor="studyPath">{t.studyPath}</label>
        <select id="studyPath" {...register("studyPath")} {...described("studyPath")}>
          {[1, 2, 3].map((p) => (
            <option key={p} value={String(p)}>
              {p}
            </option>
          ))}
        </select>
        {error("studyPath")}
      </div>
      <div className="field">
        <label htmlFor="course">{t.course}</label>
        <select id="course" {...register("course")} {...described("course")}>
          {["A", "B", "C", "D"].map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
        {error("course")}
      </div>
      <ScheduleFields t={t} field={(name) => register(name)} described={described} error={error} />
      <TeacherChoice
        t={t}
        initial={teachers}
        isTeacher={isTeacher}
        chosen={chosen}
        onChange={(next) => {
          setChosen(next);
          form.setValue("teacherIds", next.map((u) => u.id), { shouldValidate: formState.isSubmitted });
        }}
        error={e.teacherIds?.message as string | undefined}
      />
      <div>
        <SubmitButton className="primary" pending={formState.isSubmitting}>
          {t.createGroup}
        </SubmitButton>
      </div>
    </form>
  );
}
