"use client";
// The kartläggning form: education, work experience (rows), driving licence, language skills
// (rows), goal occupations and the health/needs flag (yes/no only, never medical detail). When
// someone else saved a version after the form was opened, the saved version (who, when) and the
// user's are shown side by side, nothing is overwritten, and the user chooses: their changes on top
// of the saved version, or the saved version as it is.
import { useEffect, useId, useRef, useState } from "react";
import Link from "@/app/_components/Link";
import { useRouter } from "next/navigation";
import { useFieldArray, useForm } from "react-hook-form";
import { zodResolver } from "@/lib/i18n/zod-resolver";
import { EDUCATION_LEVELS } from "@/db/schema/enums";
import {
  changedParts,
  DRIVING_LICENCES,
  LANGUAGE_LEVELS,
  skillMappingDataOf,
  skillMappingFormOf,
  skillMappingSchema,
  type MappingConflict,
  type SkillMappingData,
  type SkillMappingFormValues,
} from "@/lib/participants/schema";
import { mappingInWords, mappingPartLabels } from "@/lib/participants/mapping";
import { fill, type ParticipantMessages } from "@/lib/i18n/areas/participant";
import { formatWhen } from "@/lib/dates";
import { saveSkillMappingServer } from "./actions";
import { Field, fieldAria, FormMessage, setFieldErrors } from "@/app/_components/Field";
import { ConflictTable } from "@/app/_components/ConflictTable";
import { focusIfLost, refocusFormAfter, SubmitButton } from "@/app/_components/SubmitButton";

/** Form values (already checked by the schema) as the stored kartläggning, to compare versions part by part. */
const dataOf = (v: SkillMappingFormValues): SkillMappingData => skillMappingDataOf(v as Parameters<typeof skillMappingDataOf>[0]);

function ConflictView({
  conflict,
  opened,
  t,
  educationLevels,
  onReapply,
  onTakeTheirs,
}: {
  conflict: { theirs: MappingConflict; yours: SkillMappingFormValues };
  opened: SkillMappingFormValues;
  t: ParticipantMessages;
  educationLevels: Record<string, string>;
  /** Returns the save, so that focus goes to its answer once it is there. */
  onReapply: (values: SkillMappingFormValues, theirs: SkillMappingFormValues) => unknown;
  onTakeTheirs: (theirs: SkillMappingFormValues) => void;
}) {
  const id = useId();
  // In the form's place: the view takes focus when it comes, and gives it back to the form (EditConflict).
  const view = useRef<HTMLElement>(null);
  useEffect(() => {
    focusIfLost(view.current);
  }, []);
  const { theirs, yours } = conflict;
  const theirsData = theirs.data ?? dataOf(skillMappingFormOf(yours.participantId, 0, null));
  const yoursData = dataOf(yours);
  const differ = changedParts(theirsData, yoursData);
  const labels = mappingPartLabels(t);
  const theirsWords = mappingInWords(theirsData, t, educationLevels);
  const yoursWords = mappingInWords(yoursData, t, educationLevels);
  const theirsValues = skillMappingFormOf(yours.participantId, theirs.version, theirsData);
  const reapply = () => {
    // Your changes on top of theirs: the parts you did not touch keep their saved value.
    const merged = { ...theirsData } as Record<string, unknown>;
    for (const part of changedParts(dataOf(opened), yoursData)) merged[part] = yoursData[part];
    const at = view.current;
    refocusFormAfter(at, onReapply(skillMappingFormOf(yours.participantId, theirs.version, merged as unknown as SkillMappingData), theirsValues));
  };
  return (
    <section ref={view} tabIndex={-1} aria-labelledby={`${id}-conflict`} className="conflict" role="alert" data-testid="mapping-conflict">
      <h2 id={`${id}-conflict`}>{t.conflictTitle}</h2>
      <p>{t.conflictIntro}</p>
      <p className="definition">{fill(t.mappingVersion, { v: theirs.version, who: theirs.savedByName ?? t.none, when: theirs.savedAt ? formatWhen(theirs.savedAt) : t.none })}</p>
      {differ.length ? (
        <ConflictTable
          testId="conflict"
          headings={[t.field, t.theirs, t.yours]}
          rows={differ.map((part) => ({ key: part, label: labels[part], values: [theirsWords[part], yoursWords[part]] }))}
        />
      ) : (
        <p>{t.conflictSame}</p>
      )}
      <div className="actions">
        <button type="button" className="primary" onClick={reapply}>
          {t.reapply}
        </button>{" "}
        <button
          type="button"
          onClick={() => {
            const at = view.current;
            onTakeTheirs(theirsValues);
            refocusFormAfter(at);
          }}
        >
          {t.takeTheirs}
        </button>
      </div>
    </section>
  );
}

