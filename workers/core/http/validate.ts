import type { ZodError } from 'zod';
import { AppError } from '../errors';

/** How zod's own messages begin; a schema's written message (a sentence for people) does not. */
const ZOD_DEFAULT = /^(Invalid|Too (big|small)|Unrecognized|Expected|Required)\b/;

const WHERE: Record<string, string> = { json: 'request body', query: 'query string', param: 'path', header: 'headers', form: 'form' };

/** The sentence shown to the person: the schema's own message, or the field named with zod's. */
function sentence(issue: { path: string; message: string }, target: string) {
  if (!ZOD_DEFAULT.test(issue.message)) return issue.message;
  const where = issue.path ? `"${issue.path}"` : `the ${WHERE[target] ?? target}`;
  return `Check ${where}: ${issue.message.charAt(0).toLowerCase()}${issue.message.slice(1)}.`;
}

/**
 * A zod failure at the boundary: a 400 VALIDATION_ERROR whose message is one sentence a person
 * can act on (the SPA shows it as is), with every field and what is wrong in `details.fields`.
 */
export function validationFailure(target: string, error: ZodError): AppError {
  const fields = error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  const more = fields.length > 1 ? ` (and ${fields.length - 1} more)` : '';
  return new AppError('VALIDATION_ERROR', `${sentence(fields[0] ?? { path: '', message: 'Invalid input' }, target)}${more}`, { fields });
}
