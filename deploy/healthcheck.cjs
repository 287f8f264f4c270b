// The image's HEALTHCHECK: healthy while /health/ready answers 200 (the event log is writable and,
// where the process reads one, the read model answers). Node's fetch, so the image needs no curl.
const port = process.env.BEACON_PORT || '3000';
fetch(`http://127.0.0.1:${port}/health/ready`, { signal: AbortSignal.timeout(2500) }).then(
  (response) => process.exit(response.ok ? 0 : 1),
  () => process.exit(1),
);
