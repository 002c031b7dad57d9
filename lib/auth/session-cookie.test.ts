// The session cookie read and renewed without Auth.js's pipeline must behave as Auth.js's session
// endpoint does: the same cookie name, secrets and attributes, each side accepting the other's
// renewed cookie, and a cookie that is not a valid session refused and removed.
import { afterEach, describe, expect, it, vi } from "vitest";
// Auth.js's core, as next-auth's route handler calls it (next-auth itself does not load outside Next).
import { Auth } from "@auth/core";
import { ABSOLUTE_TIMEOUT_SECONDS, authConfig, IDLE_TIMEOUT_SECONDS } from "./config";
import { encodeSessionToken } from "./jwt";
import { readSession, renewSession, serializeCookie, sessionCookieName, sessionSecrets, usesSecureCookies } from "./session-cookie";

const secret = "session-cookie-test-secret-0123456789-0123456789";
const env = { AUTH_SECRET: secret } as unknown as NodeJS.ProcessEnv;
// Auth.js logs every refused cookie as an error; the refusals here are the point of the test.
const quiet = { error: () => {}, warn: () => {}, debug: () => {} };
const authjsConfig = { ...authConfig, secret, basePath: "/api/auth", logger: quiet } as unknown as Parameters<typeof Auth>[1];

const now = () => Math.floor(Date.now() / 1000);
const claims = (over: Record<string, unknown> = {}) => ({ name: "Anna", email: "anna@example.se", sub: "u1", uid: "u1", role: "coordinator", loginAt: now() - 60, ...over });
const seal = (token: Record<string, unknown>, salt = "authjs.session-token", s: string | string[] = secret) => encodeSessionToken({ token, secret: s, salt, maxAge: IDLE_TIMEOUT_SECONDS });
const headersOf = (cookie: string, proto = "http") => new Headers({ cookie, "x-forwarded-proto": proto, host: "localhost:3000" });

/** Auth.js's own answer to the same cookie: the session body and the cookies it sets. */
async function authjs(cookie: string, proto = "http") {
  const res = await Auth(new Request(`${proto}://localhost:3000/api/auth/session`, { headers: headersOf(cookie, proto) }), authjsConfig);
  return { body: (await res.json()) as { user?: { id?: string } } | null, setCookies: res.headers.getSetCookie() };
}

afterEach(() => vi.useRealTimers());

