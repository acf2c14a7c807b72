import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import type { JobQueue } from '../../jobs/job-queue.js';
import type { Clock } from '../../lib/clock.js';
import type { Documents } from './documents.js';
import { findOrdersMissingDocuments } from './documents.repository.js';

/** Renders an order's documents (Dutch): certificate, invoice and, once refunded, credit note. */
export const RENDER_DOCUMENTS_JOB = 'certificates.render-documents';
/** Finds recently paid or refunded orders whose documents are not stored yet, and renders them. */
export const RENDER_MISSING_DOCUMENTS_JOB = 'certificates.render-missing-documents';
export const RENDER_MISSING_EVERY_SECONDS = 60;
/** How far back the sweep looks; an older document still missing is rendered on its first download. */
const SWEEP_WINDOW_MS = 7 * 24 * 3600 * 1000;
const SWEEP_BATCH = 50;

export interface DocumentJobsDeps {
  db: Kysely<DB>;
  clock: Clock;
  documents: Documents;
}

const registered = new WeakSet<JobQueue>();

/**
 * Rendering off the request path (issue 5). fulfilOrder's follow-ups (queueFulfilFollowUps:
 * the Stripe webhook and reconciliation) queue `certificates.render-documents` for each
 * order they fulfil; a sweep every minute renders what no job was queued for (an invoice
 * order marked paid, a refund's credit note) or what a lost job left (the embedded queue
 * is not durable). A download that comes first renders the document itself. Each handler
 * is safe to run twice, or beside a download: documents are stored with insert … on
 * conflict do nothing, and the first stored rendering is the document.
 *
 *   certificates.render-documents          { orderId }  render the order's Dutch documents
 *   certificates.render-missing-documents  {}           every minute: the sweep
 */
export async function registerDocumentJobs(jobs: JobQueue, deps: DocumentJobsDeps): Promise<void> {
  if (registered.has(jobs)) return;
  registered.add(jobs);
  await jobs.work(RENDER_DOCUMENTS_JOB, async (data) => {
    const orderId = typeof data['orderId'] === 'string' ? data['orderId'] : undefined;
    if (!orderId) return;
    await deps.documents.renderOrderDocuments(orderId);
  });
  await jobs.work(RENDER_MISSING_DOCUMENTS_JOB, async () => {
    await renderMissingDocuments(deps);
  });
  await jobs.every(RENDER_MISSING_DOCUMENTS_JOB, RENDER_MISSING_EVERY_SECONDS);
}

/** One sweep: renders up to a batch of orders' missing Dutch documents; answers how many orders it rendered for. */
export async function renderMissingDocuments(deps: DocumentJobsDeps): Promise<number> {
  const since = new Date(deps.clock.now().getTime() - SWEEP_WINDOW_MS);
  const orderIds = await findOrdersMissingDocuments(deps.db, since, 'nl', SWEEP_BATCH);
  for (const orderId of orderIds) await deps.documents.renderOrderDocuments(orderId);
  return orderIds.length;
}
