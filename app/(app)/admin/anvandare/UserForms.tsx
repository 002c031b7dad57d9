"use client";
// The admin's user forms: react-hook-form with the same zod schemas the server actions use.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm, type FieldValues, type Path, type UseFormReturn } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { createUserSchema, resetPasswordSchema, updateUserSchema, type CreateUserInput, type ResetPasswordInput, type UpdateUserInput } from "@/lib/users/schema";
import { createUserServer, resetPasswordServer, setUserActiveServer, updateUserServer } from "./actions";
import { actionMessage, applyActionResult, BoundField, translate, type Labels, type Option } from "@/app/_components/BoundField";
import { FormMessage, type FormMessageValue } from "@/app/_components/Field";

export type { Labels } from "@/app/_components/BoundField";

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
      <button type="submit" className="primary" disabled={form.formState.isSubmitting}>
        {labels.createSubmit}
      </button>
    </form>
  );
}

export function EditUserForm({ labels, roles, units, initial }: { labels: Labels; roles: Option[]; units: Option[]; initial: UpdateUserInput }) {
  const router = useRouter();
  const [message, setMessage] = useState<FormMessageValue>(null);
  const form = useForm<UpdateUserInput, unknown, z.output<typeof updateUserSchema>>({
    resolver: zodResolver(updateUserSchema),
    defaultValues: { ...initial, unitId: initial.unitId ?? "" },
  });
  const onSubmit = form.handleSubmit(async (values) => {
    const result = await updateUserServer({ ...values, unitId: values.unitId ?? "" });
    setMessage(actionMessage(form.setError, result, labels, labels.saved));
    if (result.ok) router.refresh();
  });
  return (
    <form onSubmit={onSubmit} noValidate className="form">
      <FormMessage message={message} />
      <input type="hidden" {...form.register("id")} />
      <input type="hidden" {...form.register("openedAt")} />
      <UserField form={form} name="name" label={labels.name} labels={labels} autoComplete="off" />
      <UserField form={form} name="role" label={labels.role} labels={labels} options={roles} />
      <UserField form={form} name="unitId" label={labels.unit} labels={labels} options={[{ value: "", label: labels.noUnit }, ...units]} />
      <button type="submit" className="primary" disabled={form.formState.isSubmitting}>
        {labels.save}
      </button>
    </form>
  );
}

export function ResetPasswordForm({ labels, id }: { labels: Labels; id: string }) {
  const [message, setMessage] = useState<FormMessageValue>(null);
  const form = useForm<ResetPasswordInput, unknown, z.output<typeof resetPasswordSchema>>({
    resolver: zodResolver(resetPasswordSchema),
    defaultValues: { id, password: "" },
  });
  const onSubmit = form.handleSubmit(async (values) => {
    const result = await resetPasswordServer(values);
    setMessage(actionMessage(form.setError, result, labels, labels.saved));
    if (result.ok) form.reset({ id, password: "" });
  });
  return (
    <form onSubmit={onSubmit} noValidate className="form">
      <FormMessage message={message} />
      <input type="hidden" {...form.register("id")} />
      <UserField form={form} name="password" label={labels.newPassword} labels={labels} type="password" autoComplete="new-password" />
      <button type="submit">{labels.resetPassword}</button>
    </form>
  );
}

export function ActiveToggle({ labels, id, active }: { labels: Labels; id: string; active: boolean }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  async function toggle() {
    setPending(true);
    const result = await setUserActiveServer({ id, active: !active });
    setPending(false);
    setError(result.ok ? null : (translate(labels, result.formError) ?? ""));
    if (result.ok) router.refresh();
  }
  return (
    <div className="actions-row">
      <button type="button" onClick={toggle} disabled={pending}>
        {active ? labels.deactivate : labels.activate}
      </button>
      <FormMessage error={error} />
    </div>
  );
}
