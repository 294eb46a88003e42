import type { WorkspaceKind } from '../../workers/db/schema/index';
import { call } from './api';
import { testDb } from './credits';

let counter = 0;
export const uniqueEmail = () => `user${Date.now()}${counter++}@example.test`;
export const PASSWORD = 'correct horse battery staple';

/** The confirmation links emailed to an address, oldest first (read from the outbox the email job sends). */
export async function verificationLinks(to: string) {
  const rows = await testDb().query.emailOutbox.findMany({ where: (e, { eq }) => eq(e.to, to), orderBy: (e, { asc }) => asc(e.createdAt) });
  return rows.flatMap((r) => /https?:\/\/\S+\/verify-email\?token=[\w.-]+/.exec(r.text) ?? []).map((link) => new URL(link));
}

/** Confirms the address with the link sign-up emailed (the starter credits come with it). */
export async function verifyEmail(email: string) {
  const [link] = await verificationLinks(email);
  if (!link) throw new Error(`no confirmation link was emailed to ${email}`);
  const res = await call('POST', '/v1/auth/verify-email', { json: { token: link.searchParams.get('token') } });
  if (res.status !== 200) throw new Error(`verification failed: ${JSON.stringify(res.data)}`);
  return res.data as { alreadyVerified: boolean; creditsGranted: number };
}

/**
 * A fresh user with their own workspace, signed in; their email confirmed (so they can sell and
 * buy credits, and hold the starter credits) unless `verified: false`.
 */
export async function signUp(kind: WorkspaceKind = 'events', { verified = true } = {}) {
  const email = uniqueEmail();
  const res = await call('POST', '/v1/auth/register', {
    json: { email, password: PASSWORD, name: 'Test Pro', workspace: { name: 'Test Studio', kind } },
  });
  if (res.status !== 201) throw new Error(`sign-up failed: ${JSON.stringify(res.data)}`);
  if (verified) await verifyEmail(email);
  return { email, token: res.data.token as string, user: res.data.user, workspace: res.data.workspace };
}

export async function makeAlbum(token: string, body: Record<string, unknown> = {}) {
  const res = await call('POST', '/v1/albums', { token, json: { title: 'Marathon de Paris 2026', visibility: 'public', ...body } });
  if (res.status !== 201) throw new Error(`album failed: ${JSON.stringify(res.data)}`);
  return res.data.album as { id: string; slug: string };
}

export async function makeApiKey(token: string, scopes: string[]) {
  const res = await call('POST', '/v1/api-keys', { token, json: { name: 'timing system', scopes } });
  if (res.status !== 201) throw new Error(`key failed: ${JSON.stringify(res.data)}`);
  return res.data.apiKey as { id: string; key: string; prefix: string };
}

/** Bytes that start like a JPEG (enough for the upload checks; the pipeline needs real images). */
export function jpegLikeBytes(size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  bytes.set([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]);
  for (let i = 11; i < size; i += 4096) bytes[i] = i % 251;
  return bytes;
}

export const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
export const HEIC_HEAD = [0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x68, 0x65, 0x69, 0x63, 0, 0, 0, 0];
