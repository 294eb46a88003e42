/**
 * The D1 schema: the single source of truth for tables, one file per domain. Migrations in
 * `migrations/` are generated from it by drizzle-kit (`npm run db:generate`), never written by hand.
 * Ids are prefixed random strings (see workers/shared/ids.ts): unguessable and self-describing.
 * The enums the columns use live in workers/shared/enums.ts, so the SPA can import them too;
 * they are re-exported here so the Worker finds tables and their values in one place.
 */
export * from '../../shared/enums';
export * from './accounts';
export * from './albums';
export * from './audit';
export * from './billing';
export * from './invitations';
export * from './notifications';
export * from './privacy';
export * from './realestate';
export * from './recognition';
export * from './sales';
export * from './sessions';
export * from './two-factor';
export * from './vehicles';
