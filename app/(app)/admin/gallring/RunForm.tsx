"use client";
import { useActionState } from "react";
import { runGallringServer, type GallringState } from "./actions";
import { FormMessage } from "@/app/_components/Field";

export function RunForm({ expected, labels }: { expected: number; labels: { run: string; done: string } }) {
  const [state, action, pending] = useActionState<GallringState, FormData>(runGallringServer, {});
  return (
    <form action={action} className="form">
      <FormMessage error={state.error} success={state.done !== undefined ? `${labels.done} ${state.done}` : null} />
      <input type="hidden" name="expected" value={expected} />
      {expected > 0 && (
        <button type="submit" className="primary" disabled={pending}>
          {labels.run}
        </button>
      )}
    </form>
  );
}
