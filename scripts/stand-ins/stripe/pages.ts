/** The stand-in's hosted pages: Checkout (pay / cancel), Connect onboarding, Billing Portal. Plain HTML forms. */
import type { Obj, Store } from './api';

const esc = (s: unknown) => String(s ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const money = (cents: number, currency = 'eur') => new Intl.NumberFormat('en-IE', { style: 'currency', currency }).format(cents / 100);

const page = (title: string, body: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title>
<meta name="viewport" content="width=device-width,initial-scale=1">
<style>body{font:16px system-ui;max-width:34rem;margin:3rem auto;padding:0 1rem;color:#1a1f36}
.banner{background:#fff3cd;border:1px solid #e0c36c;padding:.5rem .75rem;border-radius:6px;font-size:.85rem}
table{width:100%;border-collapse:collapse;margin:1rem 0}td{padding:.4rem 0;border-bottom:1px solid #eee}td:last-child{text-align:right}
button{font:inherit;padding:.6rem 1.2rem;border-radius:6px;border:0;background:#635bff;color:#fff;cursor:pointer}
button.secondary{background:#e3e8ee;color:#1a1f36}form{display:inline}</style></head>
<body><p class="banner">Stripe stand-in (local, test mode): no real payment happens.</p>${body}</body></html>`;

export function checkoutPage(store: Store, session: Obj) {
  const items = store.lineItems.get(session.id) ?? [];
  const rows = items.map((i) => `<tr><td>${esc(i.description)}</td><td>${money(Number(i.amount_total), String(i.currency))}</td></tr>`).join('');
  if (session.status !== 'open') return page('Checkout', `<h1>This checkout is ${esc(session.status)}</h1>`);
  const methods = (session.payment_method_types as string[]).map((m, i) => `<label><input type="radio" name="payment_method" value="${esc(m)}" ${i ? '' : 'checked'}> ${esc(m)}</label>`).join(' ');
  return page(
    'Checkout',
    `<h1>Pay ${money(Number(session.amount_total), String(session.currency))}</h1>
<table>${rows}<tr><td><b>Total</b></td><td><b>${money(Number(session.amount_total), String(session.currency))}</b></td></tr></table>
<p>${esc(session.customer_email ?? '')}</p>
<form method="post" action="/checkout/${esc(session.id)}/pay" id="pay"><p>${methods}</p><button>Pay</button></form>
<form method="post" action="/checkout/${esc(session.id)}/cancel" id="cancel"><button class="secondary">Cancel</button></form>`,
  );
}

export function onboardingPage(link: Obj, account: Obj) {
  return page(
    'Connect onboarding',
    `<h1>Set up payouts</h1><p>Express account <code>${esc(account.id)}</code>: identity and bank account are simulated.</p>
<form method="post" action="/connect/onboarding/${esc(link.id)}/complete" id="complete"><button>Complete onboarding</button></form>
<form method="post" action="/connect/onboarding/${esc(link.id)}/later" id="later"><button class="secondary">Finish later</button></form>`,
  );
}

export function portalPage(store: Store, session: Obj) {
  const subscriptions = store.where('subscription', (s) => s.customer === session.customer && s.status !== 'canceled');
  const invoices = store.where('invoice', (i) => i.customer === session.customer);
  const subs = subscriptions
    .map((s) => `<li>${esc((s.items as { data: { description: string }[] }).data[0]?.description)} — ${esc(s.status)}
<form method="post" action="/portal/${esc(session.id)}/cancel/${esc(s.id)}"><button class="secondary">Cancel subscription</button></form></li>`)
    .join('');
  const invs = invoices.map((i) => `<tr><td>${esc(i.number)}</td><td>${money(Number(i.amount_paid))} ${esc(i.status)}</td></tr>`).join('');
  return page(
    'Billing',
    `<h1>Billing</h1><h2>Subscriptions</h2><ul>${subs || '<li>none</li>'}</ul><h2>Invoices</h2><table>${invs}</table>
<p><a href="${esc(session.return_url ?? '/')}">Return</a></p>`,
  );
}

/** The hosted invoice page (`hosted_invoice_url`; the PDF link shows the same page): what was bought, when, paid. */
export function invoicePage(invoice: Obj) {
  const lines = (invoice.lines as { data: { description: string; amount: number; currency: string }[] }).data;
  const rows = lines.map((l) => `<tr><td>${esc(l.description)}</td><td>${money(l.amount, l.currency)}</td></tr>`).join('');
  const date = new Date(Number(invoice.created) * 1000).toISOString().slice(0, 10);
  return page(
    `Invoice ${String(invoice.number)}`,
    `<h1>Invoice ${esc(invoice.number)}</h1><p>${esc(date)} · ${esc(invoice.status)}</p>
<table>${rows}<tr><td><b>Paid</b></td><td><b>${money(Number(invoice.amount_paid), String(invoice.currency))}</b></td></tr></table>`,
  );
}
