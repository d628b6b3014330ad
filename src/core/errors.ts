/**
 * An error caused by what the user asked, with a message meant for them.
 * Adapters show it and do not log it; any other error is a bug. Its message is plain text,
 * which Discord shows escaped, unless `markup` says it is Storyline's own markdown (a
 * channel mention, say) whose story and user parts were escaped where it was written.
 */
export class UserError extends Error {
  override name = "UserError";
  readonly markup: boolean;
  constructor(message: string, options: { markup?: boolean } = {}) {
    super(message);
    this.markup = options.markup ?? false;
  }
}

/** A data file that failed to parse or validate, named down to the field. */
export interface DataProblem {
  file: string;
  /** JSON path inside the file, like `quotes[2].speaker`; empty for the whole file. */
  path: string;
  message: string;
}

export function formatProblem(problem: DataProblem): string {
  return problem.path ? `${problem.file}: ${problem.path}: ${problem.message}` : `${problem.file}: ${problem.message}`;
}

export function jsonPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, i) => (typeof part === "number" ? `[${part}]` : `${i === 0 ? "" : "."}${String(part)}`))
    .join("");
}
