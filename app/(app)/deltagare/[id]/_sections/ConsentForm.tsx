"use client";
// Recording a consent and withdrawing one: react-hook-form with the schemas the actions use. A
// withdrawal is asked once more, with the day it happened (today unless the participant withdrew
// it earlier). What was done is said in the section's answer (ConsentAnswer), where the focus goes:
// the button pressed is gone once the table shows the consent as withdrawn.
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@/lib/i18n/zod-resolver";
import type { z } from "zod";
import { recordConsentSchema, withdrawConsentSchema, type RecordConsentInput, type WithdrawConsentInput } from "@/lib/consent/schema";
import type { PrivacyMessages } from "@/lib/i18n/areas/privacy";
import { recordConsentServer, withdrawConsentServer } from "./consent-actions";
import { Field, FormMessage, fieldAria } from "@/app/_components/Field";
import { SubmitButton } from "@/app/_components/SubmitButton";

type T = PrivacyMessages["consent"];
interface Option {
  value: string;
  label: string;
}
type Answer = { ok: boolean; text: string } | null;

// ---- The section's answer -------------------------------------------------------------------

const AnswerContext = createContext<{ answer: Answer; say: (a: Answer) => void; ref: React.RefObject<HTMLParagraphElement | null> } | null>(null);

/** Holds the section's answer, so that a row's withdrawal and the form below say it in one place. */
export function ConsentMessages({ children }: { children: ReactNode }) {
  const [answer, setAnswer] = useState<Answer>(null);
  const ref = useRef<HTMLParagraphElement>(null);
  const say = useCallback((a: Answer) => {
    setAnswer(a);
    // After the answer is drawn: the focus moves to it, and it is read out.
    requestAnimationFrame(() => ref.current?.focus());
  }, []);
  return <AnswerContext.Provider value={{ answer, say, ref }}>{children}</AnswerContext.Provider>;
}

/** The answer to the last registration or withdrawal: always in the page (a live region), focused when it changes. */
export function ConsentAnswer() {
  const ctx = useContext(AnswerContext);
  const answer = ctx?.answer ?? null;
  return (
    <p ref={ctx?.ref} tabIndex={-1} role={answer && !answer.ok ? "alert" : "status"} className={answer ? (answer.ok ? "success" : "form-error") : undefined} data-testid="consent-answer">
      {answer?.text}
    </p>
  );
}

function useSay() {
  return useContext(AnswerContext)?.say ?? (() => {});
}

/** An error code of a field in words: the field's own message, or one naming the field. */
function errorText(t: T, field: string, code: string | undefined, label: string, vars: Record<string, string> = {}): string | undefined {
  if (!code) return undefined;
  const own = t.errors[field]?.[code];
  let text = own ?? t.errorFallback.replace("{field}", label);
  for (const [k, v] of Object.entries(vars)) text = text.replace(`{${k}}`, v);
  return text;
}

// ---- Recording a consent ------------------------------------------------------------------

export function ConsentForm({ participantId, t, actors, methods, today }: { participantId: string; t: T; actors: Option[]; methods: Option[]; today: string }) {
  const router = useRouter();
  const say = useSay();
  const [formError, setFormError] = useState<string | null>(null);
  const empty: RecordConsentInput = { participantId, actor: "arbetsformedlingen", actorName: "", scope: "", method: "skriftligt", givenOn: today, validUntil: "" };
  const form = useForm<RecordConsentInput, unknown, z.output<typeof recordConsentSchema>>({ resolver: zodResolver(recordConsentSchema), defaultValues: empty });
  const errors = form.formState.errors;
  const labels: Record<keyof RecordConsentInput, string> = { participantId: "", actor: t.actor, actorName: t.actorName, scope: t.scope, method: t.method, givenOn: t.givenOn, validUntil: t.validUntil };
  const err = (name: keyof RecordConsentInput) => errorText(t, name, errors[name]?.message, labels[name]);
  const onSubmit = form.handleSubmit(async (values) => {
    const result = await recordConsentServer({ ...values, actorName: values.actorName ?? "", validUntil: values.validUntil ?? "" });
    if (!result.ok) {
      // What was typed stays; the server's messages go next to their fields, the focus to the first.
      let first = true;
      for (const [f, m] of Object.entries(result.fieldErrors ?? {})) {
        if (f === "_form" || f === "participantId" || !(f in labels)) continue;
        form.setError(f as keyof RecordConsentInput, { message: m[0] }, { shouldFocus: first });
        first = false;
      }
      setFormError(result.formError ?? null);
      return;
    }
    setFormError(null);
    form.reset(empty);
    say({ ok: true, text: t.recorded.replace("{actor}", actors.find((a) => a.value === result.data.actor)?.label ?? result.data.actor) });
    router.refresh();
  });
  const field = (name: keyof RecordConsentInput, control: (aria: object) => ReactNode, hint?: string) => {
    const e = err(name);
    return (
      <Field id={`consent-${name}`} label={labels[name]} error={e} hint={hint}>
        {control({ id: `consent-${name}`, ...fieldAria(`consent-${name}`, e, Boolean(hint)) })}
      </Field>
    );
  };
  return (
    <form onSubmit={onSubmit} noValidate className="form">
      <FormMessage error={formError} />
      {field("actor", (aria) => (
        <select {...aria} {...form.register("actor")}>
          {actors.map((a) => (
            <option key={a.value} value={a.value}>
              {a.label}
            </option>
          ))}
        </select>
      ))}
      {field("actorName", (aria) => <input {...aria} {...form.register("actorName")} />)}
      {field("scope", (aria) => <textarea rows={2} {...aria} {...form.register("scope")} />, t.scopeHint)}
      {field("method", (aria) => (
        <select {...aria} {...form.register("method")}>
          {methods.map((m) => (
            <option key={m.value} value={m.value}>
              {m.label}
            </option>
          ))}
        </select>
      ))}
      {field("givenOn", (aria) => <input type="date" {...aria} {...form.register("givenOn")} />)}
      {field("validUntil", (aria) => <input type="date" {...aria} {...form.register("validUntil")} />)}
      <SubmitButton className="primary" pending={form.formState.isSubmitting}>
        {t.add}
      </SubmitButton>
    </form>
  );
}

