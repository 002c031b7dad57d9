// Matching the identity provider's user to an account an admin created.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { createTestDb } from "@/db/testing";
import type { DbHandle } from "@/db/client";
import * as s from "@/db/schema";
import { oidcSettings, resolveOidcUser } from "./oidc";

let handle: DbHandle;

beforeAll(async () => {
  handle = await createTestDb();
  const [m] = await handle.db.insert(s.municipalities).values({ code: "9501", name: "K" }).returning();
  await handle.db.insert(s.users).values([
    { municipalityId: m.id, email: "anna@kommun.se", name: "Anna", role: "coordinator" },
    { municipalityId: m.id, email: "borta@kommun.se", name: "Borta", role: "manager", active: false },
    { municipalityId: m.id, email: "bunden@kommun.se", name: "Bunden", role: "admin", oidcSubject: "sub-bunden" },
  ]);
});
afterAll(async () => {
  await handle?.close();
});

describe("resolveOidcUser", () => {
  it("matches by email the first time and remembers the subject", async () => {
    const u = await resolveOidcUser("sub-anna", " Anna@Kommun.se ", handle.db);
    expect(u).toMatchObject({ email: "anna@kommun.se", role: "coordinator" });
    const [row] = await handle.db.select().from(s.users).where(eq(s.users.email, "anna@kommun.se"));
    expect(row.oidcSubject).toBe("sub-anna");
    // Later by subject, even if the provider's email changed.
    expect(await resolveOidcUser("sub-anna", "annan@kommun.se", handle.db)).toMatchObject({ id: row.id });
  });
  it("refuses unknown and inactive users; no self-registration", async () => {
    expect(await resolveOidcUser("sub-x", "ny@kommun.se", handle.db)).toBeNull();
    expect(await resolveOidcUser("sub-borta", "borta@kommun.se", handle.db)).toBeNull();
    expect(await handle.db.$count(s.users)).toBe(3);
  });
  it("an account bound to one subject cannot be claimed by email from another", async () => {
    expect(await resolveOidcUser("sub-other", "bunden@kommun.se", handle.db)).toBeNull();
    expect(await resolveOidcUser("sub-bunden", "bunden@kommun.se", handle.db)).toMatchObject({ role: "admin" });
  });
  it("is configured only when issuer, client id and secret are all set", () => {
    expect(oidcSettings({ OIDC_ISSUER: "https://idp", OIDC_CLIENT_ID: "a" })).toBeNull();
    expect(oidcSettings({ OIDC_ISSUER: "https://idp", OIDC_CLIENT_ID: "a", OIDC_CLIENT_SECRET: "b" })).toEqual({ issuer: "https://idp", clientId: "a", clientSecret: "b" });
  });
});
