import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import type { ZodType } from 'zod';
import { AppError } from '../errors';

/** zod at the boundary: a failure is a 400 VALIDATION_ERROR listing each field and what is wrong. */
export const validate = <Target extends keyof ValidationTargets, Schema extends ZodType>(target: Target, schema: Schema) =>
  zValidator(target, schema, (result) => {
    if (!result.success) {
      const fields = result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
      throw new AppError('VALIDATION_ERROR', `Invalid ${target}: ${fields.map((f) => `${f.path || '(root)'} ${f.message}`).join('; ')}`, { fields });
    }
  });
