import type { TestPage } from './browsers';

/** Chooses a JSON file in a file input as a reader would (a DataTransfer), firing `change`. */
export function chooseFile(page: TestPage, selector: string, name: string, text: string): Promise<void> {
  return page.evaluateOn(
    selector,
    (input, file) => {
      const dt = new DataTransfer();
      dt.items.add(new File([file.text], file.name, { type: 'application/json' }));
      (input as HTMLInputElement).files = dt.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    },
    { name, text },
  );
}

/** Clicks an export button and returns the text of the file the page hands to the browser's download. */
export async function exportedText(page: TestPage, button: string): Promise<string> {
  await page.evaluate(() => {
    const w = globalThis as unknown as { __fnExports: Blob[] };
    w.__fnExports = [];
    const original = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (blob: Blob | MediaSource) => {
      if (blob instanceof Blob) w.__fnExports.push(blob);
      return original(blob);
    };
  });
  await page.click(button);
  await page.waitForFunction(() => (globalThis as unknown as { __fnExports: Blob[] }).__fnExports.length === 1);
  return page.evaluate(() => (globalThis as unknown as { __fnExports: Blob[] }).__fnExports[0]!.text());
}
