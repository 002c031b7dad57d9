"use server";
// Finding the person for a register extract: personnummer arrives in the POST body, never a URL.
import { redirect } from "next/navigation";
import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/session";
import { hasPermission } from "@/lib/auth/permissions";
import { findParticipantForExtract } from "@/lib/privacy/extract";

export interface FindState {
  personnummer: string;
  externalId: string;
  notFound?: boolean;
}

const schema = z.object({ personnummer: z.string().max(20), externalId: z.string().max(200) });

export async function findForExtractServer(_prev: FindState, formData: FormData): Promise<FindState> {
  const user = await getCurrentUser();
  const input = schema.safeParse({ personnummer: String(formData.get("personnummer") ?? ""), externalId: String(formData.get("externalId") ?? "") });
  if (!user || !hasPermission(user, "participant:extract") || !input.success) return { personnummer: "", externalId: "", notFound: true };
  const id = await findParticipantForExtract(user, input.data);
  if (!id) return { ...input.data, notFound: true };
  redirect(`/admin/registerutdrag/${id}`);
}
