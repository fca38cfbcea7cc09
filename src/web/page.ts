/** The HTML and Content-Security-Policy of the playground page served outside VS Code. */

/** Scripts, workers and styles from this server only; no inline code, no eval. */
export const WEB_CSP = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
].join('; ');

/**
 * The page: the web host (dist/web-host.js, which defines `acquireVsCodeApi`) loads before
 * the page itself (dist/webview.js), as the protocol's README describes.
 */
export function webPageHtml(): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="UTF-8">
  <meta name="viewport" content="width=device-width, initial-scale=1.0">
  <link rel="stylesheet" href="/media/playground.css">
  <title>Logit Lab</title>
</head>
<body>
  <div id="app"></div>
  <script src="/dist/web-host.js"></script>
  <script src="/dist/webview.js"></script>
</body>
</html>
`;
}
