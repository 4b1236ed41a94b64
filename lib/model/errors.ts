/** A zod error as one line a reader can act on: "payload.url: an http(s) page URL". */
export function describeZodError(error: { issues: readonly { path: PropertyKey[]; message: string }[] }, root = 'payload'): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${[root, ...issue.path.map(String)].join('.')}: ${issue.message}`)
    .join('; ');
}
