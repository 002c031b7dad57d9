"use client";
// The activity form (add and edit, every type with its own fields) and the goal form. The server
// re-validates with the same schemas; a stale form shows both versions side by side.
import { useId, useState } from "react";
import { useRouter } from "next/navigation";
import { useForm, type Resolver } from "react-hook-form";
import { zodResolver } from "@/lib/i18n/zod-resolver";
import { ACTIVITY_STATUSES, ACTIVITY_TYPES, SFI_COURSES, type ActivityType } from "@/db/schema/enums";
import { createActivitySchema, GOAL_TYPES, HEALTH_STATUSES, updateActivitySchema, updatePlanGoalSchema } from "@/lib/plans/schema";
import type { ActivityFormValues } from "@/lib/plans/form";
import type { ActivityFormMessages, GoalFormMessages } from "./form-messages";
import { EmployerChoice, type EmployerOption } from "./EmployerChoice";
import type { ProviderSuggestion } from "@/lib/actors/queries";
import { createActivityServer, updateActivityServer, updatePlanGoalServer } from "./plan-actions";
import { Field, fieldAria, FormMessage, setFieldErrors, type FormMessageValue } from "@/app/_components/Field";
import { EditConflict, useEditConflict } from "@/app/_components/EditConflict";
import { ConflictTable } from "@/app/_components/ConflictTable";
import { SubmitButton } from "@/app/_components/SubmitButton";

type Values = ActivityFormValues & { participantId?: string; activityId?: string; version?: number };
type Option = { id: string; name: string };


const DETAIL_FIELDS: Partial<Record<ActivityType, string[]>> = {
  sfi: ["school", "studyPath", "course"],
  validering: ["subject", "route", "result"],
  praktik: ["employerId", "workplace", "supervisor", "occupation"],
  extratjanst: ["employerId", "extentPercent", "subsidy"],
  introduktionsjobb: ["employerId", "extentPercent", "subsidy"],
  anstallning: ["employerId", "extentPercent", "subsidy"],
  rekryteringsutbildning: ["employerId", "occupation"],
  halsoundersokning: ["healthStatus", "offeredDate", "bookedDate", "doneDate", "declinedDate", "referredDate"],
};
const DATE_DETAILS = new Set(["offeredDate", "bookedDate", "doneDate", "declinedDate", "referredDate"]);
const COMMON = ["status", "plannedStartDate", "plannedEndDate", "actualStartDate", "actualEndDate", "provider", "responsibleUserId", "hoursPerWeek", "interruptReason", "resultNote"] as const;