describe("session cookie without Auth.js's pipeline", () => {
  it("reads the cookie Auth.js renews, and Auth.js reads the one renewed here", async () => {
    const first = `authjs.session-token=${await seal(claims())}`;
    const theirs = (await authjs(first)).setCookies.find((c) => c.startsWith("authjs.session-token="))!;
    const theirCookie = theirs.split(";")[0];
    expect(await readSession(headersOf(theirCookie), env)).toMatchObject({ userId: "u1" });

    const ours = await renewSession(headersOf(first), env);
    expect(ours.session?.userId).toBe("u1");
    expect(ours.cookies).toHaveLength(1);
    const back = await authjs(`${ours.cookies[0].name}=${ours.cookies[0].value}`);
    expect(back.body?.user?.id).toBe("u1");
  });

  it("sets the cookie with Auth.js's name and attributes, over HTTP and HTTPS", async () => {
    for (const proto of ["http", "https"]) {
      const name = sessionCookieName(proto === "https");
      const cookie = `${name}=${await seal(claims(), name)}`;
      const theirs = (await authjs(cookie, proto)).setCookies.find((c) => c.startsWith(`${name}=`))!;
      const [{ name: ourName, options }] = (await renewSession(headersOf(cookie, proto), env)).cookies;
      expect(ourName).toBe(name);
      const attrs = (c: string) => c.split(";").slice(1).map((a) => a.trim().split("=")[0].toLowerCase()).sort();
      expect(attrs(theirs)).toEqual(["expires", "httponly", "path", "samesite", ...(proto === "https" ? ["secure"] : [])].sort());
      expect(theirs).toMatch(/Path=\//);
      expect(theirs).toMatch(/SameSite=Lax/);
      expect(options).toMatchObject({ httpOnly: true, sameSite: "lax", path: "/", secure: proto === "https" });
      const ours = serializeCookie({ name: ourName, value: "v", options });
      expect(attrs(ours)).toEqual(attrs(theirs));
      expect(ours).toMatch(/Path=\//);
      expect(ours).toMatch(/SameSite=Lax/);
      const theirExpiry = Date.parse(/Expires=([^;]+)/.exec(theirs)![1]);
      expect(Math.abs(options.expires.getTime() - theirExpiry)).toBeLessThan(3000);
      expect(Math.abs(options.expires.getTime() - (Date.now() + IDLE_TIMEOUT_SECONDS * 1000))).toBeLessThan(3000);
    }
  });

  it("decides on secure cookies as Auth.js does: AUTH_URL first, then x-forwarded-proto, otherwise https", () => {
    expect(usesSecureCookies(new Headers({ "x-forwarded-proto": "http" }), env)).toBe(false);
    expect(usesSecureCookies(new Headers({ "x-forwarded-proto": "https" }), env)).toBe(true);
    expect(usesSecureCookies(new Headers(), env)).toBe(true);
    expect(usesSecureCookies(new Headers({ "x-forwarded-proto": "http" }), { ...env, AUTH_URL: "https://etablera.example.se" })).toBe(true);
    expect(usesSecureCookies(new Headers({ "x-forwarded-proto": "https" }), { ...env, NEXTAUTH_URL: "http://localhost:3000" })).toBe(false);
  });

  it("uses Auth.js's secrets in its order: the rotated ones first, the first one seals", async () => {
    const rotated = { AUTH_SECRET: "old-secret-0123456789-0123456789", AUTH_SECRET_1: secret } as unknown as NodeJS.ProcessEnv;
    expect(sessionSecrets(rotated)).toEqual([secret, "old-secret-0123456789-0123456789"]);
    expect(sessionSecrets({ NEXTAUTH_SECRET: "n" } as unknown as NodeJS.ProcessEnv)).toEqual(["n"]);
    const old = `authjs.session-token=${await seal(claims(), undefined, "old-secret-0123456789-0123456789")}`;
    const { session, cookies } = await renewSession(headersOf(old), rotated);
    expect(session?.userId).toBe("u1");
    expect(await readSession(headersOf(`authjs.session-token=${cookies[0].value}`), env)).not.toBeNull();
  });

  it("joins a cookie split into chunks, and replaces the chunks with one cookie", async () => {
    const value = await seal(claims());
    const cookie = `authjs.session-token.1=${value.slice(200)}; other=x; authjs.session-token.0=${value.slice(0, 200)}`;
    expect(await readSession(headersOf(cookie), env)).toMatchObject({ userId: "u1" });
    expect((await authjs(cookie)).body?.user?.id).toBe("u1");
    const { cookies } = await renewSession(headersOf(cookie), env);
    expect(cookies.map((c) => [c.name, c.value === "" ? "removed" : "set"])).toEqual([
      ["authjs.session-token.0", "removed"],
      ["authjs.session-token.1", "removed"],
      ["authjs.session-token", "set"],
    ]);
  });

  it("refuses and removes a cookie of another secret, a tampered one, one past the absolute limit and one without a user", async () => {
    const bad = [
      await seal(claims(), undefined, "someone-elses-secret-0123456789-0123456789"),
      (await seal(claims())).slice(0, -3) + "AAA",
      await seal(claims({ loginAt: now() - ABSOLUTE_TIMEOUT_SECONDS - 1 })),
      await seal(claims({ loginAt: undefined })),
      await seal(claims({ uid: undefined })),
      "not-a-token",
    ];
    for (const value of bad) {
      const cookie = `authjs.session-token=${value}`;
      expect(await readSession(headersOf(cookie), env)).toBeNull();
      const { session, cookies } = await renewSession(headersOf(cookie), env);
      expect(session).toBeNull();
      expect(cookies).toEqual([{ name: "authjs.session-token", value: "", options: expect.objectContaining({ expires: new Date(0) }) }]);
      expect((await authjs(cookie)).body?.user?.id).toBeUndefined();
    }
    expect(await renewSession(headersOf("other=1"), env)).toEqual({ session: null, cookies: [] });
    expect(await readSession(headersOf(`authjs.session-token=${await seal(claims())}`), {} as NodeJS.ProcessEnv)).toBeNull();
  });

  it("reads the cookie of the scheme in use only: an HTTP cookie is no session over HTTPS", async () => {
    const plain = `authjs.session-token=${await seal(claims())}`;
    expect(await readSession(headersOf(plain, "https"), env)).toBeNull();
    expect((await authjs(plain, "https")).body?.user?.id).toBeUndefined();
  });
});
