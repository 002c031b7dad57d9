"use client";
// The admin's user forms: react-hook-form with the same zod schemas the server actions use.
import { useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useForm, type FieldValues, type Path, type UseFormReturn } from "react-hook-form";
import { zodResolver } from "@/lib/i18n/zod-resolver";
import type { z } from "zod";
import { createUserSchema, resetPasswordSchema, updateUserSchema, type CreateUserInput, type ResetPasswordInput, type UpdateUserInput } from "@/lib/users/schema";
import { createUserServer, resetPasswordServer, setUserActiveServer, updateUserServer } from "./actions";
import { actionMessage, applyActionResult, BoundField, translate, type Labels, type Option } from "@/app/_components/BoundField";
import { FormMessage, type FormMessageValue } from "@/app/_components/Field";
import { SubmitButton } from "@/app/_components/SubmitButton";

export type { Labels } from "@/app/_components/BoundField";

/**
 * After a change on a user's page: the page is loaded again with what is saved, and the notice
 * that the user was just created (?created=1) goes, so it does not stay through later edits.
 */
function useReloadAfterSave() {
  const router = useRouter();
  return () => {
    const url = new URL(window.location.href);
    if (!url.searchParams.has("created")) return router.refresh();
    url.searchParams.delete("created");
    router.replace(`${url.pathname}${url.search}`, { scroll: false });
  };
}

/** A user form's field: its id is f-<name>. */
function UserField<T extends FieldValues, O extends FieldValues>(props: { form: UseFormReturn<T, unknown, O>; name: Path<T>; label: string; labels: Labels; type?: string; options?: Option[]; autoComplete?: string }) {
  const { type = "text", autoComplete = "off", ...rest } = props;
  return <BoundField {...rest} id={`f-${props.name}`} input={{ type, autoComplete }} />;
}

export function CreateUserForm({ labels, roles, units }: { labels: Labels; roles: Option[]; units: Option[] }) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<CreateUserInput, unknown, z.output<typeof createUserSchema>>({
    resolver: zodResolver(createUserSchema),
    defaultValues: { name: "", email: "", role: "coordinator", unitId: "", password: "" },
  });
  const onSubmit = form.handleSubmit(async (values) => {
    const result = await createUserServer({ ...values, unitId: values.unitId ?? "" });
    setFormError(applyActionResult(form.setError, result, labels));
    if (result.ok) router.push(`/admin/anvandare/${result.data.id}?created=1`);
  });
  return (
    <form onSubmit={onSubmit} noValidate className="form">
      <FormMessage error={formError} />
      <UserField form={form} name="name" label={labels.name} labels={labels} autoComplete="off" />
      <UserField form={form} name="email" label={labels.email} labels={labels} type="email" autoComplete="off" />
      <UserField form={form} name="role" label={labels.role} labels={labels} options={roles} />
      <UserField form={form} name="unitId" label={labels.unit} labels={labels} options={[{ value: "", label: labels.noUnit }, ...units]} />
      <UserField form={form} name="password" label={labels.password} labels={labels} type="password" autoComplete="new-password" />
      <SubmitButton className="primary" pending={form.formState.isSubmitting}>
        {labels.createSubmit}
      </SubmitButton>
    </form>
  );
}

