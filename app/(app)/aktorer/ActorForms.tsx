"use client";
// Register or edit an actor of the directory, and archive or restore one. The server re-validates
// with the same schemas (lib/actors/schema.ts); an edit over a newer saved version shows both side
// by side.
import { useId, useState } from "react";
import { useRouter } from "next/navigation";
import { useForm, type Resolver } from "react-hook-form";
import { zodResolver } from "@/lib/i18n/zod-resolver";
import { ACTIVITY_TYPES } from "@/db/schema/enums";
import { ACTOR_FIELDS, ACTOR_KINDS, createActorSchema, updateActorSchema } from "@/lib/actors/schema";
import type { ActorFormValues } from "@/lib/actors/commands";
import type { ActorMessages } from "@/lib/i18n/areas/actors";
import { createActorServer, setActorArchivedServer, updateActorServer } from "./actions";
import { EditConflict, useEditConflict } from "@/app/_components/EditConflict";
import { Field, fieldAria, FormMessage, setFieldErrors, type FormMessageValue } from "@/app/_components/Field";
import { SubmitButton } from "@/app/_components/SubmitButton";

const NO_ACTOR: ActorFormValues = { id: "", version: 0, name: "", kind: "", activityTypes: [], offer: "", contactName: "", contactPhone: "", contactEmail: "", address: "", website: "" };

/** Register an actor (then to its page), or with `initial` edit one (then back to its page). */
export function ActorForm({ t, initial }: { t: ActorMessages; initial?: ActorFormValues }) {
  const id = useId();
  const router = useRouter();
  const [message, setMessage] = useState<FormMessageValue>(null);
  const conflict = useEditConflict(initial ?? NO_ACTOR, ACTOR_FIELDS);
  const { register, handleSubmit, formState, setError, reset } = useForm<ActorFormValues>({
    resolver: zodResolver(initial ? updateActorSchema : createActorSchema) as unknown as Resolver<ActorFormValues>,
    defaultValues: initial ?? NO_ACTOR,
  });
  const e = formState.errors as Partial<Record<string, { message?: string }>>;
  const save = async (data: ActorFormValues) => {
    setMessage(null);
    const r = initial ? await updateActorServer(data) : await createActorServer(data);
    if (r.ok) {
      router.push(`/aktorer/${r.id}`);
      router.refresh();
      return;
    }
    if (r.code === "conflict" && r.current) return conflict.raise(r.current, data);
    setMessage({ ok: false, text: r.formError ?? "" });
    setFieldErrors(setError, r.fieldErrors);
  };
  if (conflict.conflict) {
    const show = (k: (typeof ACTOR_FIELDS)[number], v: unknown) => {
      if (k === "kind") return v ? (t.kinds[String(v)] ?? String(v)) : t.empty;
      if (k === "activityTypes") return Array.isArray(v) && v.length ? v.map((x) => t.types[x] ?? x).join(", ") : t.empty;
      return v === "" || v == null ? t.empty : String(v);
    };
    return <EditConflict state={conflict} keys={ACTOR_FIELDS} labels={t.fields} t={t} reset={reset} save={save} show={show} />;
  }
  const fid = (name: string) => `${id}-${name}`;
  const input = (name: Exclude<(typeof ACTOR_FIELDS)[number], "kind" | "activityTypes" | "offer">, type = "text", hint?: string) => (
    <Field id={fid(name)} label={t.fields[name]} error={e[name]?.message} hint={hint}>
      <input id={fid(name)} type={type} {...register(name)} {...fieldAria(fid(name), e[name]?.message, !!hint)} />
    </Field>
  );
  const label = initial ? t.editTitle : t.register;
  const typesError = e.activityTypes?.message;
  return (
    <form onSubmit={handleSubmit(save)} noValidate className="form" aria-label={label}>
      <FormMessage message={message} />
      <div className="inline-grid form">
        {input("name")}
        <Field id={fid("kind")} label={t.fields.kind} error={e.kind?.message}>
          <select id={fid("kind")} {...register("kind")} {...fieldAria(fid("kind"), e.kind?.message)}>
            <option value="">{t.chooseKind}</option>
            {ACTOR_KINDS.map((k) => (
              <option key={k} value={k}>
                {t.kinds[k]}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <fieldset className="field" {...fieldAria(fid("types"), typesError)}>
        <legend>{t.fields.activityTypes}</legend>
        <div className="checks">
          {ACTIVITY_TYPES.map((a) => (
            <label key={a} className="checkbox">
              <input type="checkbox" value={a} {...register("activityTypes")} /> {t.types[a]}
            </label>
          ))}
        </div>
        {typesError && (
          <p id={`${fid("types")}-error`} className="field-error">
            {typesError}
          </p>
        )}
      </fieldset>
      <Field id={fid("offer")} label={t.fields.offer} error={e.offer?.message} hint={t.offerHint}>
        <textarea id={fid("offer")} rows={4} {...register("offer")} {...fieldAria(fid("offer"), e.offer?.message, true)} />
      </Field>
      <div className="inline-grid form">
        {input("contactName")}
        {input("contactPhone", "tel")}
        {input("contactEmail", "email")}
        {input("address")}
        {input("website", "text", t.websiteHint)}
      </div>
      <div>
        <SubmitButton className="primary" pending={formState.isSubmitting}>
          {initial ? t.save : t.register}
        </SubmitButton>
      </div>
    </form>
  );
}

/** Archive an active actor (no longer suggested as a provider) or restore an archived one. */
export function ActorArchiveForm({ id, version, archived, t }: { id: string; version: number; archived: boolean; t: ActorMessages }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<FormMessageValue>(null);
  const onClick = async () => {
    setBusy(true);
    setMessage(null);
    const r = await setActorArchivedServer({ id, version, archived: !archived });
    setBusy(false);
    if (r.ok) return router.refresh();
    setMessage({ ok: false, text: r.formError ?? "" });
    // Someone changed the actor meanwhile: the page shows what is saved now, to be tried again.
    if (r.code === "conflict") router.refresh();
  };
  return (
    <div className="form">
      {!archived && <p className="help">{t.archiveHint}</p>}
      <p>
        <SubmitButton type="button" onClick={onClick} pending={busy}>
          {archived ? t.restore : t.archive}
        </SubmitButton>
        <FormMessage message={message} inline />
      </p>
    </div>
  );
}
