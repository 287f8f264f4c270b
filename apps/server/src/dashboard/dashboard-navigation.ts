/** Where the server's own answers live: a path under these is never the dashboard's. */
const SERVER_PATHS = /^\/(api|health|metrics)(\/|$)/;

/**
 * Whether a request no route matched is a browser opening one of the dashboard's own addresses
 * (`/assets/VIN-1?status=online`, bookmarked or reloaded), which the dashboard's router shows once
 * `index.html` is loaded. Only a GET that names `text/html` in `Accept` counts: a browser navigating
 * sends it, while API clients, scripts, images and `fetch` accept any type or JSON and keep the JSON
 * `404 not_found` (docs/API.md "Routes"). Paths of the API, the health checks and the
 * metrics keep their 404 whatever they accept.
 */
export function isDashboardNavigation(method: string, url: string, accept: string | undefined): boolean {
  if (method !== 'GET' || !accept) return false;
  const path = url.split('?', 1)[0] ?? url;
  return !SERVER_PATHS.test(path) && acceptsHtml(accept);
}

/** `text/html` named with a quality above zero; wildcards (any type, `text/*`) do not count. */
function acceptsHtml(accept: string): boolean {
  return accept.split(',').some((range) => {
    const [type = '', ...params] = range.split(';').map((part) => part.trim().toLowerCase());
    if (type !== 'text/html') return false;
    const quality = params.find((param) => param.startsWith('q='));
    return quality === undefined || Number(quality.slice(2)) > 0;
  });
}
