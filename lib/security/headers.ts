// Security headers for every response, built once here so the middleware stays short and the
// policy can be unit-tested. Scripts run only with the per-request nonce ('strict-dynamic' lets
// Next.js's own nonce'd loader pull in its chunks); no inline script runs without it. Inline
// styles stay allowed: React style attributes need them, and they cannot run code.

export function makeNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  let s = "";
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

export interface CspOptions {
  nonce: string;
  dev?: boolean;
  https?: boolean;
  /** Where the sign-in form may post/redirect to besides ourselves (the OIDC issuer). */
  formTargets?: string[];
}

export function contentSecurityPolicy({ nonce, dev = false, https = false, formTargets = [] }: CspOptions): string {
  const directives = [
    "default-src 'self'",
    // 'unsafe-eval' only in development, where React's dev tooling needs it.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    `form-action 'self'${formTargets.length ? " " + formTargets.join(" ") : ""}`,
    "frame-ancestors 'none'",
  ];
  if (https) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

/** The headers besides the CSP; HSTS only over HTTPS (a browser ignores it over HTTP anyway). */
export function staticSecurityHeaders(https: boolean): Record<string, string> {
  const h: Record<string, string> = {
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "Cross-Origin-Opener-Policy": "same-origin",
  };
  if (https) h["Strict-Transport-Security"] = "max-age=63072000; includeSubDomains";
  return h;
}

/** The origin of the OIDC issuer, when one is configured (for form-action). */
export function issuerOrigin(issuer: string | undefined): string[] {
  if (!issuer) return [];
  try {
    return [new URL(issuer).origin];
  } catch {
    return [];
  }
}
