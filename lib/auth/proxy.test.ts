// The proxy (proxy.ts): who is let through, who is sent to sign-in, and the session
// cookie renewed on every request (the idle timeout) or removed when it is no valid session.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import { proxy } from "@/proxy";
import { IDLE_TIMEOUT_SECONDS } from "./config";
import { encodeSessionToken } from "./jwt";

const secret = "proxy-test-secret-0123456789-0123456789";
const seal = (over: Record<string, unknown> = {}) =>
  encodeSessionToken({ token: { sub: "u1", uid: "u1", role: "coordinator", loginAt: Math.floor(Date.now() / 1000) - 60, ...over }, secret, salt: "authjs.session-token", maxAge: IDLE_TIMEOUT_SECONDS });
const request = (path: string, cookie?: string) => new NextRequest(`http://localhost:3000${path}`, { headers: { "x-forwarded-proto": "http", ...(cookie ? { cookie } : {}) } });
const setCookies = (res: Response) => res.headers.getSetCookie();

beforeEach(() => vi.stubEnv("AUTH_SECRET", secret));
afterEach(() => vi.unstubAllEnvs());

describe("proxy", () => {
  it("sends a request without a session to sign-in, with the security headers", async () => {
    const res = await proxy(request("/deltagare?q=ahmed"));
    expect(res.status).toBe(307);
    expect(new URL(res.headers.get("location")!).pathname).toBe("/login");
    expect(new URL(res.headers.get("location")!).search).toBe("");
    expect(res.headers.get("content-security-policy")).toMatch(/script-src 'self' 'nonce-/);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(setCookies(res)).toEqual([]);
  });

  it("lets a valid session through, renews its cookie and hands the page the nonce", async () => {
    const res = await proxy(request("/deltagare", `authjs.session-token=${await seal()}`));
    expect(res.status).toBe(200);
    expect(res.headers.get("x-middleware-next")).toBe("1");
    const [renewed] = setCookies(res);
    expect(renewed).toMatch(/^authjs\.session-token=[^;]+;/);
    expect(renewed).toMatch(/HttpOnly/i);
    expect(renewed).toMatch(/SameSite=lax/i);
    // A plain header, not a cookie "set in this request": Next.js would re-render the page after
    // every server action otherwise (a conflict view's form lost its initial values).
    expect(res.headers.get("x-middleware-set-cookie")).toBeNull();
    const nonce = /'nonce-([^']+)'/.exec(res.headers.get("content-security-policy")!)![1];
    expect(res.headers.get("x-middleware-request-x-nonce")).toBe(nonce);
  });

  it("refuses a session past the eight-hour limit or sealed with another secret, and removes the cookie", async () => {
    for (const value of [await seal({ loginAt: Math.floor(Date.now() / 1000) - 9 * 3600 }), (await seal()).slice(0, -2) + "AA"]) {
      const res = await proxy(request("/arbetslista", `authjs.session-token=${value}`));
      expect(res.status).toBe(307);
      expect(setCookies(res)).toEqual([expect.stringMatching(/^authjs\.session-token=;.*Expires=Thu, 01 Jan 1970/i)]);
    }
  });

  it("lets public paths through without a session", async () => {
    for (const path of ["/login", "/api/health", "/api/kalender/abc123"]) {
      const res = await proxy(request(path));
      expect(res.headers.get("x-middleware-next"), path).toBe("1");
    }
    expect((await proxy(request("/api/kalender/abc/def"))).status).toBe(307);
  });

  it("leaves Auth.js's own endpoints and their cookies to Auth.js", async () => {
    const res = await proxy(request("/api/auth/callback/credentials", `authjs.session-token=${await seal()}`));
    expect(res.headers.get("x-middleware-next")).toBe("1");
    expect(setCookies(res)).toEqual([]);
    expect(res.headers.get("content-security-policy")).toBeTruthy();
  });
});
