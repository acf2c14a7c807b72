import type { Transaction } from 'kysely';
import type { DB } from '../../db/types.js';
import { formatDate } from '../../lib/format.js';
import type { EventSubscriber } from '../events/dispatcher.js';
import type { DomainEvent } from '../events/events.js';
import type { MailService } from '../mail/mail.service.js';
import {
  MANDATORY_NOTIFICATIONS,
  type NotificationData,
  type NotificationName,
} from '../mail/notification-templates.js';
import { notificationsRepository as repo, type Recipient } from './notifications.repository.js';

/** Who may manage an organisation's webhook endpoints, by kind: they hear when one is disabled. */
const ENDPOINT_MANAGERS: Record<string, ('admin' | 'coordinator' | 'member')[]> = {
  platform: ['admin'],
  authority: ['coordinator'],
  supplier: ['member'],
  initiative: ['member'],
};

/** One message to write: to whom, which notification, its data without the greeting's name. */
interface Planned<K extends NotificationName = NotificationName> {
  to: Recipient;
  template: K;
  data: Omit<NotificationData[K], 'name'>;
}

function plan<K extends NotificationName>(
  recipients: Recipient[],
  template: K,
  data: Omit<NotificationData[K], 'name'>,
): Planned<K>[] {
  return recipients.map((to) => ({ to, template, data }));
}

/**
 * Turns a committed domain event into the e-mails the people concerned should get.
 * It runs inside the event dispatcher's transaction: the messages are recorded there, so
 * they exist exactly when the event is marked dispatched, and each is keyed by the event
 * (`email_messages_once_per_event_idx`), so even a repeated dispatch never writes one
 * twice. The recorded ids are handed to the mail jobs once the dispatch committed
 * (`flush`); the mail sweep sends whatever a lost hand-over left.
 */
