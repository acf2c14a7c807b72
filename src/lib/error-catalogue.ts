/**
 * Every error code the API answers with, its HTTP status and what it means for a client.
 * Clients program against these codes, so a code or its status never changes once
 * published; `AppError`, the helpers in errors.ts and the error handler accept only codes
 * listed here, each with its own status. `npm run openapi` also writes docs/errors.md from
 * this list, and route schemas cite it (`problemResponses('ORDER.INSUFFICIENT_CREDITS')`).
 */

export interface ErrorEntry {
  /** The HTTP status the code is always answered with. */
  status: number;
  /** One sentence for API clients: when the code is answered and what to do about it. */
  meaning: string;
}

export const errorCatalogue = {
  'AUTH.ACCOUNT_DISABLED': {
    status: 401,
    meaning: 'The user or its organisation is disabled; sign-in and existing tokens stop working.',
  },
  'AUTH.CROSS_SITE_REQUEST': {
    status: 403,
    meaning:
      'A request relying on the session cookie lacks `X-Impactbeurs-Client: web` or comes from another origin.',
  },
  'AUTH.CURRENT_PASSWORD_INCORRECT': {
    status: 422,
    meaning: 'The current password given to change it is not the right one.',
  },
  'AUTH.FORBIDDEN': {
    status: 403,
    meaning: 'The caller is signed in but its role or organisation may not do this.',
  },
  'AUTH.INVALID_CREDENTIALS': {
    status: 401,
    meaning: 'The e-mail address or password is incorrect.',
  },
  'AUTH.INVALID_REFRESH_TOKEN': {
    status: 401,
    meaning: 'The refresh token is unknown, expired or revoked; sign in again.',
  },
  'AUTH.INVALID_TOKEN': {
    status: 401,
    meaning:
      'The access token is malformed, not signed by this service, of the wrong kind or of an unknown user (status 400 when the header is not shaped `Bearer <token>`).',
  },
  'AUTH.REFRESH_TOKEN_REUSED': {
    status: 401,
    meaning:
      'A refresh token was used a second time, so its whole family is revoked; sign in again.',
  },
  'AUTH.REQUIRED': {
    status: 401,
    meaning:
      'The operation needs an access token (`Authorization: Bearer …`) and the request has none.',
  },
  'AUTH.TOKEN_EXPIRED': {
    status: 401,
    meaning: 'The access token has expired; get a new one with the refresh token.',
  },
  'AUTH.TOO_MANY_ATTEMPTS': {
    status: 429,
    meaning:
      'Too many failed sign-in attempts for this account or address; wait for `retryAfter` seconds.',
  },
  'AUTH.RESET_TOKEN_EXPIRED': {
    status: 410,
    meaning:
      'The password-reset link is more than an hour old; ask for a new one (`POST /v1/auth/password-reset`).',
  },
  'AUTH.RESET_TOKEN_INVALID': {
    status: 400,
    meaning:
      'The password-reset token is unknown or has already been used (a link works once); ask for a new one.',
  },
  'AWARD.ALREADY_CONFIRMED': {
    status: 409,
    meaning: 'An award has already been confirmed for this plan.',
  },
  'AWARD.FOUR_EYES': {
    status: 403,
    meaning:
      'The award must be confirmed by another platform admin than the one who entered the consensus.',
  },
  'BANK_STATEMENT.NOT_CAMT': {
    status: 422,
    meaning:
      'The uploaded file is not an ISO 20022 camt.053 BankToCustomerStatement (not well-formed XML, another message, or a document type declaration); export the statement as CAMT.053 from the bank.',
  },
  'BANK_STATEMENT.INVALID': {
    status: 422,
    meaning:
      'The file is a camt.053 statement, but an element matching needs is missing or malformed (the detail names it); nothing of the file was stored.',
  },
  'BANK_STATEMENT.XML_REQUIRED': {
    status: 415,
    meaning:
      'Send the statement file as the raw request body with `Content-Type: application/xml` (or `text/xml`).',
  },
  'BANK_STATEMENT.NOT_AN_OPEN_EXCEPTION': {
    status: 409,
    meaning:
      'The statement entry is not in the exceptions queue, or its exception was resolved before with another decision.',
  },
  'BANK_STATEMENT.DECISION_NOT_POSSIBLE': {
    status: 409,
    meaning:
      'The decision cannot be carried out for this entry (e.g. book as paid without an order or payout, an order that is already paid or refunded); the detail says why, nothing changed.',
  },
  'CLAIM.CERTIFICATE_NOT_ACTIVE': {
    status: 409,
    meaning: 'The certificate is suspended or revoked; only an active certificate can be claimed.',
  },
  'CLAIM.CREDITS_NOT_ACCEPTED': {
    status: 409,
    meaning: 'The authority does not accept credits toward this obligation.',
  },
  'CLAIM.CREDITS_UNAVAILABLE': {
    status: 409,
    meaning:
      'Fewer credits of the certificate are free than claimed (`available` says how many); a credit counts in one pending or approved claim only.',
  },
  'CLAIM.CREDIT_SHARE_CAP': {
    status: 409,
    meaning:
      'The claim would pass the share of the obligation that credits may fill (`remainingCapCents` says what is left).',
  },
  'CLAIM.NOT_APPROVED': {
    status: 409,
    meaning: 'Only an approved claim can be withdrawn.',
  },
  'CLAIM.NOT_PENDING': {
    status: 409,
    meaning: 'The claim has already been decided.',
  },
  'CLAIM.REFUND_PENDING': {
    status: 409,
    meaning:
      'A refund of the order the certificate was issued for is under way; try again once it is settled.',
  },
  'CONTRACT.CLOSED': {
    status: 409,
    meaning: 'The contract is closed: it cannot be changed and takes no new claims.',
  },
  'CONTRACT.CONCURRENT_SUPPLIER': {
    status: 409,
    meaning: 'The supplier was registered by another request at the same moment; try again.',
  },
  'CONTRACT.NOT_A_SUPPLIER': {
    status: 422,
    meaning: 'The organisation with this KvK number is registered, but not as a supplier.',
  },
  'CONTRACT.OBLIGATION_BELOW_COUNTED': {
    status: 409,
    meaning:
      'The obligation would become smaller than what approved claims already count toward it (`countedCents`).',
  },
  'CONTRACT.PENDING_CLAIMS': {
    status: 409,
    meaning: 'The contract cannot be closed while a claim on it waits for a decision.',
  },
  'CONTRACT.REFERENCE_TAKEN': {
    status: 409,
    meaning: 'The authority already has a contract with this reference.',
  },
  'CONTRACT.SUPPLIER_DETAILS_REQUIRED': {
    status: 422,
    meaning:
      'No supplier with this KvK number is registered; give its name and contact e-mail address to invite it.',
  },
  'CONTRACT.SUPPLIER_EMAIL_TAKEN': {
    status: 409,
    meaning: 'The supplier’s contact e-mail address belongs to a user of another organisation.',
  },
  'CREDIT_NOTE.NOT_AVAILABLE': {
    status: 409,
    meaning: 'The order has no credit note; one is issued when an invoiced order is refunded.',
  },
  'FUNDING.DEADLINE_NOT_LATER': {
    status: 422,
    meaning: 'The new funding deadline must be in the future and later than the current one.',
  },
  'FUNDING.DEADLINE_PASSED': {
    status: 409,
    meaning:
      'The funding deadline has passed; a project waiting after it is decided with the funding decision instead.',
  },
  'FUNDING.DEADLINE_REQUIRED': {
    status: 422,
    meaning: 'The decision `extend_deadline` needs a `fundingDeadline`.',
  },
  'FUNDING.INVALID_PERIOD': {
    status: 422,
    meaning:
      'The period is not two calendar days with `to` on or after `from` and at most 92 days later.',
  },
  'FUNDING.INVALID_STATE': {
    status: 409,
    meaning: 'Only the deadline of a listed or funded project can be extended.',
  },
  'FUNDING.NOT_WAITING': {
    status: 409,
    meaning:
      'Only a project waiting after its deadline, with approved claims standing, needs a decision.',
  },
  'IDEMPOTENCY.IN_PROGRESS': {
    status: 409,
    meaning:
      'A request with this Idempotency-Key is still being processed; retry after `retryAfter` seconds.',
  },
  'IDEMPOTENCY.KEY_REUSED': {
    status: 422,
    meaning:
      'The Idempotency-Key was already used for a different request; use a new key for a new request.',
  },
  'INTERNAL.ERROR': {
    status: 500,
    meaning: 'Something went wrong on the server; quote the `requestId` when reporting it.',
  },
  'INVITATION.ALREADY_USED': {
    status: 409,
    meaning: 'The invitation has already been accepted.',
  },
  'INVITATION.EXPIRED': {
    status: 410,
    meaning: 'The invitation has expired; ask for a new one.',
  },
  'INVITATION.NOT_FOUND': {
    status: 404,
    meaning: 'No invitation has this token.',
  },
  'INVITATION.ROLE_NOT_ALLOWED': {
    status: 403,
    meaning: 'The caller may not invite a user with this role.',
  },
  'INVITATION.ROLE_NOT_IN_KIND': {
    status: 422,
    meaning: 'Organisations of this kind have no such role.',
  },
  'INVOICE.NOT_AVAILABLE': {
    status: 409,
    meaning:
      'The order or purchase has no invoice: its card or iDEAL payment is not made yet, or was refunded before it was recorded (an invoice order has one from its placement).',
  },
  'LISTING.ALREADY_LISTED': {
    status: 409,
    meaning: 'The project is already listed.',
  },
  'LISTING.DEADLINE_NOT_IN_FUTURE': {
    status: 422,
    meaning: 'The funding deadline must lie in the future.',
  },
  'LISTING.DEADLINE_TOO_FAR': {
    status: 422,
    meaning: 'The funding deadline lies further ahead than a funding period may last.',
  },
  'LISTING.NOT_APPROVED': {
    status: 409,
    meaning: 'Only an approved project can be listed.',
  },
  'ORDER.AMOUNT_MISMATCH': {
    status: 422,
    meaning: 'The amount received is not the order’s amount.',
  },
  'ORDER.CERTIFICATE_CLAIMED': {
    status: 409,
    meaning:
      'The order’s certificate has an approved claim against an obligation, so the order cannot be refunded.',
  },
  'ORDER.INSUFFICIENT_CREDITS': {
    status: 409,
    meaning:
      'The project has fewer credits available than ordered (`available` says how many are left).',
  },
  'ORDER.FLAG_RESOLVED': {
    status: 409,
    meaning: 'The order’s flag was resolved already; a resolution is written once.',
  },
  'ORDER.INVALID_STATE': {
    status: 409,
    meaning:
      'The order’s status does not allow this, e.g. cancelling an order that is not reserved.',
  },
  'ORDER.NOT_INVOICE': {
    status: 409,
    meaning:
      'Only invoice orders are marked paid by hand; card and iDEAL payments arrive from Stripe.',
  },
  'ORDER.NOT_REFUNDABLE': {
    status: 409,
    meaning: 'The order has no payment to refund.',
  },
  'ORDER.PART_OF_PURCHASE': {
    status: 409,
    meaning:
      'The order is a line of a purchase: it is paid or cancelled with the purchase, under the purchase’s one invoice.',
  },
  'ORDER.PAYMENT_METHOD_UNAVAILABLE': {
    status: 422,
    meaning: 'Card and iDEAL payments are not configured on this instance; pay by invoice.',
  },
  'ORDER.PAYMENT_NOT_FOUND': {
    status: 409,
    meaning:
      'No Stripe payment is recorded for the order, so there is nothing to refund through Stripe.',
  },
  'ORDER.PROJECT_NOT_SELLING': {
    status: 409,
    meaning:
      'The project is not selling credits: it is not listed, or its funding deadline has passed.',
  },
  'ORDER.REFUND_FAILED': {
    status: 409,
    meaning:
      'Stripe reports the refund as failed (or canceled): nothing went back, the order stays paid and its certificate valid, and the order is flagged for the platform team.',
  },
  'ORDER.REFUND_NOT_ATTRIBUTABLE': {
    status: 409,
    meaning:
      'The lines named do not account for the Stripe refund: paid lines of the purchase adding up to it, once Stripe reports it succeeded.',
  },
  'ORDER.RESERVATION_LIMIT': {
    status: 409,
    meaning:
      'The organisation holds too many unpaid orders, or would hold too large a share of the project’s credits unpaid.',
  },
  'ORGANISATION.CANNOT_DISABLE_OWN': {
    status: 409,
    meaning: 'Admins cannot disable their own organisation.',
  },
  'ORGANISATION.DISABLED': {
    status: 409,
    meaning: 'The organisation is disabled, so no users can be invited to or join it.',
  },
  'ORGANISATION.KVK_TAKEN': {
    status: 409,
    meaning: 'An organisation with this KvK number is already registered.',
  },
  'OUTCOME.FINAL_EXISTS': {
    status: 409,
    meaning: 'The project already has a final report.',
  },
  'OUTCOME.INVALID_STATE': {
    status: 409,
    meaning:
      'The report’s status does not allow this: only a submitted report is accepted or returned, only a returned one resubmitted.',
  },
  'OUTCOME.PERIOD_IN_FUTURE': {
    status: 422,
    meaning: 'A report covers a period that has ended; `periodEnd` is in the future.',
  },
  'OUTCOME.PERIOD_OVERLAP': {
    status: 409,
    meaning: 'The period overlaps another report of the project; each period is reported once.',
  },
  'OUTCOME.PERSONAL_DATA': {
    status: 400,
    meaning:
      'Free text contains personal data such as an e-mail address, phone number, BSN, IBAN, postcode, street address or date of birth; `errors` names the fields.',
  },
  'OUTCOME.PROJECT_NOT_REPORTABLE': {
    status: 409,
    meaning:
      'The project’s status does not allow this report or story (a final report needs a funded project).',
  },
  'OUTCOME.UNKNOWN_BUDGET_LINE': {
    status: 422,
    meaning: 'Spending refers to budget lines that are not the project’s.',
  },
  'PASSWORD.TOO_COMMON': {
    status: 422,
    meaning:
      'The new password is in a list of passwords known from data breaches or often chosen; choose another (a few unrelated words work well).',
  },
  'PASSWORD.TOO_REPETITIVE': {
    status: 422,
    meaning:
      'The new password is one character or a short run repeated, or a plain sequence (`abcdefghijkl`); choose another.',
  },
  'PAYMENT.PROVIDER_REFUSED': {
    status: 502,
    meaning:
      'The payment provider (Stripe) answered and refused to create the payment page; the order was cancelled and its credits released. Repeating the same request will not help: pay by invoice or try later.',
  },
  'PAYMENT.PROVIDER_UNAVAILABLE': {
    status: 502,
    meaning:
      'The payment provider (Stripe) could not be reached, gave no usable answer or refused; the detail says what happened to the request.',
  },
  'PAYMENTS.STRIPE_NOT_CONFIGURED': {
    status: 404,
    meaning: 'Stripe payments are not configured on this instance, so it has no Stripe webhook.',
  },
  'PAYOUT.FOUR_EYES': {
    status: 403,
    meaning:
      'The admin who accepted the final report may neither approve nor pay the payout, and its approver may not pay it.',
  },
  'PAYOUT.FUNDS_HELD_BY_DISPUTE': {
    status: 409,
    meaning:
      'Part of the project’s escrow is held while Stripe holds the money of a payment dispute, and the payout needs it; it can be paid once the dispute’s funds are reinstated or the dispute is closed.',
  },
  'PAYOUT.INSUFFICIENT_ESCROW': {
    status: 409,
    meaning: 'The project’s escrow holds less than the payout.',
  },
  'PAYOUT.INVALID_STATE': {
    status: 409,
    meaning:
      'The payout’s status does not allow this: only a due payout is approved, and a paid one is not paid again.',
  },
  'PAYOUT.NOT_APPROVED': {
    status: 409,
    meaning: 'A payout is paid only after a first admin approved it.',
  },
  'PAYOUT.PROJECT_FAILED': {
    status: 409,
    meaning: 'The project failed, so its escrow goes back to the buyers and is not paid out.',
  },
  'PLAN.INCOMPLETE': {
    status: 422,
    meaning:
      'The plan is not complete enough to submit; `errors` lists the missing or inconsistent fields.',
  },
  'PLAN.INVALID_TRANSITION': {
    status: 409,
    meaning:
      'The plan cannot be submitted: it is not a draft or a plan with changes requested, or was already submitted.',
  },
  'PLAN.NOT_EDITABLE': {
    status: 409,
    meaning: 'A plan can be edited only while it is a draft or has changes requested.',
  },
  'PLAN.UNKNOWN_BUDGET_LINE': {
    status: 422,
    meaning: 'A budget line id is not one of the plan’s lines.',
  },
  'RATE_LIMIT.EXCEEDED': {
    status: 429,
    meaning:
      'Too many requests from this client address; wait for `retryAfter` seconds (also in `Retry-After`).',
  },
  'REQUEST.BODY_TOO_LARGE': {
    status: 413,
    meaning: 'The request body is larger than this instance accepts.',
  },
  'REQUEST.INVALID': {
    status: 400,
    meaning:
      'The HTTP layer refused the request for another reason, such as a body that broke off; the status is the one it chose, usually 400.',
  },
  'REQUEST.MALFORMED': {
    status: 400,
    meaning: 'The body is not valid JSON, is empty where JSON is expected, or its length is wrong.',
  },
  'REQUEST.UNSUPPORTED_MEDIA_TYPE': {
    status: 415,
    meaning: 'The body’s Content-Type is not one this operation accepts.',
  },
  'RESOURCE.NOT_FOUND': {
    status: 404,
    meaning: 'The object does not exist, or is not visible to the caller.',
  },
  'REVIEW.ALREADY_ASSIGNED': {
    status: 409,
    meaning: 'A reviewer is already on the panel of this round.',
  },
  'REVIEW.ALREADY_DECLARED': {
    status: 409,
    meaning: 'The reviewer has already made a declaration of interests for this plan.',
  },
  'REVIEW.ALREADY_SCORED': {
    status: 409,
    meaning: 'The reviewer has already scored this plan; a submitted score cannot be changed.',
  },
  'REVIEW.CONSENSUS_NOT_NEEDED': {
    status: 409,
    meaning: 'The panel’s scores do not diverge, so the medians decide without a consensus.',
  },
  'REVIEW.CONSENSUS_RECORDED': {
    status: 409,
    meaning: 'A consensus has already been recorded for this round.',
  },
  'REVIEW.CONSENSUS_REQUIRED': {
    status: 409,
    meaning: 'The panel’s scores diverge; record a consensus before the award.',
  },
  'REVIEW.DECLARATION_REQUIRED': {
    status: 409,
    meaning: 'The reviewer must declare whether there is a conflict of interest before scoring.',
  },
  'REVIEW.INVALID_STATE': {
    status: 409,
    meaning: 'The plan’s review status does not allow this step.',
  },
  'REVIEW.NOT_A_REVIEWER': {
    status: 422,
    meaning: 'Only active users with the role reviewer can sit on a panel.',
  },
  'REVIEW.PANEL_INCOMPLETE': {
    status: 409,
    meaning:
      'Too few reviewers who are not recused have scored the plan for a consensus or an award.',
  },
  'REVIEW.PANEL_TOO_SMALL': {
    status: 422,
    meaning: 'A panel needs more reviewers who are not recused.',
  },
  'REVIEW.RECUSED': {
    status: 409,
    meaning: 'The reviewer declared a conflict of interest and is recused from this review.',
  },
  'REVIEW.SAME_ORGANISATION': {
    status: 422,
    meaning: 'A reviewer cannot review a plan of its own organisation.',
  },
  'REVIEW.UNKNOWN_BUDGET_LINE': {
    status: 422,
    meaning: 'Only budget lines of the submitted plan can be flagged.',
  },
  'ROUTE.NOT_FOUND': {
    status: 404,
    meaning: 'No operation has this method and path.',
  },
  'SERVICE.DATABASE_UNAVAILABLE': {
    status: 503,
    meaning: 'The database does not answer, so the instance is not ready.',
  },
  'SERVICE.UNAVAILABLE': {
    status: 503,
    meaning: 'The service is temporarily unavailable; try again later.',
  },
  'STORY.INVALID_STATE': {
    status: 409,
    meaning: 'The story has already been published or rejected.',
  },
  'USER.CANNOT_DISABLE_SELF': {
    status: 409,
    meaning: 'Admins cannot disable their own account.',
  },
  'USER.EMAIL_TAKEN': {
    status: 409,
    meaning: 'A user with this e-mail address already exists.',
  },
  'VALIDATION.FAILED': {
    status: 400,
    meaning: 'The request does not pass validation; `errors` lists each failing field.',
  },
  'VALIDATION.INVALID_CHARACTERS': {
    status: 400,
    meaning: 'The request contains characters that cannot be stored, such as NUL.',
  },
  'VALIDATION.INVALID_CURSOR': {
    status: 400,
    meaning: 'The pagination cursor is not one this list gave out.',
  },
  'VERIFY.PDF_REQUIRED': {
    status: 415,
    meaning: 'Send the PDF as the request body with `Content-Type: application/pdf`.',
  },
  'WEBHOOK.API_VERSION_MISMATCH': {
    status: 400,
    meaning:
      'The Stripe event is rendered in another API version than the one the platform pins; set the webhook endpoint’s API version to it (Stripe retries the event).',
  },
  'WEBHOOK.INVALID_BODY': {
    status: 400,
    meaning: 'The webhook body is not the raw JSON of a Stripe event.',
  },
  'WEBHOOK.INVALID_SIGNATURE': {
    status: 400,
    meaning: 'The Stripe-Signature header is missing or does not verify.',
  },
  'WEBHOOK_DELIVERY.IN_PROGRESS': {
    status: 409,
    meaning:
      'The delivery is still being tried (pending); only a delivery that succeeded or was given up can be sent again.',
  },
  'WEBHOOK_ENDPOINT.TARGET_REFUSED': {
    status: 422,
    meaning:
      'The endpoint URL is not a safe target (https, no credentials, public addresses only); `reason` says which rule it broke.',
  },
} as const satisfies Record<string, ErrorEntry>;

export type ErrorCode = keyof typeof errorCatalogue;

/** Every status a catalogued code is answered with. */
export type ErrorStatus = (typeof errorCatalogue)[ErrorCode]['status'];

/** The codes catalogued with status S, e.g. `CodeWithStatus<409>` for `conflict(...)`. */
export type CodeWithStatus<S extends number> = {
  [C in ErrorCode]: (typeof errorCatalogue)[C]['status'] extends S ? C : never;
}[ErrorCode];

export const ERROR_CODES = Object.keys(errorCatalogue) as ErrorCode[];
