/** Hands a file to the browser's download, from an extension page (options, side panel). */
export function saveFile(fileName: string, text: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // The download starts from the click; the object URL is kept a while in case the browser reads it late.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