export function createNotificationSubscriber(deps: { mail: MailService }) {
  const { mail } = deps;
  let written: string[] = [];

  async function messagesFor(trx: Transaction<DB>, event: DomainEvent): Promise<Planned[]> {
    const project = async (id: string) => repo.project(trx, id);
    switch (event.type) {
      case 'plan.submitted': {
        const p = await project(event.objectId);
        if (!p) return [];
        return plan(await repo.platformAdmins(trx), 'plan-submitted', {
          projectId: p.id,
          projectTitle: p.title,
          initiativeName: p.initiative_name,
        });
      }
      case 'plan.questions_asked':
      case 'project.listed': {
        const p = await project(event.objectId);
        if (!p) return [];
        return plan(
          await repo.members(trx, p.initiative_id),
          event.type === 'project.listed' ? 'project-listed' : 'plan-questions',
          { projectId: p.id, projectTitle: p.title },
        );
      }
      case 'plan.awarded': {
        const p = await project(event.objectId);
        if (!p) return [];
        return plan(await repo.members(trx, p.initiative_id), 'plan-awarded', {
          projectId: p.id,
          projectTitle: p.title,
          supply: p.supply ?? 0,
          threshold: p.threshold ?? 0,
        });
      }
      case 'review.assigned': {
        const p = await project(event.objectId);
        if (!p) return [];
        const reviewers = await repo.reviewersAssignedAt(trx, p.id, event.occurredAt);
        return plan(await repo.users(trx, reviewers), 'review-assigned', {
          projectId: p.id,
          projectTitle: p.title,
        });
      }
      case 'review.panel_complete': {
        const p = await project(event.objectId);
        if (!p) return [];
        return plan(await repo.platformAdmins(trx), 'review-panel-complete', {
          projectId: p.id,
          projectTitle: p.title,
        });
      }
      case 'order.placed':
      case 'order.paid':
      case 'order.refunded': {
        const order = await repo.order(trx, event.objectId);
        if (!order) return [];
        if (event.type === 'order.paid' && order.paid_with_its_purchase) return [];
        const buyer = await repo.users(trx, [order.created_by]);
        const amountCents = Number(order.amount_cents);
        if (event.type === 'order.placed')
          return buyer.map((to) => ({
            to,
            template: 'order-placed' as const,
            data: {
              orderId: order.id,
              projectTitle: order.project_title,
              quantity: order.quantity,
              amountCents,
              paymentReference: order.payment_reference,
              payBefore: formatDate(order.reserved_until, to.language),
              invoiceNumber: order.payment_method === 'invoice' ? order.invoice_number : null,
            },
          }));
        if (event.type === 'order.paid')
          return plan(buyer, 'order-paid', {
            orderId: order.id,
            projectTitle: order.project_title,
            quantity: order.quantity,
            amountCents,
          });
        return plan(buyer, 'order-refunded', {
          orderId: order.id,
          projectTitle: order.project_title,
          amountCents,
        });
      }
      case 'purchase.placed': {
        const purchase = await repo.purchase(trx, event.objectId);
        if (!purchase || purchase.invoice_number === null) return [];
        const buyer = await repo.users(trx, [purchase.created_by]);
        return buyer.map((to) => ({
          to,
          template: 'purchase-placed' as const,
          data: {
            purchaseId: purchase.id,
            lines: purchase.lines.map((line) => ({
              projectTitle: line.project_title,
              quantity: line.quantity,
            })),
            amountCents: Number(purchase.amount_cents),
            paymentReference: purchase.payment_reference,
            payBefore: formatDate(purchase.reserved_until, to.language),
            invoiceNumber: purchase.invoice_number,
          },
        }));
      }
      case 'purchase.paid': {
        const purchase = await repo.paidPurchase(trx, event.objectId);
        if (!purchase || purchase.lines.length === 0) return [];
        return plan(await repo.users(trx, [purchase.created_by]), 'purchase-paid', {
          purchaseId: purchase.id,
          amountCents: Number(purchase.amount_cents),
          lines: purchase.lines.map((line) => ({
            projectTitle: line.project_title,
            credits: line.credits,
            certificateId: line.certificate_id,
            certificateNumber: line.certificate_number,
            verificationCode: line.verification_code,
          })),
        });
      }
      case 'certificate.issued': {
        const certificate = await repo.certificate(trx, event.objectId);
        if (!certificate || certificate.paid_with_its_purchase) return [];
        return plan(await repo.users(trx, [certificate.created_by]), 'certificate-issued', {
          certificateId: event.objectId,
          certificateNumber: certificate.number,
          verificationCode: certificate.verification_code,
          projectTitle: certificate.project_title,
          credits: certificate.credits,
        });
      }
      case 'contract.created': {
        const contract = await repo.contract(trx, event.objectId);
        if (!contract) return [];
        // A supplier not registered yet has no members: it got the supplier-invitation.
        return plan(await repo.members(trx, contract.supplier_id), 'contract-registered', {
          contractId: event.objectId,
          authorityName: contract.authority_name,
          contractReference: contract.reference,
        });
      }
      case 'claim.submitted':
      case 'claim.approved':
      case 'claim.rejected':
      case 'claim.withdrawn': {
        const claim = await repo.claim(trx, event.objectId);
        if (!claim) return [];
        if (event.type === 'claim.submitted')
          return plan(
            await repo.members(trx, claim.authority_id, ['coordinator']),
            'claim-submitted',
            {
              supplierName: claim.supplier_name,
              contractReference: claim.contract_reference,
              credits: claim.credits,
            },
          );
        const suppliers = await repo.members(trx, claim.supplier_id);
        const base = {
          certificateId: claim.certificate_id,
          contractId: claim.contract_id,
          authorityName: claim.authority_name,
          contractReference: claim.contract_reference,
          credits: claim.credits,
        };
        if (event.type === 'claim.approved') return plan(suppliers, 'claim-approved', base);
        if (event.type === 'claim.rejected')
          return plan(suppliers, 'claim-rejected', { ...base, reason: claim.decision_reason });
        return plan(suppliers, 'claim-withdrawn', { ...base, reason: claim.withdrawal_reason });
      }
      case 'project.funded':
      case 'project.failed': {
        const p = await project(event.objectId);
        if (!p) return [];
        const initiative = await repo.members(trx, p.initiative_id);
        const buyers = await repo.paidBuyers(trx, p.id);
        const buyerUsers = await repo.users(
          trx,
          buyers.map((b) => b.userId),
        );
        const about = { projectId: p.id, projectTitle: p.title };
        if (event.type === 'project.funded')
          return [
            ...plan(initiative, 'funding-reached', { ...about, audience: 'initiative' as const }),
            ...plan(buyerUsers, 'funding-reached', { ...about, audience: 'buyer' as const }),
          ];
        return [
          ...plan(initiative, 'funding-failed', {
            ...about,
            audience: 'initiative' as const,
            refundCents: 0,
          }),
          ...buyerUsers.map((to) => ({
            to,
            template: 'funding-failed' as const,
            data: {
              ...about,
              audience: 'buyer' as const,
              refundCents: buyers.find((b) => b.userId === to.id)?.paidCents ?? 0,
            },
          })),
        ];
      }
      case 'project.report_due': {
        const p = await project(event.objectId);
        if (!p?.end_date) return [];
        const endDate = p.end_date;
        return (await repo.members(trx, p.initiative_id)).map((to) => ({
          to,
          template: 'outcome-report-due' as const,
          data: {
            projectId: p.id,
            projectTitle: p.title,
            endDate: formatDate(new Date(`${endDate}T12:00:00Z`), to.language),
          },
        }));
      }
      case 'outcome_report.returned':
      case 'outcome_report.accepted': {
        const report = await repo.outcomeReport(trx, event.objectId);
        const p = report && (await project(report.project_id));
        if (!report || !p) return [];
        const members = await repo.members(trx, p.initiative_id);
        const about = { projectId: p.id, projectTitle: p.title };
        return event.type === 'outcome_report.returned'
          ? plan(members, 'outcome-report-returned', about)
          : plan(members, 'outcome-report-accepted', { ...about, final: report.kind === 'final' });
      }
      case 'payout.approved':
      case 'payout.paid': {
        const payout = await repo.payout(trx, event.objectId);
        const p = payout && (await project(payout.project_id));
        if (!payout || !p) return [];
        const members = await repo.members(trx, p.initiative_id);
        const about = {
          projectId: p.id,
          projectTitle: p.title,
          tranche: payout.tranche,
          amountCents: Number(payout.amount_cents),
        };
        return event.type === 'payout.approved'
          ? plan(members, 'payout-approved', about)
          : plan(members, 'payout-paid', { ...about, bankReference: payout.bank_reference ?? '' });
      }
      case 'webhook_endpoint.disabled': {
        const endpoint = await repo.webhookEndpoint(trx, event.objectId);
        if (!endpoint) return [];
        return plan(
          await repo.members(trx, endpoint.organisation_id, ENDPOINT_MANAGERS[endpoint.kind]),
          'webhook-endpoint-disabled',
          { url: endpoint.url, description: endpoint.description },
        );
      }
      default:
        // Certificate status changes, contract changes, completion, invalidation: the
        // people concerned see them in the app (and their systems through webhooks).
        return [];
    }
  }

  const subscriber: EventSubscriber = {
    name: 'notifications',
    async handle(trx, event) {
      const planned = await messagesFor(trx, event);
      for (const message of planned) {
        // Optional notifications the recipient switched off are not written at all.
        if (
          !MANDATORY_NOTIFICATIONS.includes(message.template) &&
          message.to.optOuts.includes(message.template)
        )
          continue;
        const id = await mail.queueForEvent(trx, event.id, {
          to: message.to.email,
          template: message.template,
          language: message.to.language,
          data: { ...message.data, name: message.to.name } as NotificationData[NotificationName],
        });
        if (id) written.push(id);
      }
    },
  };

  return {
    subscriber,
    /** After the dispatch committed: asks the mail jobs to send what it wrote. */
    async flush(): Promise<void> {
      const ids = written;
      written = [];
      if (ids.length > 0) await mail.dispatch(ids);
    },
  };
}

export type NotificationSubscriber = ReturnType<typeof createNotificationSubscriber>;
