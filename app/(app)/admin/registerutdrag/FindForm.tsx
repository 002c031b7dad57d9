"use client";
import { useActionState } from "react";
import { findForExtractServer, type FindState } from "./actions";
import { FormMessage } from "@/app/_components/Field";

export function FindForm({ labels }: { labels: { personnummer: string; externalId: string; find: string; notFound: string } }) {
  const [state, action, pending] = useActionState<FindState, FormData>(findForExtractServer, { personnummer: "", externalId: "" });
  return (
    <form action={action} className="form" method="post">
      {state.notFound && <FormMessage error={labels.notFound} />}
      <div className="field">
        <label htmlFor="personnummer">{labels.personnummer}</label>
        <input id="personnummer" name="personnummer" inputMode="numeric" autoComplete="off" defaultValue={state.personnummer} />
      </div>
      <div className="field">
        <label htmlFor="externalId">{labels.externalId}</label>
        <input id="externalId" name="externalId" autoComplete="off" defaultValue={state.externalId} />
      </div>
      <button type="submit" className="primary" disabled={pending}>
        {labels.find}
      </button>
    </form>
  );
}
