"use client";
// The admin's reference-value forms: react-hook-form with the same zod schemas the server actions
// use; errors next to the field, what was typed stays.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm, type FieldValues, type Path, type UseFormReturn } from "react-hook-form";
import { zodResolver } from "@/lib/i18n/zod-resolver";
import type { z } from "zod";
import { createReferenceSchema, updateReferenceSchema, type CreateReferenceInput, type UpdateReferenceInput } from "@/lib/references/schema";
import { createReferenceServer, deleteReferenceServer, updateReferenceServer } from "./actions";
import { actionMessage, BoundField, translate, type Labels, type Option } from "@/app/_components/BoundField";
import { FormMessage, type FormMessageValue } from "@/app/_components/Field";
import { useFocusAfterUpdate } from "@/app/_components/useFocusAfterUpdate";
import { SubmitButton } from "@/app/_components/SubmitButton";

export type { Labels } from "@/app/_components/BoundField";
export interface Choices {
  indicators: Option[];
  kinds: Option[];
}

function Fields<T extends FieldValues, O extends FieldValues>({ form, labels, choices, prefix }: { form: UseFormReturn<T, unknown, O>; labels: Labels; choices: Choices; prefix: string }) {
  return (
    <>
      <BoundField form={form} id={`${prefix}-indicator`} name={"indicator" as Path<T>} label={labels.indicator} labels={labels} options={[{ value: "", label: "" }, ...choices.indicators]} />
      <BoundField form={form} id={`${prefix}-year`} name={"year" as Path<T>} label={labels.year} labels={labels} hint={labels.yearHelp} input={{ inputMode: "numeric" }} />
      <BoundField form={form} id={`${prefix}-kind`} name={"kind" as Path<T>} label={labels.kind} labels={labels} options={choices.kinds} />
      <BoundField form={form} id={`${prefix}-value`} name={"value" as Path<T>} label={labels.value} labels={labels} hint={labels.valueHelp} input={{ inputMode: "decimal" }} />
      <BoundField form={form} id={`${prefix}-source`} name={"source" as Path<T>} label={labels.source} labels={labels} hint={labels.sourceHelp} />
      <BoundField form={form} id={`${prefix}-note`} name={"note" as Path<T>} label={labels.note} labels={labels} />
    </>
  );
}

export function CreateReferenceForm({ labels, choices, defaultYear }: { labels: Labels; choices: Choices; defaultYear: string }) {
  const router = useRouter();
  const [message, setMessage] = useState<FormMessageValue>(null);
  const empty: CreateReferenceInput = { indicator: "" as CreateReferenceInput["indicator"], year: defaultYear, kind: "reference", value: "", source: "", note: "" };
  const form = useForm<CreateReferenceInput, unknown, z.output<typeof createReferenceSchema>>({ resolver: zodResolver(createReferenceSchema), defaultValues: empty });
  const onSubmit = form.handleSubmit(async () => {
    // The input as typed goes to the server, which validates and converts it again.
    const result = await createReferenceServer(form.getValues());
    setMessage(actionMessage(form.setError, result, labels, labels.created));
    if (result.ok) {
      form.reset(empty);
      router.refresh();
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate className="form" aria-labelledby="create-reference-title">
      <FormMessage message={message} />
      <Fields form={form} labels={labels} choices={choices} prefix="new" />
      <SubmitButton className="primary" pending={form.formState.isSubmitting}>
        {labels.createSubmit}
      </SubmitButton>
    </form>
  );
}

export function EditReferenceForm({ labels, choices, initial }: { labels: Labels; choices: Choices; initial: UpdateReferenceInput }) {
  const router = useRouter();
  const [message, setMessage] = useState<FormMessageValue>(null);
  const form = useForm<UpdateReferenceInput, unknown, z.output<typeof updateReferenceSchema>>({ resolver: zodResolver(updateReferenceSchema), defaultValues: initial });
  const onSubmit = form.handleSubmit(async () => {
    const result = await updateReferenceServer(form.getValues());
    setMessage(actionMessage(form.setError, result, labels, labels.saved));
    if (result.ok) router.refresh();
  });
  return (
    <form onSubmit={onSubmit} noValidate className="form">
      <FormMessage message={message} />
      <input type="hidden" {...form.register("id")} />
      <input type="hidden" {...form.register("openedAt")} />
      <Fields form={form} labels={labels} choices={choices} prefix="edit" />
      <SubmitButton className="primary" pending={form.formState.isSubmitting}>
        {labels.save}
      </SubmitButton>
    </form>
  );
}

export function DeleteReference({ labels, id }: { labels: Labels; id: string }) {
  const router = useRouter();
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  // Refused: the reason takes focus (the button was disabled while asking).
  const message = useFocusAfterUpdate();
  async function remove() {
    setPending(true);
    const result = await deleteReferenceServer({ id });
    setPending(false);
    if (result.ok) return router.push("/admin/referensvarden?deleted=1");
    setError(translate(labels, result.formError) ?? "");
    message.focus();
  }
  return (
    <div>
      {!asking ? (
        <button type="button" onClick={() => setAsking(true)}>
          {labels.delete}
        </button>
      ) : (
        <div role="group" aria-label={labels.delete}>
          <p>{labels.deleteQuestion}</p>
          <div className="actions-row">
            <button type="button" onClick={remove} disabled={pending}>
              {labels.confirmDelete}
            </button>
          </div>
        </div>
      )}
      <FormMessage error={error} focusRef={message.ref} />
    </div>
  );
}
