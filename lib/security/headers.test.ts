import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, issuerOrigin, makeNonce, staticSecurityHeaders } from "./headers";

describe("contentSecurityPolicy", () => {
  it("allows scripts only with the nonce, never 'unsafe-inline' or eval in production", () => {
    const csp = contentSecurityPolicy({ nonce: "abc" });
    const script = csp.split("; ").find((d) => d.startsWith("script-src"))!;
    expect(script).toBe("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain("upgrade-insecure-requests");
  });
  it("adds the identity provider as a form target and upgrades over HTTPS", () => {
    const csp = contentSecurityPolicy({ nonce: "n", https: true, formTargets: issuerOrigin("https://idp.kommun.se/realms/x") });
    expect(csp).toContain("form-action 'self' https://idp.kommun.se");
    expect(csp).toContain("upgrade-insecure-requests");
    expect(issuerOrigin("not a url")).toEqual([]);
  });
  it("makes a fresh nonce each time", () => {
    const a = makeNonce();
    expect(a).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(makeNonce()).not.toBe(a);
  });
});

describe("staticSecurityHeaders", () => {
  it("sends HSTS only over HTTPS", () => {
    expect(staticSecurityHeaders(false)["Strict-Transport-Security"]).toBeUndefined();
    expect(staticSecurityHeaders(true)["Strict-Transport-Security"]).toMatch(/max-age=\d{8}/);
    expect(staticSecurityHeaders(false)).toMatchObject({ "X-Content-Type-Options": "nosniff", "Referrer-Policy": "strict-origin-when-cross-origin" });
  });
});
