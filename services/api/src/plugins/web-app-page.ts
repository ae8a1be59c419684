/**
 * Headers and the fallback page of the care app's HTML. The app's own scripts, styles and
 * API calls come from this origin only; nothing inline, no frames, no plugins.
 */
export const APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Served at `/` while no built app is there (WEB_ROOT unset, or no index.html in it). */
export const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Good Chatter: the care app is not built</title></head>
<body>
<h1>The care app is not built yet</h1>
<p>This Good Chatter API serves the care team's web app from <code>WEB_ROOT</code>, but there is no
<code>index.html</code> there (or <code>WEB_ROOT</code> is not set).</p>
<p>Build it with <code>pnpm build</code> at the top of the repository, then reload this page.
The API itself works: see <a href="/docs">/docs</a>.</p>
</body>
</html>
`;
