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
