"use client";
// Register or edit a participant. The zod schema is the server's; errors from the server land next
// to their field. On an edit conflict both versions are shown side by side (the shared
// EditConflict) and the user chooses: re-apply their changes on top of the saved version, or take
// the saved one. Nothing is overwritten without that choice.
import { useId, useState } from "react";
import Link from "@/app/_components/Link";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@/lib/i18n/zod-resolver";
import { EDUCATION_LEVELS, GENDERS, SETTLEMENTS, TRACKS } from "@/db/schema/enums";
import { createParticipantSchema, updateParticipantSchema, type ParticipantFormValues } from "@/lib/participants/schema";
import type { ParticipantMessages } from "@/lib/i18n/areas/participant";
import { EditConflict, useEditConflict } from "@/app/_components/EditConflict";
import { registerParticipantServer, updateParticipantServer } from "../actions";
import { Field, fieldAria, FormMessage, setFieldErrors } from "@/app/_components/Field";
import { useFocusAfterUpdate } from "@/app/_components/useFocusAfterUpdate";
import { birthDateToFill } from "@/lib/participants/birth-date";
import { SubmitButton } from "@/app/_components/SubmitButton";

type Values = ParticipantFormValues & { id?: string; version?: number };
type Versioned = Values & { version: number };
type Key = keyof ParticipantFormValues;
/** The form's fields in its order: the rows of the conflict view. */
const KEYS: readonly Key[] = [
  "personnummer", "firstName", "lastName", "birthDate", "gender", "educationLevel", "receptionDate", "settlement",
  "programmeStart", "programmeEnd", "coordinatorId", "languages", "interpreterLanguage", "phone", "email", "address",
  "childrenCount", "childcareNeed", "track", "trackReason", "trackReviewDate",
];

export interface ParticipantFormProps {
  mode: "create" | "edit";
  initial: Values;
  coordinators: { id: string; name: string }[];
  t: ParticipantMessages;
  labels: { genders: Record<string, string>; educationLevels: Record<string, string>; settlements: Record<string, string> };
  cancelHref: string;
}