export function ActivityForm({
  participantId,
  initial,
  t,
  people,
  employer,
  providers = [],
}: {
  participantId: string;
  /** Present when editing. */
  initial?: Values;
  t: ActivityFormMessages;
  people: Option[];
  /** The activity's current employer, when editing one that has it; others are searched for. */
  employer?: EmployerOption | null;
  /** The actor directory's active actors, suggested as providers (those of the chosen type first). */
  providers?: ProviderSuggestion[];
}) {
  const id = useId();
  const router = useRouter();
  const editing = !!initial?.activityId;
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Values | null>(null);
  const [kept, setKept] = useState(false);
  // Every employer the form has seen (the current one, search matches, a conflict's saved one), by
  // id: the conflict view names them, and the chosen one stays an option of the select.
  const [employerNames, setEmployerNames] = useState<ReadonlyMap<string, string>>(() => new Map(employer ? [[employer.id, employer.name]] : []));
  const knowEmployers = (rows: EmployerOption[]) => setEmployerNames((m) => new Map([...m, ...rows.map((r) => [r.id, r.name] as const)]));
  const schema = editing ? updateActivitySchema : createActivitySchema;
  const { register, handleSubmit, watch, formState, setError, reset, getValues, setValue } = useForm<Values>({
    resolver: zodResolver(schema) as unknown as Resolver<Values>,
    defaultValues: initial ?? {
      participantId,
      status: "planerad",
      plannedStartDate: "",
      plannedEndDate: "",
      actualStartDate: "",
      actualEndDate: "",
      provider: "",
      responsibleUserId: "",
      hoursPerWeek: "",
      interruptReason: "",
      resultNote: "",
      details: { type: "sfi" },
    },
  });
  const e = formState.errors as Record<string, { message?: string } | undefined> & { details?: Record<string, { message?: string } | undefined> };
  const err = (name: string) => (name.startsWith("details.") ? e.details?.[name.slice(8)]?.message : e[name]?.message);
  const type = watch("details.type") as ActivityType;
  const status = watch("status");
  const chosenEmployer = watch("details.employerId" as "details.type") as string | undefined;
  const providerText = (watch("provider") ?? "").trim().toLowerCase();
  const providerFound = providerText ? providers.find((p) => p.name.toLowerCase() === providerText) : undefined;
  const providerContact = providerFound ? [providerFound.contactName, providerFound.contactPhone, providerFound.contactEmail].filter(Boolean).join(", ") : "";

  const onSubmit = handleSubmit(async (data) => {
    setFormError(null);
    const r = editing ? await updateActivityServer(data) : await createActivityServer(data);
    if (r.ok) {
      router.push(`/deltagare/${participantId}#plan`);
      router.refresh();
      return;
    }
    if (r.code === "conflict" && "current" in r && r.current) {
      const saved = (r as { currentEmployer?: EmployerOption | null }).currentEmployer;
      if (saved) knowEmployers([saved]);
      setConflict(r.current as Values);
      setKept(false);
      return;
    }
    setFormError(r.formError ?? null);
    setFieldErrors(setError, r.fieldErrors);
  });

  const show = (name: string, v: Values | null) => {
    if (!v) return "";
    const raw = name.startsWith("details.") ? (v.details as Record<string, string>)[name.slice(8)] : (v as unknown as Record<string, string>)[name];
    if (!raw) return t.none;
    if (name === "details.type") return t.types[raw] ?? raw;
    if (name === "status") return t.statuses[raw] ?? raw;
    if (name === "responsibleUserId") return people.find((p) => p.id === raw)?.name ?? raw;
    if (name === "details.employerId") return employerNames.get(raw) ?? raw;
    return String(raw);
  };
  const conflictRows = conflict
    ? ["details.type", ...COMMON, ...new Set([...Object.keys(conflict.details), ...Object.keys(getValues("details"))].filter((k) => k !== "type").map((k) => `details.${k}`))].filter((k) => show(k, getValues()) !== show(k, conflict))
    : [];

  const detailInput = (name: string) => {
    // Prefixed: a type's own field may share a name with a common one (validering's "result" and
    // the general "resultNote" both made `…-result`, and the second lost its label).
    const fid = `${id}-details-${name}`;
    const reg = register(`details.${name}` as "details.type");
    const error = err(`details.${name}`);
    const label = t.fields[name] ?? name;
    if (name === "employerId") {
      // The chosen employer and the conflict's saved one stay options, so choosing either keeps its name.
      const pinned = [chosenEmployer, conflict?.details.employerId]
        .filter((v): v is string => !!v && employerNames.has(v))
        .map((v) => ({ id: v, name: employerNames.get(v)! }));
      return <EmployerChoice key={name} id={fid} label={label} reg={reg} error={error} pinned={pinned} onFound={knowEmployers} t={t} />;
    }
    if (name === "studyPath" || name === "course" || name === "healthStatus") {
      const opts = name === "studyPath" ? ["1", "2", "3"] : name === "course" ? [...SFI_COURSES] : [...HEALTH_STATUSES];
      return (
        <Field key={name} id={fid} label={label} error={error}>
          <select id={fid} {...reg} {...fieldAria(fid, error)}>
            <option value="">–</option>
            {opts.map((o) => (
              <option key={o} value={o}>
                {name === "healthStatus" ? t.healthStatuses[o] : o}
              </option>
            ))}
          </select>
        </Field>
      );
    }
    return (
      <Field key={name} id={fid} label={label} error={error}>
        <input id={fid} type={DATE_DETAILS.has(name) ? "date" : name === "extentPercent" ? "number" : "text"} {...reg} {...fieldAria(fid, error)} />
      </Field>
    );
  };

  const input = (name: (typeof COMMON)[number], kind: "date" | "text" = "text") => {
    const fid = `${id}-${name}`;
    return (
      <Field id={fid} label={t.fields[name]} error={err(name)}>
        <input id={fid} type={kind} {...register(name)} {...fieldAria(fid, err(name))} />
      </Field>
    );
  };

  return (
    <form onSubmit={onSubmit} noValidate className="form" aria-label={editing ? t.editActivity : t.addActivity}>
      <FormMessage error={formError} />
      {conflict && (
        <div role="alert" className="notice" data-testid="conflict">
          <h2>{t.conflictTitle}</h2>
          <p>{t.conflictIntro}</p>
          <ConflictTable
            headings={[t.conflictField, t.conflictMine, t.conflictSaved]}
            rows={conflictRows.map((k) => ({ key: k, label: t.fields[k.replace("details.", "")] ?? k, values: [show(k, getValues()), show(k, conflict)] }))}
          />
          {kept ? (
            <p role="status">{t.keepMineNote}</p>
          ) : (
            <p>
              <button
                type="button"
                onClick={() => {
                  reset(conflict);
                  setConflict(null);
                }}
              >
                {t.useSaved}
              </button>{" "}
              <button
                type="button"
                onClick={() => {
                  setValue("version", conflict.version);
                  setKept(true);
                }}
              >
                {t.keepMine}
              </button>
            </p>
          )}
        </div>
      )}
      <div className="inline-grid form">
        <Field id={`${id}-type`} label={t.fields.type} error={err("details.type")}>
          <select id={`${id}-type`} {...register("details.type")} {...fieldAria(`${id}-type`, err("details.type"))}>
            {ACTIVITY_TYPES.map((ty) => (
              <option key={ty} value={ty}>
                {t.types[ty]}
              </option>
            ))}
          </select>
        </Field>
        <Field id={`${id}-status`} label={t.fields.status} error={err("status")}>
          <select id={`${id}-status`} {...register("status")} {...fieldAria(`${id}-status`, err("status"))}>
            {ACTIVITY_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t.statuses[s]}
              </option>
            ))}
          </select>
        </Field>
        {input("plannedStartDate", "date")}
        {input("plannedEndDate", "date")}
        {input("actualStartDate", "date")}
        {input("actualEndDate", "date")}
        <Field id={`${id}-provider`} label={t.fields.provider} error={err("provider")} hint={providers.length ? t.providerHint : undefined} wide>
          <input id={`${id}-provider`} type="text" list={providers.length ? `${id}-providers` : undefined} autoComplete="off" {...register("provider")} {...fieldAria(`${id}-provider`, err("provider"), providers.length > 0)} />
          {providers.length > 0 && (
            <datalist id={`${id}-providers`}>
              {/* The actors that offer the chosen type first; the browser narrows the list as one types. */}
              {[...providers.filter((p) => p.activityTypes.includes(type)), ...providers.filter((p) => !p.activityTypes.includes(type))].map((p) => (
                <option key={p.id} value={p.name} />
              ))}
            </datalist>
          )}
          {providerContact && (
            <p className="definition" data-testid="provider-contact">
              {t.providerContact.replace("{name}", providerFound!.name).replace("{contact}", providerContact)}
            </p>
          )}
        </Field>
        <Field id={`${id}-resp`} label={t.fields.responsibleUserId} error={err("responsibleUserId")}>
          <select id={`${id}-resp`} {...register("responsibleUserId")} {...fieldAria(`${id}-resp`, err("responsibleUserId"))}>
            <option value="">–</option>
            {people.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </Field>
        {input("hoursPerWeek")}
      </div>
      {(DETAIL_FIELDS[type] ?? []).length > 0 && (
        <fieldset className="inline-grid form">
          <legend>{t.types[type]}</legend>
          {type === "halsoundersokning" && <p className="definition">{t.healthNote}</p>}
          {(DETAIL_FIELDS[type] ?? []).map(detailInput)}
        </fieldset>
      )}
      {status === "avbruten" && (
        <Field id={`${id}-interruptReason`} label={t.fields.interruptReason} error={err("interruptReason")}>
          <input id={`${id}-interruptReason`} type="text" {...register("interruptReason")} {...fieldAria(`${id}-interruptReason`, err("interruptReason"))} />
        </Field>
      )}
      <Field id={`${id}-resultNote`} label={t.fields.resultNote} error={err("resultNote")}>
        <textarea id={`${id}-resultNote`} rows={2} {...register("resultNote")} {...fieldAria(`${id}-resultNote`, err("resultNote"))} />
      </Field>
      <div>
        <SubmitButton className="primary" pending={formState.isSubmitting}>
          {t.save}
        </SubmitButton>
      </div>
    </form>
  );
}

