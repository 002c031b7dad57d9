"use client";
// The person for a register extract, by exact personnummer or id: the answer where the focus goes
// (the field to correct, or the message when nobody was found).
import { useActionState, useEffect, useRef } from "react";
import { findForExtractServer, type FindState } from "./actions";
import { Field, fieldAria } from "@/app/_components/Field";
import type { PrivacyMessages } from "@/lib/i18n/areas/privacy";

export function FindForm({ labels }: { labels: PrivacyMessages["extract"] }) {
  const [state, action, pending] = useActionState<FindState, FormData>(findForExtractServer, { personnummer: "", externalId: "" });
  const messageRef = useRef<HTMLParagraphElement>(null);
  const pnrRef = useRef<HTMLInputElement>(null);
  const message = state.error === "empty" ? labels.empty : state.error === "notFound" ? labels.notFound : null;
  const pnrError = state.personnummerInvalid ? labels.personnummerInvalid : undefined;
  useEffect(() => {
    if (pnrError) pnrRef.current?.focus();
    else if (message) messageRef.current?.focus();
  }, [state, pnrError, message]);
  return (
    <form action={action} className="form" method="post" noValidate>
      {message && (
        <p ref={messageRef} tabIndex={-1} role="alert" className="form-error">
          {message}
        </p>
      )}
      <Field id="personnummer" label={labels.personnummer} error={pnrError}>
        <input ref={pnrRef} id="personnummer" name="personnummer" inputMode="numeric" autoComplete="off" defaultValue={state.personnummer} {...fieldAria("personnummer", pnrError)} />
      </Field>
      <Field id="externalId" label={labels.externalId}>
        <input id="externalId" name="externalId" autoComplete="off" defaultValue={state.externalId} />
      </Field>
      <button type="submit" className="primary" disabled={pending}>
        {labels.find}
      </button>
    </form>
  );
}
