/**
 * Transactional email templates: subject, HTML and plain text, rendered when the email is
 * queued (the outbox row keeps exactly what was sent). Values are escaped. Every URL is absolute,
 * built by the caller on PUBLIC_ORIGIN (`config.publicOrigin`): an email is read outside the
 * product, where a relative link points nowhere, so renderEmail refuses one.
 */
export type EmailTemplate =
  | { template: 'welcome'; name: string; verifyUrl: string }
  | { template: 'verify_email'; name: string; verifyUrl: string }
  | { template: 'password_reset'; name: string; resetUrl: string; expiresAt: Date }
  | { template: 'password_changed'; name: string; appUrl: string }
  | { template: 'invitation'; workspaceName: string; inviterName: string; role: string; acceptUrl: string; expiresAt: Date }
  | { template: 'two_factor_changed'; name: string; on: boolean; appUrl: string }
  | { template: 'data_export_ready'; name: string; downloadUrl: string; bytes: number; expiresAt: Date }
  | { template: 'account_deleted'; name: string; workspacesErased: number }
  | { template: 'order_paid'; albumTitle: string; photoCount: number; totalCents: number; currency: string; downloadUrl: string; expiresAt: Date }
  | { template: 'processing_finished'; albumTitle: string; ready: number; rejected: number; albumUrl: string }
  | { template: 'credits_low'; balance: number; awaiting: number; billingUrl: string }
  | { template: 'sale_made'; albumTitle: string; photoCount: number; payoutCents: number; currency: string; salesUrl: string }
  | { template: 'transformations_finished'; propertyTitle: string; done: number; failed: number; propertyUrl: string }
  | { template: 'lead_received'; vehicleTitle: string; name: string; email: string; phone: string | null; message: string; leadsUrl: string };

export type RenderedEmail = { subject: string; html: string; text: string };

const esc = (s: unknown) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const money = (cents: number, currency: string) => new Intl.NumberFormat('en-IE', { style: 'currency', currency: currency.toUpperCase() }).format(cents / 100);

function layout(title: string, paragraphs: string[], action?: { label: string; url: string }): string {
  const button = action
    ? `<p><a href="${esc(action.url)}" style="display:inline-block;padding:10px 18px;background:#111;color:#fff;border-radius:6px;text-decoration:none">${esc(action.label)}</a></p>`
    : '';
  return `<!doctype html><html><body style="font:16px/1.5 system-ui,sans-serif;color:#111;max-width:560px;margin:24px auto">
<h1 style="font-size:20px">${esc(title)}</h1>${paragraphs.map((p) => `<p>${esc(p)}</p>`).join('')}${button}
<p style="color:#777;font-size:13px">Vitrine</p></body></html>`;
}

const text = (paragraphs: string[], action?: { label: string; url: string }) => [...paragraphs, ...(action ? [`${action.label}: ${action.url}`] : [])].join('\n\n');

