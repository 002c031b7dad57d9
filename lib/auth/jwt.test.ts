// The session cookie: our encoder and Auth.js's read each other's cookies, so a deployment of this
// change keeps everyone signed in, and a cookie sealed with another secret or too old is refused.
import { afterEach, describe, expect, it, vi } from "vitest";
import { decode as authjsDecode, encode as authjsEncode } from "next-auth/jwt";
import { decodeSessionToken, derivedKey, encodeSessionToken } from "./jwt";

const secret = "test-secret-0123456789-0123456789-0123456789";
const salt = "authjs.session-token";
const token = { sub: "u1", name: "Anna Koordinator", email: "anna@example.se", uid: "u1", role: "coordinator", loginAt: 1_764_489_600 };

afterEach(() => vi.useRealTimers());

describe("session token", () => {
  it("is read by Auth.js, and reads Auth.js's own", async () => {
    const ours = await encodeSessionToken({ token, secret, salt, maxAge: 1800 });
    expect(await authjsDecode({ token: ours, secret, salt })).toMatchObject(token);
    const theirs = await authjsEncode({ token, secret, salt, maxAge: 1800 });
    expect(await decodeSessionToken({ token: theirs, secret, salt })).toMatchObject(token);
    // The same header as Auth.js writes, key id included.
    expect(JSON.parse(Buffer.from(ours.split(".")[0], "base64url").toString())).toEqual(JSON.parse(Buffer.from(theirs.split(".")[0], "base64url").toString()));
  });

  it("refuses a cookie sealed with another secret or for another cookie name", async () => {
    const sealed = await encodeSessionToken({ token, secret, salt, maxAge: 1800 });
    await expect(decodeSessionToken({ token: sealed, secret: `${secret}-other`, salt })).rejects.toThrow();
    await expect(decodeSessionToken({ token: sealed, secret, salt: "__Secure-authjs.session-token" })).rejects.toThrow();
    const tampered = sealed.slice(0, -4) + (sealed.endsWith("AAAA") ? "BBBB" : "AAAA");
    await expect(decodeSessionToken({ token: tampered, secret, salt })).rejects.toThrow();
  });

  it("reads cookies of a previous secret while it is listed (rotation), and writes with the first", async () => {
    const old = await encodeSessionToken({ token, secret: "old-secret-0123456789-0123456789", salt, maxAge: 1800 });
    expect(await decodeSessionToken({ token: old, secret: [secret, "old-secret-0123456789-0123456789"], salt })).toMatchObject({ uid: "u1" });
    const fresh = await encodeSessionToken({ token, secret: [secret, "old-secret-0123456789-0123456789"], salt, maxAge: 1800 });
    expect(await decodeSessionToken({ token: fresh, secret, salt })).toMatchObject({ uid: "u1" });
  });

  it("refuses an expired cookie", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-11-30T08:00:00Z"));
    const sealed = await encodeSessionToken({ token, secret, salt, maxAge: 1800 });
    vi.setSystemTime(new Date("2026-11-30T08:31:00Z"));
    await expect(decodeSessionToken({ token: sealed, secret, salt })).rejects.toThrow(/exp/);
  });

  it("derives the key once per secret and cookie name", async () => {
    const a = await derivedKey("A256CBC-HS512", secret, salt);
    expect(await derivedKey("A256CBC-HS512", secret, salt)).toBe(a);
    expect(a.key.byteLength).toBe(64);
    expect((await derivedKey("A256CBC-HS512", secret, "other")).kid).not.toBe(a.kid);
    expect(await decodeSessionToken({ token: "", secret, salt })).toBeNull();
  });
});
