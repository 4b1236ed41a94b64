/** A page address as clips store it: the #fragment names a place in the page, not another page. */
export function pageKey(url: string): string {
  const hash = url.indexOf('#');
  return hash < 0 ? url : url.slice(0, hash);
}