export function EditUserForm({ labels, roles, units, initial }: { labels: Labels; roles: Option[]; units: Option[]; initial: UpdateUserInput }) {
  const reload = useReloadAfterSave();
  const [message, setMessage] = useState<FormMessageValue>(null);
  const form = useForm<UpdateUserInput, unknown, z.output<typeof updateUserSchema>>({
    resolver: zodResolver(updateUserSchema),
    defaultValues: { ...initial, unitId: initial.unitId ?? "" },
  });
  // The form stays (with its "Sparat.") when the page is loaded again after a save; it takes the
  // saved values and their time, unless something is being typed (then a stale save conflicts,
  // as it should). Remounting it on each save, as before, wiped the confirmation.
  const { isDirty } = form.formState;
  const dirty = useRef(isDirty);
  dirty.current = isDirty;
  const { reset } = form;
  useEffect(() => {
    if (!dirty.current) reset({ ...initial, unitId: initial.unitId ?? "" });
  }, [initial, reset]);
  const onSubmit = form.handleSubmit(async (values) => {
    const result = await updateUserServer({ ...values, unitId: values.unitId ?? "" });
    setMessage(actionMessage(form.setError, result, labels, labels.saved));
    if (result.ok) {
      // Not dirty any more: the page's fresh values (and time) replace the form's.
      form.reset(form.getValues());
      reload();
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate className="form">
      <FormMessage message={message} />
      <input type="hidden" {...form.register("id")} />
      <input type="hidden" {...form.register("openedAt")} />
      <UserField form={form} name="name" label={labels.name} labels={labels} autoComplete="off" />
      <UserField form={form} name="role" label={labels.role} labels={labels} options={roles} />
      <UserField form={form} name="unitId" label={labels.unit} labels={labels} options={[{ value: "", label: labels.noUnit }, ...units]} />
      <SubmitButton className="primary" pending={form.formState.isSubmitting}>
        {labels.save}
      </SubmitButton>
    </form>
  );
}

export function ResetPasswordForm({ labels, id }: { labels: Labels; id: string }) {
  const reload = useReloadAfterSave();
  const [message, setMessage] = useState<FormMessageValue>(null);
  const form = useForm<ResetPasswordInput, unknown, z.output<typeof resetPasswordSchema>>({
    resolver: zodResolver(resetPasswordSchema),
    defaultValues: { id, password: "" },
  });
  const onSubmit = form.handleSubmit(async (values) => {
    const result = await resetPasswordServer(values);
    setMessage(actionMessage(form.setError, result, labels, labels.saved));
    if (result.ok) {
      form.reset({ id, password: "" });
      reload();
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate className="form">
      <FormMessage message={message} />
      <input type="hidden" {...form.register("id")} />
      <UserField form={form} name="password" label={labels.newPassword} labels={labels} type="password" autoComplete="new-password" />
      <SubmitButton pending={form.formState.isSubmitting}>{labels.resetPassword}</SubmitButton>
    </form>
  );
}

/**
 * Deactivate (after a second step: the user is signed out at once) or activate. The question
 * takes the button's place with the focus on "Ja, avaktivera"; Avbryt or Escape go back to it.
 */
export function ActiveToggle({ labels, id, active, name }: { labels: Labels; id: string; active: boolean; name: string }) {
  const reload = useReloadAfterSave();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const back = useRef(false);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
    else if (back.current) toggleRef.current?.focus();
    back.current = false;
  }, [confirming]);
  function cancel() {
    back.current = true;
    setConfirming(false);
  }
  async function toggle() {
    setPending(true);
    const result = await setUserActiveServer({ id, active: !active });
    setPending(false);
    // Answered from the question: back to the button (its row says what went wrong, if anything).
    back.current = confirming;
    setConfirming(false);
    setError(result.ok ? null : (translate(labels, result.formError) ?? ""));
    if (result.ok) reload();
  }
  if (confirming) {
    return (
      <div className="actions-row" role="group" aria-labelledby={`deactivate-${id}-q`} onKeyDown={(e) => e.key === "Escape" && cancel()}>
        <p id={`deactivate-${id}-q`}>{labels.deactivateConfirm.replace("{name}", name)}</p>
        <button type="button" ref={confirmRef} className="primary" onClick={toggle} disabled={pending}>
          {labels.deactivateYes}
        </button>
        <button type="button" onClick={cancel} disabled={pending}>
          {labels.cancel}
        </button>
      </div>
    );
  }
  return (
    <div className="actions-row">
      <SubmitButton type="button" ref={toggleRef} onClick={active ? () => setConfirming(true) : toggle} pending={pending}>
        {active ? labels.deactivate : labels.activate}
      </SubmitButton>
      <FormMessage error={error} />
    </div>
  );
}