export function ParticipantForm({ mode, initial, coordinators, t, labels, cancelHref }: ParticipantFormProps) {
  const id = useId();
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const [existingId, setExistingId] = useState<string | null>(null);
  const conflict = useEditConflict<Versioned, Key>({ ...initial, version: initial.version ?? 0 }, KEYS);
  const schema = mode === "create" ? createParticipantSchema : updateParticipantSchema;
  const { register, handleSubmit, watch, formState, setError, reset, getValues, setValue } = useForm<Values>({
    // The two schemas share their fields; edit adds id and version.
    resolver: zodResolver(schema as typeof updateParticipantSchema) as never,
    defaultValues: initial,
  });
  const e = formState.errors;
  const f = (k: Key) => `${id}-${k}`;
  const message = useFocusAfterUpdate();
  // The birth date filled in from the personnummer (said beside it while it is still that date).
  const [filledBirthDate, setFilledBirthDate] = useState<string | null>(null);
  const personnummerField = register("personnummer", {
    onChange: (ev: { target: { value: string } }) => {
      const birthDate = birthDateToFill(ev.target.value, getValues("birthDate"));
      if (birthDate) {
        setValue("birthDate", birthDate, { shouldDirty: true });
        setFilledBirthDate(birthDate);
      }
    },
  });

  const save = async (data: Values) => {
    setFormError(null);
    setExistingId(null);
    const r = mode === "create" ? await registerParticipantServer(data) : await updateParticipantServer(data);
    if (r.ok) {
      router.push(`/deltagare/${r.id}`);
      router.refresh();
      return;
    }
    if (r.code === "conflict" && r.current) {
      conflict.raise({ ...r.current, id: initial.id }, { ...data, version: data.version ?? 0 });
      return;
    }
    setFormError(r.formError ?? null);
    if (r.existingId) setExistingId(r.existingId);
    // The first wrong field takes focus, as with the errors found before sending; else the message.
    if (!setFieldErrors(setError, r.fieldErrors) && r.formError) message.focus();
  };
  const onSubmit = handleSubmit(save);

  const fieldLabels: Record<Key, string> = {
    personnummer: t.personnummer,
    firstName: t.firstName,
    lastName: t.lastName,
    birthDate: t.birthDate,
    gender: t.gender,
    educationLevel: t.educationLevel,
    receptionDate: t.receptionDate,
    settlement: t.settlement,
    programmeStart: t.programmeStart,
    programmeEnd: t.programmeEnd,
    coordinatorId: t.coordinator,
    languages: t.languages,
    interpreterLanguage: t.interpreterLanguage,
    phone: t.phone,
    email: t.email,
    address: t.address,
    childrenCount: t.childrenCount,
    childcareNeed: t.childcareNeed,
    track: t.track,
    trackReason: t.trackReason,
    trackReviewDate: t.trackReviewDate,
  };
  const show = (k: Key, v: unknown): string => {
    if (typeof v === "boolean") return v ? t.yes : t.no;
    if (v === "" || v == null) return t.none;
    if (k === "coordinatorId") return coordinators.find((c) => c.id === v)?.name ?? String(v);
    if (k === "gender") return labels.genders[String(v)] ?? String(v);
    if (k === "educationLevel") return labels.educationLevels[String(v)] ?? String(v);
    if (k === "settlement") return labels.settlements[String(v)] ?? String(v);
    if (k === "track") return t.tracks[String(v)] ?? String(v);
    return String(v);
  };

  if (conflict.conflict) return <EditConflict state={conflict} keys={KEYS} labels={fieldLabels} t={t} reset={reset} save={save} show={show} />;

  const text = (k: Key, label: string, opts: { type?: string; hint?: string; autoComplete?: string } = {}) => (
    <Field id={f(k)} label={label} hint={opts.hint} error={e[k]?.message}>
      <input id={f(k)} type={opts.type ?? "text"} autoComplete={opts.autoComplete ?? "off"} {...register(k)} {...fieldAria(f(k), e[k]?.message, Boolean(opts.hint))} />
    </Field>
  );
  const select = (k: Key, label: string, options: readonly string[], names: Record<string, string>, empty?: string) => (
    <Field id={f(k)} label={label} error={e[k]?.message}>
      <select id={f(k)} {...register(k)} {...fieldAria(f(k), e[k]?.message)}>
        {empty !== undefined && <option value="">{empty}</option>}
        {options.map((o) => (
          <option key={o} value={o}>
            {names[o] ?? o}
          </option>
        ))}
      </select>
    </Field>
  );
  const annat = watch("track") === "annat_stod";
  return (
    <form onSubmit={onSubmit} noValidate className="form">
      <FormMessage error={formError} focusRef={message.ref} />
      <fieldset>
        <legend>{t.basics}</legend>
        <Field
          id={f("personnummer")}
          label={t.personnummer}
          hint={t.personnummerHint}
          error={e.personnummer?.message}
          extra={
            existingId ? (
              <>
                {" "}
                <Link href={`/deltagare/${existingId}`}>{t.duplicateLink}</Link>
              </>
            ) : null
          }
        >
          <input id={f("personnummer")} type="text" inputMode="numeric" autoComplete="off" {...personnummerField} {...fieldAria(f("personnummer"), e.personnummer?.message, true)} />
        </Field>
        <div aria-live="polite">
          {filledBirthDate && watch("birthDate") === filledBirthDate && (
            <p className="definition" data-testid="birth-date-filled">
              {t.birthDateFromPersonnummer}
            </p>
          )}
        </div>
        {text("firstName", t.firstName)}
        {text("lastName", t.lastName)}
        {text("birthDate", t.birthDate, { type: "date" })}
        {select("gender", t.gender, GENDERS, labels.genders, t.choose)}
        {select("educationLevel", t.educationLevel, EDUCATION_LEVELS, labels.educationLevels, t.none)}
        {text("receptionDate", t.receptionDate, { type: "date" })}
        {select("settlement", t.settlement, SETTLEMENTS, labels.settlements, t.none)}
        {text("programmeStart", t.programmeStart, { type: "date" })}
        {text("programmeEnd", t.programmeEnd, { type: "date" })}
        {select(
          "coordinatorId",
          t.coordinator,
          coordinators.map((c) => c.id),
          Object.fromEntries(coordinators.map((c) => [c.id, c.name])),
          t.noCoordinator,
        )}
      </fieldset>
      <fieldset>
        <legend>{t.languageTitle}</legend>
        {text("languages", t.languages, { hint: t.languagesHint })}
        {text("interpreterLanguage", t.interpreterLanguage)}
        {text("phone", t.phone, { type: "tel" })}
        {text("email", t.email, { type: "email" })}
        {text("address", t.address)}
      </fieldset>
      <fieldset>
        <legend>{t.household}</legend>
        {text("childrenCount", t.childrenCount, { type: "text" })}
        <div className="field">
          <label>
            <input type="checkbox" {...register("childcareNeed")} /> {t.childcareNeed}
          </label>
        </div>
      </fieldset>
      <fieldset>
        <legend>{t.trackTitle}</legend>
        {select("track", t.track, TRACKS, t.tracks)}
        {annat && (
          <>
            <Field id={f("trackReason")} label={t.trackReason} error={e.trackReason?.message}>
              <textarea id={f("trackReason")} rows={3} {...register("trackReason")} {...fieldAria(f("trackReason"), e.trackReason?.message)} />
            </Field>
            {text("trackReviewDate", t.trackReviewDate, { type: "date" })}
          </>
        )}
      </fieldset>
      <div className="actions">
        <SubmitButton className="primary" pending={formState.isSubmitting}>
          {mode === "create" ? t.register : t.save}
        </SubmitButton>{" "}
        <Link href={cancelHref}>{t.cancel}</Link>
      </div>
    </form>
  );
}
