/**
 * The key of a sign-in link (`/#key=…`, as `npm start` prints it): in the fragment, so it never
 * reaches a server or its logs. Read once, then removed from the address bar and the history, so
 * it is neither bookmarked nor shown over a shoulder.
 */
export function takeKeyFromLink(location: Location, history: History): string | null {
  const fragment = new URLSearchParams(location.hash.replace(/^#/, ''));
  const key = fragment.get('key');
  if (key === null) return null;
  fragment.delete('key');
  const rest = fragment.toString();
  history.replaceState(history.state, '', `${location.pathname}${location.search}${rest ? `#${rest}` : ''}`);
  return key.trim() || null;
}
