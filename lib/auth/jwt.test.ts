// The session cookie: our encoder and Auth.js's read each other's cookies, so a deployment of this
// change keeps everyone signed in, and a cookie sealed with another secret or too old is refused.
import { afterEach, describe, expect, it, vi } from "vitest";
import { decode as authjsDecode, encode as authjsEncode } from "next-auth/jwt";
import { EncryptJWT } from "jose";
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

  it("reads a cookie sealed with A256GCM (as Auth.js reads it) and refuses other algorithms and a cookie not yet valid", async () => {
    const gcm = derivedKey("A256GCM", secret, salt);
    const sealed = await new EncryptJWT(token).setProtectedHeader({ alg: "dir", enc: "A256GCM", kid: gcm.kid }).setIssuedAt().setExpirationTime("30m").encrypt(gcm.key);
    expect(await decodeSessionToken({ token: sealed, secret, salt })).toMatchObject(token);
    expect(await authjsDecode({ token: sealed, secret, salt })).toMatchObject(token);
    const cbc = derivedKey("A256CBC-HS512", secret, salt);
    const notYet = await new EncryptJWT(token).setProtectedHeader({ alg: "dir", enc: "A256CBC-HS512", kid: cbc.kid }).setNotBefore("10m").encrypt(cbc.key);
    await expect(decodeSessionToken({ token: notYet, secret, salt })).rejects.toThrow(/nbf/);
    const ours = await encodeSessionToken({ token, secret, salt, maxAge: 1800 });
    const [, , iv, ciphertext, tag] = ours.split(".");
    const header = (h: object) => Buffer.from(JSON.stringify(h)).toString("base64url");
    // Another algorithm in the header, or an encrypted key where "dir" has none: refused.
    await expect(decodeSessionToken({ token: [header({ alg: "A256KW", enc: "A256CBC-HS512", kid: cbc.kid }), "", iv, ciphertext, tag].join("."), secret, salt })).rejects.toThrow(/alg/);
    await expect(decodeSessionToken({ token: [ours.split(".")[0], "AAAA", iv, ciphertext, tag].join("."), secret, salt })).rejects.toThrow(/Encrypted Key/);
    // The header is authenticated: the same ciphertext under a rewritten header fails its tag.
    await expect(decodeSessionToken({ token: [header({ enc: "A256CBC-HS512", alg: "dir", kid: cbc.kid }), "", iv, ciphertext, tag].join("."), secret, salt })).rejects.toThrow(/decryption failed/);
    await expect(decodeSessionToken({ token: "a.b.c", secret, salt })).rejects.toThrow(/Compact JWE/);
  });

  it("refuses an expired cookie", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-11-30T08:00:00Z"));
    const sealed = await encodeSessionToken({ token, secret, salt, maxAge: 1800 });
    vi.setSystemTime(new Date("2026-11-30T08:31:00Z"));
    await expect(decodeSessionToken({ token: sealed, secret, salt })).rejects.toThrow(/exp/);
  });

  it("derives the key once per secret and cookie name", async () => {
    const a = derivedKey("A256CBC-HS512", secret, salt);
    expect(derivedKey("A256CBC-HS512", secret, salt)).toBe(a);
    expect(a.key.byteLength).toBe(64);
    expect(derivedKey("A256CBC-HS512", secret, "other").kid).not.toBe(a.kid);
    expect(await decodeSessionToken({ token: "", secret, salt })).toBeNull();
  });
});
