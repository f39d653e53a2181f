/**
 * h5: reloads the page with the query parameter `name` removed from both the search part and the
 * hash route's query (where Taro's hash router keeps page parameters).
 */
export function reloadWithout(name: string): void {
  const url = new URL(window.location.href);
  url.searchParams.delete(name);
  const [hashPath, hashQuery] = url.hash.split('?');
  const hq = new URLSearchParams(hashQuery || '');
  hq.delete(name);
  url.hash = hq.toString() ? `${hashPath}?${hq}` : hashPath;
  window.location.replace(url.toString());
  window.location.reload();
}