export function SkillMappingForm({ initial, t, educationLevels }: { initial: SkillMappingFormValues; t: ParticipantMessages; educationLevels: Record<string, string> }) {
  const id = useId();
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<{ theirs: MappingConflict; yours: SkillMappingFormValues } | null>(null);
  // What the form was opened on: "your changes" are the parts that differ from it.
  const [opened, setOpened] = useState<SkillMappingFormValues>(initial);
  const { register, control, handleSubmit, formState, setError, reset } = useForm<SkillMappingFormValues>({ resolver: zodResolver(skillMappingSchema) as never, defaultValues: initial });
  const work = useFieldArray({ control, name: "work" });
  const langs = useFieldArray({ control, name: "languageSkills" });
  const e = formState.errors;
  const save = async (data: SkillMappingFormValues) => {
    setFormError(null);
    const r = await saveSkillMappingServer(data);
    if (r.ok) {
      router.push(`/deltagare/${r.participantId}#kartlaggning`);
      router.refresh();
      return;
    }
    if (r.code === "conflict" && r.current) {
      setConflict({ theirs: r.current, yours: data });
      return;
    }
    setFormError(r.formError ?? null);
    setFieldErrors(setError, r.fieldErrors);
  };
  const onSubmit = handleSubmit(save);
  const f = (k: string) => `${id}-${k}`;
  if (conflict) {
    return (
      <ConflictView
        conflict={conflict}
        opened={opened}
        t={t}
        educationLevels={educationLevels}
        onReapply={(values, theirs) => {
          setOpened(theirs);
          setConflict(null);
          reset(values);
          return save(values);
        }}
        onTakeTheirs={(theirs) => {
          setOpened(theirs);
          reset(theirs);
          setConflict(null);
        }}
      />
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate className="form">
      <FormMessage error={formError} />
      <fieldset>
        <legend>{t.education}</legend>
        <Field id={f("years")} label={t.educationYears} error={e.educationYears?.message}>
          <input id={f("years")} type="text" inputMode="numeric" {...register("educationYears")} {...fieldAria(f("years"), e.educationYears?.message)} />
        </Field>
        <Field id={f("level")} label={t.educationLevel} error={e.educationLevel?.message}>
          <select id={f("level")} {...register("educationLevel")}>
            <option value="">{t.none}</option>
            {EDUCATION_LEVELS.map((l) => (
              <option key={l} value={l}>
                {educationLevels[l] ?? l}
              </option>
            ))}
          </select>
        </Field>
        <Field id={f("country")} label={t.educationCountry} error={e.educationCountry?.message}>
          <input id={f("country")} type="text" {...register("educationCountry")} {...fieldAria(f("country"), e.educationCountry?.message)} />
        </Field>
        <Field id={f("field")} label={t.educationField} error={e.educationField?.message}>
          <input id={f("field")} type="text" {...register("educationField")} {...fieldAria(f("field"), e.educationField?.message)} />
        </Field>
      </fieldset>
      <fieldset>
        <legend>{t.work}</legend>
        {work.fields.map((row, i) => (
          <div key={row.id} className="inline-grid" data-testid="work-row">
            <Field id={f(`occ-${i}`)} label={`${t.occupation} ${i + 1}`} error={e.work?.[i]?.occupation?.message}>
              <input id={f(`occ-${i}`)} type="text" {...register(`work.${i}.occupation`)} {...fieldAria(f(`occ-${i}`), e.work?.[i]?.occupation?.message)} />
            </Field>
            <Field id={f(`occy-${i}`)} label={`${t.years} (${t.occupation.toLowerCase()} ${i + 1})`} error={e.work?.[i]?.years?.message}>
              <input id={f(`occy-${i}`)} type="text" inputMode="numeric" {...register(`work.${i}.years`)} {...fieldAria(f(`occy-${i}`), e.work?.[i]?.years?.message)} />
            </Field>
            <div>
              <button type="button" onClick={() => work.remove(i)}>
                {t.remove}
                <span className="visually-hidden">
                  : {t.occupation} {i + 1}
                </span>
              </button>
            </div>
          </div>
        ))}
        <button type="button" onClick={() => work.append({ occupation: "", years: "" })}>
          {t.addWork}
        </button>
      </fieldset>
      <fieldset>
        <legend>{t.languageSkills}</legend>
        {langs.fields.map((row, i) => (
          <div key={row.id} className="inline-grid" data-testid="language-row">
            <Field id={f(`lang-${i}`)} label={`${t.language} ${i + 1}`} error={e.languageSkills?.[i]?.language?.message}>
              <input id={f(`lang-${i}`)} type="text" {...register(`languageSkills.${i}.language`)} {...fieldAria(f(`lang-${i}`), e.languageSkills?.[i]?.language?.message)} />
            </Field>
            <Field id={f(`langl-${i}`)} label={`${t.level} (${t.language.toLowerCase()} ${i + 1})`} error={e.languageSkills?.[i]?.level?.message}>
              <select id={f(`langl-${i}`)} {...register(`languageSkills.${i}.level`)}>
                {LANGUAGE_LEVELS.map((l) => (
                  <option key={l} value={l}>
                    {t.levels[l]}
                  </option>
                ))}
              </select>
            </Field>
            <div>
              <button type="button" onClick={() => langs.remove(i)}>
                {t.remove}
                <span className="visually-hidden">
                  : {t.language} {i + 1}
                </span>
              </button>
            </div>
          </div>
        ))}
        <button type="button" onClick={() => langs.append({ language: "", level: "grundlaggande" })}>
          {t.addLanguage}
        </button>
      </fieldset>
      <fieldset>
        <legend>{t.goalsTitle}</legend>
        <Field id={f("licence")} label={t.drivingLicence} error={e.drivingLicence?.message}>
          <select id={f("licence")} {...register("drivingLicence")}>
            {DRIVING_LICENCES.map((l) => (
              <option key={l} value={l}>
                {t.drivingLicences[l]}
              </option>
            ))}
          </select>
        </Field>
        <Field id={f("goal")} label={t.goalOccupations} hint={t.goalOccupationsHint} error={e.goalOccupations?.message}>
          <input id={f("goal")} type="text" {...register("goalOccupations")} {...fieldAria(f("goal"), e.goalOccupations?.message, true)} />
        </Field>
        <div className="field">
          <label>
            <input type="checkbox" aria-describedby={f("health-hint")} {...register("healthNeeds")} /> {t.healthNeeds}
          </label>
          <p id={f("health-hint")} className="definition">
            {t.healthNeedsHint}
          </p>
        </div>
      </fieldset>
      <div className="actions">
        <SubmitButton className="primary" pending={formState.isSubmitting}>
          {t.save}
        </SubmitButton>{" "}
        <Link href={`/deltagare/${initial.participantId}#kartlaggning`}>{t.cancel}</Link>
      </div>
    </form>
  );
}
