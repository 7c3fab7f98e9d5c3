import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, securityHeaders, tileOrigin } from './security-headers.ts';

describe('security headers', () => {
  it('allow images from nowhere but the server, unless a tile server is configured', () => {
    expect(contentSecurityPolicy()).toContain("img-src 'self' data:;");
    expect(tileOrigin('https://tiles.example.org/{z}/{x}/{y}.png')).toBe('https://tiles.example.org');
    expect(tileOrigin('https://{s}.tile.example.org/{z}/{x}/{y}.png')).toBe('https://*.tile.example.org');
    expect(
      securityHeaders(false, 'https://tiles.example.org/{z}/{x}/{y}.png')['content-security-policy'],
    ).toContain("img-src 'self' data: https://tiles.example.org;");
  });

  it('keep scripts and styles to the server itself and forbid framing', () => {
    const csp = contentSecurityPolicy('https://tiles.example.org/{z}/{x}/{y}.png');
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("style-src 'self';");
    expect(csp).toContain("frame-ancestors 'none'");
  });
});
