"use client";
// "Ändra gruppen": name, school, schedule, hours and teachers, validated by the same zod schema as
// the server action (lib/sfi/schema.ts, the create form's fields). The form carries the version it
// was opened on; a save over a newer one shows both versions side by side (EditConflict).
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm, type Resolver } from "react-hook-form";
import { zodResolver } from "@/lib/i18n/zod-resolver";
import { GROUP_EDIT_FIELDS, updateGroupSchema } from "@/lib/sfi/schema";
import type { SfiMessages } from "@/lib/i18n/areas/sfi";
import type { GroupFormValues, TeacherOption } from "@/lib/sfi/queries";
import { EditConflict, useEditConflict } from "@/app/_components/EditConflict";
import { FormMessage, setFieldErrors, type FormMessageValue } from "@/app/_components/Field";
import { ScheduleFields } from "../../ny/ScheduleFields";
import { TeacherChoice, type TeacherList } from "../../ny/TeacherChoice";
import { updateGroupServer } from "./actions";
import { SubmitButton } from "@/app/_components/SubmitButton";

type Key = (typeof GROUP_EDIT_FIELDS)[number];

export function EditGroupForm({ t, initial, teachers, userId, isTeacher }: { t: SfiMessages; initial: GroupFormValues; teachers: TeacherList; userId: string; isTeacher: boolean }) {
  const router = useRouter();
  const [message, setMessage] = useState<FormMessageValue>(null);
  const optionOf = (g: GroupFormValues): TeacherOption[] => g.teachers.map((u) => ({ id: u.id, email: u.email, name: u.active ? u.name : `${u.name} (${t.inactiveTeacher})` }));
  const [chosen, setChosen] = useState<TeacherOption[]>(optionOf(initial));
  // Every teacher's name the form has seen, for the conflict view.
  const [known, setKnown] = useState<Map<string, string>>(() => new Map([...teachers.rows, ...optionOf(initial)].map((u) => [u.id, u.name])));
  const conflict = useEditConflict<GroupFormValues, Key>(initial, GROUP_EDIT_FIELDS);
  const form = useForm<GroupFormValues>({
    resolver: zodResolver(updateGroupSchema) as unknown as Resolver<GroupFormValues>,
    defaultValues: initial,
  });
  const { register, formState, setError, reset } = form;
  const e = formState.errors as Partial<Record<string, { message?: string }>>;

  /** The form (and the teacher list) set to `values`, e.g. the saved version taken from a conflict. */
  const resetTo = (values: GroupFormValues) => {
    const byId = new Map(chosen.map((c) => [c.id, c]));
    for (const o of optionOf(values)) byId.set(o.id, o);
    setChosen(values.teacherIds.map((id) => byId.get(id) ?? { id, name: known.get(id) ?? id, email: "" }));
    reset(values);
  };

  const save = async (values: GroupFormValues) => {
    setMessage(null);
    const r = await updateGroupServer(values);
    if (r.ok) {
      // A teacher who took themselves off the group no longer sees it: back to their groups.
      const stillTeaches = r.values.teacherIds.includes(userId);
      router.push(isTeacher ? (stillTeaches ? `/sfi/${r.values.id}` : "/sfi") : "/admin/sfi-grupper");
      router.refresh();
      return;
    }
    if (r.code === "conflict" && r.current) {
      const current = r.current;
      setKnown((k) => new Map([...k, ...optionOf(current).map((u) => [u.id, u.name] as const)]));
      return conflict.raise(current, values);
    }
    setMessage({ ok: false, text: r.formError ?? "" });
    setFieldErrors(setError, r.fieldErrors);
  };

  if (conflict.conflict) {
    const show = (k: Key, v: unknown) => {
      if (k === "days") return Array.isArray(v) && v.length ? [...v].map(Number).sort().map((d) => t.dayNames[d]).join(", ") : t.empty;
      if (k === "teacherIds") return Array.isArray(v) && v.length ? v.map((id) => known.get(String(id)) ?? String(id)).join(", ") : t.empty;
      return v === "" || v == null ? t.empty : String(v);
    };
    return <EditConflict state={conflict} keys={GROUP_EDIT_FIELDS} labels={t.groupFields} t={t} reset={resetTo} save={save} show={show} />;
  }

  const described = (name: Key) => (e[name] ? { "aria-invalid": true, "aria-describedby": `${name}-error` } : {});
  const error = (name: Key) =>
    e[name] ? (
      <p id={`${name}-error`} className="field-error">
        {e[name]?.message}
      </p>
    ) : null;
  return (
    <form onSubmit={form.handleSubmit(save)} noValidate className="form" aria-label={t.editGroupTitle}>
      <FormMessage message={message} />
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
      <ScheduleFields t={t} field={(name) => register(name)} described={described} error={error} />
      <TeacherChoice
        t={t}
        initial={teachers}
        isTeacher={false}
        help={t.editTeachersHelp}
        chosen={chosen}
        onChange={(next) => {
          setChosen(next);
          setKnown((k) => new Map([...k, ...next.map((u) => [u.id, u.name] as const)]));
          form.setValue("teacherIds", next.map((u) => u.id), { shouldValidate: formState.isSubmitted, shouldDirty: true });
        }}
        error={e.teacherIds?.message}
      />
      <div>
        <SubmitButton className="primary" pending={formState.isSubmitting}>
          {t.saveGroup}
        </SubmitButton>
      </div>
    </form>
  );
}
