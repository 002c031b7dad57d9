"use client";
import { useActionState } from "react";
import { runGallringServer, type GallringState } from "./actions";

export function RunForm({ expected, labels }: { expected: number; labels: { run: string; done: string } }) {
  const [state, action, pending] = useActionState<GallringState, FormData>(runGallringServer, {});
  return (
    <form action={action} className="form">
      {state.error && (
        <p role="alert" className="form-error">
          {state.error}
        </p>
      )}
      {state.done !== undefined && (
        <p role="status" className="success">
          {labels.done} {state.done}
        </p>
      )}
      <input type="hidden" name="expected" value={expected} />
      {expected > 0 && (
        <button type="submit" className="primary" disabled={pending}>
          {labels.run}
        </button>
      )}
    </form>
  );
}