type GoalValues = { participantId: string; version: number; goalType: string; goalOccupation: string; goalNote: string; reviewDate: string };
const GOAL_KEYS = ["goalType", "goalOccupation", "reviewDate", "goalNote"] as const;
type GoalKey = (typeof GOAL_KEYS)[number];

export function GoalForm({ initial, t }: { initial: GoalValues; t: GoalFormMessages }) {
  const id = useId();
  const router = useRouter();
  const [message, setMessage] = useState<FormMessageValue>(null);
  const { register, handleSubmit, formState, setError, reset } = useForm<GoalValues>({
    resolver: zodResolver(updatePlanGoalSchema) as unknown as Resolver<GoalValues>,
    defaultValues: initial,
  });
  const e = formState.errors;
  const conflict = useEditConflict<GoalValues, GoalKey>(initial, GOAL_KEYS);
  const save = async (data: GoalValues) => {
    setMessage(null);
    const r = await updatePlanGoalServer(data);
    if (r.ok) {
      reset({ ...data, version: r.version });
      setMessage({ ok: true, text: t.saved });
      router.refresh();
      return;
    }
    if (r.code === "conflict" && r.current) {
      // Both versions side by side; what was typed stays until the user chooses.
      conflict.raise({ ...initial, ...(r.current as Partial<GoalValues>) }, data);
      return;
    }
    setMessage({ ok: false, text: r.formError ?? "" });
    setFieldErrors(setError, r.fieldErrors);
  };
  const onSubmit = handleSubmit(save);
  if (conflict.conflict) {
    const show = (k: GoalKey, v: unknown) => (v === "" || v == null ? t.none : k === "goalType" ? (t.goalTypes[String(v)] ?? String(v)) : String(v));
    return <EditConflict state={conflict} keys={GOAL_KEYS} labels={t.fields} t={t.goalConflict} reset={reset} save={save} show={show} />;
  }
  return (
    <form onSubmit={onSubmit} noValidate className="form inline-grid" aria-label={t.editGoal}>
      <FormMessage message={message} />
      <Field id={`${id}-gt`} label={t.fields.goalType} error={e.goalType?.message}>
        <select id={`${id}-gt`} {...register("goalType")} {...fieldAria(`${id}-gt`, e.goalType?.message)}>
          <option value="">–</option>
          {GOAL_TYPES.map((g) => (
            <option key={g} value={g}>
              {t.goalTypes[g]}
            </option>
          ))}
        </select>
      </Field>
      <Field id={`${id}-go`} label={t.fields.goalOccupation} error={e.goalOccupation?.message}>
        <input id={`${id}-go`} type="text" {...register("goalOccupation")} {...fieldAria(`${id}-go`, e.goalOccupation?.message)} />
      </Field>
      <Field id={`${id}-rd`} label={t.fields.reviewDate} error={e.reviewDate?.message}>
        <input id={`${id}-rd`} type="date" {...register("reviewDate")} {...fieldAria(`${id}-rd`, e.reviewDate?.message)} />
      </Field>
      <Field id={`${id}-gn`} label={t.fields.goalNote} error={e.goalNote?.message}>
        <input id={`${id}-gn`} type="text" {...register("goalNote")} {...fieldAria(`${id}-gn`, e.goalNote?.message)} />
      </Field>
      <div>
        <SubmitButton className="primary" pending={formState.isSubmitting}>
          {t.save}
        </SubmitButton>
      </div>
    </form>
  );
}
