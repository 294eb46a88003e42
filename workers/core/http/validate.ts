import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import type { ZodError, ZodType } from 'zod';
import { AppError } from '../errors';

/** A zod failure at the boundary: a 400 VALIDATION_ERROR listing each field and what is wrong. */
export function validationFailure(target: string, error: ZodError): AppError {
  const fields = error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  return new AppError('VALIDATION_ERROR', `Invalid ${target}: ${fields.map((f) => `${f.path || '(root)'} ${f.message}`).join('; ')}`, { fields });
}

/** @deprecated until every route is declared with defineRoute. */
export const validate = <Target extends keyof ValidationTargets, Schema extends ZodType>(target: Target, schema: Schema) =>
  zValidator(target, schema, (result) => {
    if (!result.success) throw validationFailure(target, result.error as unknown as ZodError);
  });
