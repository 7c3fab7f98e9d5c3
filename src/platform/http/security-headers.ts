/** No inline code anywhere, no framing, nothing from other origins (but map tiles, when configured). */
function cspDirectives(tileOrigin: string | null): Record<string, string> {
  return {
    'default-src': "'self'",
    'script-src': "'self'",
    'style-src': "'self'",
    'img-src': tileOrigin ? `'self' data: ${tileOrigin}` : "'self' data:",
    'font-src': "'self'",
    'connect-src': "'self'",
    'object-src': "'none'",
    'base-uri': "'self'",
    'form-action': "'self'",
    'frame-ancestors': "'none'",
  };
}

/**
 * The origin a tile URL template loads images from, for img-src:
 * `https://{s}.tile.example.org/{z}/{x}/{y}.png` -> `https://*.tile.example.org`.
 */
export function tileOrigin(tileUrl: string | undefined): string | null {
  if (!tileUrl) return null;
  const url = new URL(tileUrl.replace(/\{[zxy]\}/g, '0').replace('{s}', 'subdomain-placeholder'));
  return url.origin.replace('subdomain-placeholder', '*');
}

export function contentSecurityPolicy(tileUrl?: string): string {
  return Object.entries(cspDirectives(tileOrigin(tileUrl)))
    .map(([name, value]) => `${name} ${value}`)
    .join(';');
}

/**
 * The security headers of every response, computed once (see ADR 0008: the
 * same set helmet sends, without rebuilding it per request). HSTS only when
 * served over https.
 */
export function securityHeaders(https: boolean, tileUrl?: string): Record<string, string> {
  return {
    'content-security-policy': contentSecurityPolicy(tileUrl),
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'origin-agent-cluster': '?1',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'x-content-type-options': 'nosniff',
    'x-dns-prefetch-control': 'off',
    'x-download-options': 'noopen',
    'x-frame-options': 'DENY',
    'x-permitted-cross-domain-policies': 'none',
    'x-xss-protection': '0',
    ...(https ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
  };
}
