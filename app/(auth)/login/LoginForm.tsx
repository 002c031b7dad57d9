"use client";
import { useActionState } from "react";
import { loginAction, type LoginState } from "./actions";
import { FormMessage } from "@/app/_components/Field";
import { SubmitButton } from "@/app/_components/SubmitButton";

export function LoginForm({ labels }: { labels: { email: string; password: string; submit: string } }) {
  const [state, formAction, pending] = useActionState<LoginState, FormData>(loginAction, { email: "" });
  const emailError = state.fieldErrors?.email?.[0];
  const passwordError = state.fieldErrors?.password?.[0];
  return (
    <form action={formAction} noValidate className="form">
      <FormMessage error={state.formError} />
      <div className="field">
        <label htmlFor="email">{labels.email}</label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={state.email}
          aria-invalid={emailError ? true : undefined}
          aria-describedby={emailError ? "email-error" : undefined}
        />
        {emailError && (
          <p id="email-error" className="field-error">
            {emailError}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor="password">{labels.password}</label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={passwordError ? true : undefined}
          aria-describedby={passwordError ? "password-error" : undefined}
        />
        {passwordError && (
          <p id="password-error" className="field-error">
            {passwordError}
          </p>
        )}
      </div>
      <SubmitButton className="primary" pending={pending}>
        {labels.submit}
      </SubmitButton>
    </form>
  );
}
