/**
 * The privacy jobs, on the `vitrine-account-jobs` queue: a data export, and erasing a workspace or
 * an account (marked by the request; the job finds less to do each time it runs again). The cron
 * sends again what was lost, blanks guest addresses past retention and deletes expired exports.
 */
import { and, isNotNull, lt } from 'drizzle-orm';
import { users } from '../../db/schema/index';
import { createDb } from '../../core/db/client';
import { defineJobs } from '../../core/jobs/job';
import { enqueueAll } from '../../jobs';
import { eraseAccount } from './erase-account';
import { eraseWorkspace, workspacesLeftToErase } from './erase-workspace';
import { buildExport, expireExports, markExportFailed } from './exports';
import { anonymiseGuestOrders } from './retention';

export type AccountExport = { type: 'account.export'; exportId: string };
export type WorkspaceErase = { type: 'workspace.erase'; workspaceId: string; requestId: string };
export type AccountErase = { type: 'account.erase'; userId: string; workspacesErased: number; requestId: string };

export type PrivacyMessage = AccountExport | WorkspaceErase | AccountErase;

// Handlers are called through arrows: the modules import `enqueue` back from workers/jobs.ts.
export const privacyJobs = defineJobs<PrivacyMessage>()({
  'account.export': {
    queue: 'ACCOUNT_QUEUE',
    run: (env, m) => buildExport(env, m.exportId),
    deadLetter: (env, m, reason) => markExportFailed(env, m.exportId, reason),
  },
  // No deadLetter: the row stays marked and the cron sends the erasure again.
  'workspace.erase': { queue: 'ACCOUNT_QUEUE', run: (env, m) => eraseWorkspace(env, m.workspaceId, m.requestId) },
  'account.erase': { queue: 'ACCOUNT_QUEUE', run: (env, m) => eraseAccount(env, m.userId, m.workspacesErased, m.requestId) },
});

/** Erasures asked for over ten minutes ago and still there: queued again. */
async function requeueErasures(env: Env) {
  const db = createDb(env.DB);
  const stale = new Date(Date.now() - 600_000);
  const [spaces, people] = await Promise.all([
    workspacesLeftToErase(db),
    db.select({ id: users.id }).from(users).where(and(isNotNull(users.deletingSince), lt(users.deletingSince, stale))).limit(20),
  ]);
  await enqueueAll(env, [
    ...spaces.map((w) => ({ type: 'workspace.erase' as const, workspaceId: w.id, requestId: 'cron' })),
    ...people.map((u) => ({ type: 'account.erase' as const, userId: u.id, workspacesErased: 0, requestId: 'cron' })),
  ]);
  return { workspaces: spaces.length, accounts: people.length };
}

export const privacySweeps = {
  erasures: requeueErasures,
  guestEmails: (env: Env) => anonymiseGuestOrders(env),
  expiredExports: expireExports,
};