// ---- Withdrawing a consent ----------------------------------------------------------------

export function WithdrawConsent({ id, version, givenOn, today, actorLabel, t }: { id: string; version: number; givenOn: string; today: string; actorLabel: string; t: T }) {
  const router = useRouter();
  const say = useSay();
  const [open, setOpen] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const back = useRef(false);
  const form = useForm<WithdrawConsentInput, unknown, z.output<typeof withdrawConsentSchema>>({
    resolver: zodResolver(withdrawConsentSchema),
    defaultValues: { id, version, withdrawnOn: today },
  });
  const dateId = `withdraw-${id}-date`;
  const code = form.formState.errors.withdrawnOn?.message;
  const dateError = errorText(t, "withdrawnOn", code, t.withdrawDate, { givenOn });

  const { setFocus } = form;
  useEffect(() => {
    if (open) setFocus("withdrawnOn");
    else if (back.current) buttonRef.current?.focus();
    back.current = false;
  }, [open, setFocus]);

  const cancel = () => {
    back.current = true;
    form.reset({ id, version, withdrawnOn: today });
    setFormError(null);
    setOpen(false);
  };

  const onSubmit = form.handleSubmit(async (values) => {
    // The day the consent was given, as the table shows it; the server checks the stored one.
    if (values.withdrawnOn < givenOn) {
      form.setError("withdrawnOn", { message: "before_given" }, { shouldFocus: true });
      return;
    }
    const result = await withdrawConsentServer(values);
    if (result.ok) {
      say({ ok: true, text: t.withdrawnDone.replace("{actor}", actorLabel).replace("{date}", result.data.withdrawnOn) });
      router.refresh();
      return;
    }
    if (result.code === "conflict" || result.code === "not_found") {
      // Changed (or withdrawn) by someone else meanwhile: the table is drawn again as it is now.
      say({ ok: false, text: result.code === "conflict" ? t.withdrawConflict : (result.formError ?? t.withdrawConflict) });
      setOpen(false);
      router.refresh();
      return;
    }
    const m = result.fieldErrors?.withdrawnOn?.[0];
    if (m) form.setError("withdrawnOn", { message: m }, { shouldFocus: true });
    setFormError(m ? null : (result.formError ?? null));
  });

  if (!open) {
    return (
      <button type="button" ref={buttonRef} onClick={() => setOpen(true)}>
        {t.withdraw}
      </button>
    );
  }
  const questionId = `withdraw-${id}-q`;
  return (
    <div className="confirm-box" role="group" aria-labelledby={questionId} aria-describedby={`withdraw-${id}-explain`} onKeyDown={(e) => e.key === "Escape" && cancel()}>
      <p id={questionId}>
        <strong>{t.withdrawQuestion.replace("{actor}", actorLabel)}</strong>
      </p>
      <p id={`withdraw-${id}-explain`}>{t.withdrawExplain}</p>
      <form onSubmit={onSubmit} noValidate className="form">
        <FormMessage error={formError} />
        <Field id={dateId} label={t.withdrawDate} hint={t.withdrawDateHint.replace("{givenOn}", givenOn)} error={dateError}>
          <input type="date" id={dateId} min={givenOn} max={today} {...fieldAria(dateId, dateError, true)} {...form.register("withdrawnOn")} />
        </Field>
        <div className="actions-row">
          <SubmitButton className="primary" pending={form.formState.isSubmitting}>
            {t.withdrawYes}
          </SubmitButton>
          <button type="button" onClick={cancel} disabled={form.formState.isSubmitting}>
            {t.cancel}
          </button>
        </div>
      </form>
    </div>
  );
}
