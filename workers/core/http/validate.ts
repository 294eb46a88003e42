import type { ZodError } from 'zod';
import { AppError } from '../errors';

/** A zod failure at the boundary: a 400 VALIDATION_ERROR listing each field and what is wrong. */
export function validationFailure(target: string, error: ZodError): AppError {
  const fields = error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  return new AppError('VALIDATION_ERROR', `Invalid ${target}: ${fields.map((f) => `${f.path || '(root)'} ${f.message}`).join('; ')}`, { fields });
}
