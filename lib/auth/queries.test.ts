// Sign-in throttling on a real database: five failures per account, twenty per address, within
// fifteen minutes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "@/db/testing";
import type { DbHandle } from "@/db/client";
import { loginAttempts } from "@/db/schema";
import { isSignInLocked, MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_ADDRESS, recordSignInAttempt } from "./queries";

let handle: DbHandle;
beforeAll(async () => {
  handle = await createTestDb();
});
afterAll(async () => {
  await handle?.close();
});

describe("isSignInLocked", () => {
  it("locks an account after five failures, whatever the address", async () => {
    const email = "Someone@Example.se";
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT - 1; i++) await recordSignInAttempt(email, `10.0.0.${i}`, false, handle.db);
    expect(await isSignInLocked(email, "10.9.9.9", handle.db)).toBe(false);
    await recordSignInAttempt(email, "10.0.0.99", false, handle.db);
    expect(await isSignInLocked("someone@example.se", "10.9.9.9", handle.db)).toBe(true);
    expect(await isSignInLocked("other@example.se", "10.9.9.9", handle.db)).toBe(false);
  });
  it("forgets failures older than fifteen minutes", async () => {
    const email = "old@example.se";
    const old = new Date(Date.now() - 16 * 60_000);
    await handle.db.insert(loginAttempts).values(Array.from({ length: 6 }, () => ({ email, ip: "10.1.1.1", success: false, at: old })));
    expect(await isSignInLocked(email, "10.1.1.2", handle.db)).toBe(false);
  });
  it("locks an address after twenty failures across accounts", async () => {
    const ip = "192.0.2.50";
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++) await recordSignInAttempt(`user${i}@example.se`, ip, false, handle.db);
    expect(await isSignInLocked("fresh@example.se", ip, handle.db)).toBe(true);
    expect(await isSignInLocked("fresh@example.se", "192.0.2.51", handle.db)).toBe(false);
  });
  it("does not count successful sign-ins", async () => {
    for (let i = 0; i < 10; i++) await recordSignInAttempt("ok@example.se", "10.2.2.2", true, handle.db);
    expect(await isSignInLocked("ok@example.se", "10.2.2.2", handle.db)).toBe(false);
  });
});