function parts(t: EmailTemplate): { subject: string; title: string; paragraphs: string[]; action?: { label: string; url: string } } {
  switch (t.template) {
    case 'welcome':
      return {
        subject: 'Welcome to Vitrine: confirm your email',
        title: `Welcome, ${t.name}`,
        paragraphs: [
          'Your workspace is ready. Confirm this address to receive your free credits and to sell photos and buy credits.',
          'The link works for 7 days; the app can send a new one.',
        ],
        action: { label: 'Confirm my email', url: t.verifyUrl },
      };
    case 'verify_email':
      return {
        subject: 'Confirm your Vitrine email',
        title: `${t.name}, confirm your email`,
        paragraphs: ['Confirm this address to receive your free credits and to sell photos and buy credits. The link works for 7 days.'],
        action: { label: 'Confirm my email', url: t.verifyUrl },
      };
    case 'password_reset':
      return {
        subject: 'Reset your Vitrine password',
        title: `${t.name}, choose a new password`,
        paragraphs: [
          `Someone (we hope you) asked to reset the password of this account. The link works once, until ${t.expiresAt.toISOString().slice(11, 16)} UTC.`,
          'If it was not you, ignore this email: your password stays as it is.',
        ],
        action: { label: 'Choose a new password', url: t.resetUrl },
      };
    case 'invitation':
      return {
        subject: `${t.inviterName} invites you to ${t.workspaceName} on Vitrine`,
        title: `Join ${t.workspaceName}`,
        paragraphs: [
          `${t.inviterName} invites you to work in ${t.workspaceName} on Vitrine, as ${t.role}.`,
          `The link works once, until ${t.expiresAt.toISOString().slice(0, 10)}. Sign in with this address, or create an account with it.`,
        ],
        action: { label: 'Accept the invitation', url: t.acceptUrl },
      };
    case 'password_changed':
      return {
        subject: 'Your Vitrine password was changed',
        title: `${t.name}, your password was changed`,
        paragraphs: ['Every other session was signed out. If you did not do this, reset your password at once from the sign-in page.'],
        action: { label: 'Open Vitrine', url: t.appUrl },
      };
    case 'data_export_ready':
      return {
        subject: 'Your Vitrine data export is ready',
        title: `${t.name}, your data export is ready`,
        paragraphs: [
          `One ZIP (${(t.bytes / 1e6).toFixed(1)} MB): your profile, workspaces, albums, photos' details, tags, orders, invoices, credits, the audit log and the originals you own.`,
          `The link works until ${t.expiresAt.toUTCString()}; after that the file is deleted and you can ask for a new one in Settings.`,
        ],
        action: { label: 'Download my data', url: t.downloadUrl },
      };
    case 'account_deleted':
      return {
        subject: 'Your Vitrine account was deleted',
        title: `Goodbye, ${t.name}`,
        paragraphs: [
          `Your account is deleted${t.workspacesErased ? `, with ${t.workspacesErased === 1 ? 'the workspace' : `the ${t.workspacesErased} workspaces`} only you were in: albums, photos and every stored image` : ''}. Sessions and API keys no longer work.`,
          'What the law makes us keep for the books stays without your name or address: the amounts and dates of paid orders.',
        ],
      };
    case 'two_factor_changed':
      return {
        subject: `Two-factor authentication turned ${t.on ? 'on' : 'off'} for your Vitrine account`,
        title: `${t.name}, two-factor authentication is ${t.on ? 'on' : 'off'}`,
        paragraphs: [
          t.on ? 'Signing in now asks for a code from your authenticator app after the password. Keep your recovery codes somewhere safe.' : 'Signing in now asks for your password only.',
          'If you did not do this, reset your password at once from the sign-in page.',
        ],
        action: { label: 'Open Vitrine', url: t.appUrl },
      };
    case 'order_paid':
      return {
        subject: `Your photos from ${t.albumTitle}`,
        title: 'Thank you: your photos are ready',
        paragraphs: [
          `${t.photoCount} photo(s) from ${t.albumTitle}, ${money(t.totalCents, t.currency)} paid.`,
          `Download them one by one or as a ZIP. The link works until ${t.expiresAt.toISOString().slice(0, 10)}.`,
        ],
        action: { label: 'Download my photos', url: t.downloadUrl },
      };
    case 'processing_finished':
      return {
        subject: `${t.albumTitle}: processing finished`,
        title: 'Your photos are processed',
        paragraphs: [`${t.ready} photo(s) ready${t.rejected ? `, ${t.rejected} refused (see the album for why)` : ''}.`],
        action: { label: 'Open the album', url: t.albumUrl },
      };
    case 'sale_made':
      return {
        subject: `You sold ${t.photoCount === 1 ? '1 photo' : `${t.photoCount} photos`} from ${t.albumTitle}: ${money(t.payoutCents, t.currency)}`,
        title: 'A runner bought your photos',
        paragraphs: [
          `${t.photoCount === 1 ? '1 photo' : `${t.photoCount} photos`} from ${t.albumTitle}. You receive ${money(t.payoutCents, t.currency)} (the service fee is the platform's), paid out to your bank account by Stripe.`,
        ],
        action: { label: 'See your sales', url: t.salesUrl },
      };
    case 'lead_received':
      return {
        subject: `New enquiry: ${t.vehicleTitle}`,
        title: `${t.name} is interested in your ${t.vehicleTitle}`,
        paragraphs: [`From ${t.name} <${t.email}>${t.phone ? `, phone ${t.phone}` : ''}:`, t.message, 'Reply to them directly, then follow the lead up on your leads screen.'],
        action: { label: 'See your leads', url: t.leadsUrl },
      };
    case 'transformations_finished':
      return {
        subject: `Your photos of ${t.propertyTitle} are ready`,
        title: `${t.propertyTitle}: transformations finished`,
        paragraphs: [`${t.done} photo(s) done.${t.failed ? ` ${t.failed} failed; their credits were refunded.` : ''}`, 'Choose which version the public gallery shows on the property page.'],
        action: { label: 'Open the property', url: t.propertyUrl },
      };
    case 'credits_low':
      return {
        subject: 'Your Vitrine credits are running low',
        title: 'Credits running low',
        paragraphs: [`${t.balance} credit(s) left.${t.awaiting ? ` ${t.awaiting} photo(s) are waiting for credits to be read.` : ''}`],
        action: { label: 'Buy credits', url: t.billingUrl },
      };
  }
}

const ABSOLUTE = /^https?:\/\/[^/]/;

/** Throws on any `href` of the HTML that is not an absolute http(s) URL (text links are the same URLs). */
function assertAbsoluteLinks(template: string, html: string) {
  for (const [, href] of html.matchAll(/href="([^"]*)"/g)) {
    if (!ABSOLUTE.test(href ?? '')) throw new Error(`email ${template}: link "${href}" is not absolute (build it on config.publicOrigin)`);
  }
}

export function renderEmail(t: EmailTemplate): RenderedEmail {
  const p = parts(t);
  const html = layout(p.title, p.paragraphs, p.action);
  assertAbsoluteLinks(t.template, html);
  return { subject: p.subject, html, text: text(p.paragraphs, p.action) };
}
