/**
 * Leads: a visitor's contact request from a public vehicle page, and the dealer's follow-up of it.
 * Shared with the SPA, whose contact form checks the same limits before sending.
 */
import { z } from 'zod';
import { LEAD_LIMITS } from '../constants';
import { LEAD_STATUSES } from '../enums';
import { pageQuery } from './pagination';

const text = (max: number, what: string) => z.string().trim().min(1, `Write ${what}`).max(max, `At most ${max} characters`);

/** Digits with the usual separators and an optional leading +; empty means none given. */
const phone = z
  .string()
  .trim()
  .max(LEAD_LIMITS.phone, `At most ${LEAD_LIMITS.phone} characters`)
  .regex(/^$|^\+?[0-9][0-9 ().-]{4,}$/, 'A phone number: digits, spaces, dots or dashes, an optional +')
  .optional()
  .transform((v) => v || null);

/**
 * The contact form. `website` is a honeypot: the form hides it from people, so a value there is a
 * bot's (answered like a person, kept nowhere).
 */
export const leadBody = z.object({
  name: text(LEAD_LIMITS.name, 'your name'),
  email: z.email('An email address, like name@example.com').max(LEAD_LIMITS.email),
  phone,
  message: text(LEAD_LIMITS.message, 'a message'),
  website: z.string().max(500).optional(),
});

const remindOn = z.iso.date({ message: 'Use YYYY-MM-DD' }).nullable();

/** The dealer's follow-up: any of the three; `null` clears notes or the reminder. */
export const leadPatchBody = z
  .object({
    status: z.enum(LEAD_STATUSES).optional(),
    notes: z.string().trim().max(LEAD_LIMITS.notes, `At most ${LEAD_LIMITS.notes} characters`).nullable().optional(),
    remindOn: remindOn.optional(),
  })
  .refine((b) => b.status !== undefined || b.notes !== undefined || b.remindOn !== undefined, { message: 'Give status, notes or remindOn', path: ['status'] });

export const leadsQuery = pageQuery.extend({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  albumId: z.string().min(1).max(100).optional().meta({ description: "One vehicle's leads" }),
  status: z.enum(LEAD_STATUSES).optional(),
});

export type LeadBody = z.infer<typeof leadBody>;
export type LeadPatchBody = z.infer<typeof leadPatchBody>;
