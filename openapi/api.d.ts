/* Generated from openapi/openapi.json by `npm run openapi`; do not edit. */

export interface paths {
    "/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The process is up */
        get: operations["live"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The process can serve requests: its database answers */
        get: operations["ready"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in with email and password
         * @description Returns a 15-minute access token and a single-use refresh token.
         *
         *     Two limits apply. Every attempt counts toward the address limit below, successful or not. Failed attempts are also counted per account and per address in the database (across instances): after 5 failures for one account, or 20 from one address, within 15 minutes, sign-in answers 429 `AUTH.TOO_MANY_ATTEMPTS` with `Retry-After` until the oldest of those failures is 15 minutes old, even with the right password. A successful sign-in clears the account's failures.
         *
         *     With `X-Impactbeurs-Client: web` the refresh token is set as an HttpOnly cookie instead of returned in the body. A browser that signs in while its cookie still holds a session ends that session: the old refresh token stops working.
         *
         *     Rate limit: 20 requests per minute per client address, counting every request (the `X-RateLimit-*` headers say how many are left); past it, 429 `RATE_LIMIT.EXCEEDED` with `Retry-After`.
         */
        post: operations["login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Exchange a refresh token for a new token pair
         * @description The refresh token is rotated. Presenting a rotated token again revokes every token of that sign-in. A browser session (`X-Impactbeurs-Client: web`) sends no body: its token is read from the `impactbeurs_refresh` cookie, and the new one replaces it there.
         *
         *     Rate limit: 20 requests per minute per client address, counting every request (the `X-RateLimit-*` headers say how many are left); past it, 429 `RATE_LIMIT.EXCEEDED` with `Retry-After`.
         */
        post: operations["refreshTokens"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * End the session of a refresh token
         * @description A browser session (`X-Impactbeurs-Client: web`) sends no body: the session of its cookie ends and the cookie is removed.
         *
         *     Rate limit: 20 requests per minute per client address, counting every request (the `X-RateLimit-*` headers say how many are left); past it, 429 `RATE_LIMIT.EXCEEDED` with `Retry-After`.
         */
        post: operations["logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/password-reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ask for a password-reset e-mail
         * @description Always answers 202 with the same body, whether or not the address has an account: the work (looking the address up, making a single-use token valid for one hour, recording the e-mail) is done by a background job, so neither the answer nor its timing tells who has an account.
         *
         *     An account gets at most 3 reset e-mails an hour (further requests are answered alike and send nothing); one client address may ask 5 times in 15 minutes (429 `RATE_LIMIT.EXCEEDED`). The e-mail's link opens `/wachtwoord-herstellen#token=…` in the web app.
         *
         *     Rate limit: 5 requests per 15 minutes per client address, counting every request (the `X-RateLimit-*` headers say how many are left); past it, 429 `RATE_LIMIT.EXCEEDED` with `Retry-After`.
         */
        post: operations["requestPasswordReset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/password-reset/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set a new password with a reset token
         * @description The token works once and for one hour. Every session of the account ends: its refresh tokens are revoked and every access token stops working; sign in with the new password. Other open reset links of the account stop working too.
         *
         *     Rate limit: 20 requests per minute per client address, counting every request (the `X-RateLimit-*` headers say how many are left); past it, 429 `RATE_LIMIT.EXCEEDED` with `Retry-After`.
         */
        post: operations["confirmPasswordReset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change the signed-in user’s password
         * @description Every other session of the user ends: their refresh tokens are revoked and all access tokens issued before stop working. This session goes on: use the access token in the response from now on (its refresh token stays valid).
         *
         *     Rate limit: 20 requests per minute per client address, counting every request (the `X-RateLimit-*` headers say how many are left); past it, 429 `RATE_LIMIT.EXCEEDED` with `Retry-After`.
         */
        post: operations["changePassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user and its organisation */
        get: operations["getMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change the signed-in user’s own settings (its language)
         * @description The language (`nl` or `en`) is the one the user’s e-mails are written in; the web app’s language switch sets it for a signed-in user.
         */
        patch: operations["updateMe"];
        trace?: never;
    };
    "/v1/organisations/{id}/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Users of an organisation (platform admins, or its own users) */
        get: operations["listOrganisationUsers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/{id}/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Disable a user: its tokens stop working at once (platform admins) */
        post: operations["disableUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/{id}/enable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Enable a disabled user (platform admins) */
        post: operations["enableUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organisations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List organisations by name (platform admins) */
        get: operations["listOrganisations"];
        put?: never;
        /** Register an organisation (platform admins) */
        post: operations["createOrganisation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organisations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read an organisation (platform admins, or its own users) */
        get: operations["getOrganisation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change an organisation’s contact and billing details (platform admins, or its own users except viewers); not its legal name or KvK number */
        patch: operations["updateOrganisation"];
        trace?: never;
    };
    "/v1/organisations/{id}/legal-details": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Change an organisation’s legal name or KvK number (platform admins, with a reason)
         * @description Audited with the reason and the old and new values. Certificates already issued keep the name they were issued with; public verification shows the current name beside it.
         */
        put: operations["setOrganisationLegalDetails"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organisations/{id}/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Disable an organisation: its users are locked out at once (platform admins) */
        post: operations["disableOrganisation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organisations/{id}/enable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Enable a disabled organisation (platform admins) */
        post: operations["enableOrganisation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organisations/{id}/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Invitations of an organisation (platform admins, or its own users) */
        get: operations["listInvitations"];
        put?: never;
        /**
         * Invite a user into an organisation
         * @description Platform admins invite into any organisation; other users invite colleagues into their own, at most at their own role. The token is valid for 7 days and shown only once.
         */
        post: operations["createInvitation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/invitations/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * What an invitation joins, before the password is set
         * @description The organisation, role, e-mail address and expiry of an open invitation. An invitation that is used, expired or whose organisation is disabled answers the problem accepting it would; an unknown token reveals nothing.
         *
         *     Rate limit: 20 requests per minute per client address, counting every request (the `X-RateLimit-*` headers say how many are left); past it, 429 `RATE_LIMIT.EXCEEDED` with `Retry-After`.
         */
        post: operations["previewInvitation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/invitations/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Accept an invitation and set a password
         * @description From the web app (`X-Impactbeurs-Client: web`) the new user is also signed in: the refresh token is set in the `impactbeurs_refresh` cookie, and `POST /v1/auth/refresh` gives the first access token.
         *
         *     Rate limit: 20 requests per minute per client address, counting every request (the `X-RateLimit-*` headers say how many are left); past it, 429 `RATE_LIMIT.EXCEEDED` with `Retry-After`.
         */
        post: operations["acceptInvitation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List audit events (platform admins)
         * @description Append-only trail of every state change, newest first.
         */
        get: operations["listAuditEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/plans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Plans the caller may see, newest first
         * @description Initiative members see their organisation’s plans, reviewers the plans assigned to them, platform admins all. Suppliers and authorities are refused.
         */
        get: operations["listPlans"];
        put?: never;
        /**
         * Start a draft plan for the caller’s initiative (initiative members)
         * @description A draft may be incomplete: only the title is required, but every field given must be valid.
         */
        post: operations["createPlan"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/plans/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read a plan with its completeness and review history
         * @description Visible to the owning initiative, platform admins and reviewers assigned to it; anyone else gets 404.
         */
        get: operations["getPlan"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a plan while it is a draft or has changes requested (the owning initiative)
         * @description Replaces the given fields; lists are replaced as a whole. A budget line keeps its id when the id is sent with it.
         */
        patch: operations["updatePlan"];
        trace?: never;
    };
    "/v1/plans/{id}/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Submit a complete plan for review, opening a new review round (the owning initiative) */
        post: operations["submitPlan"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/plans/{id}/panel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Assign reviewers to the plan’s open review round (platform admins)
         * @description Each must be an active reviewer, not yet on this round, and not a member of the initiative. The first assignment moves a submitted plan to in_review. Together with those on the panel who are not recused, there must be at least PANEL_MIN reviewers.
         */
        post: operations["assignPanel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/plans/{id}/review": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The review of a plan (platform admins, and reviewers on its panel)
         * @description Admins see the whole panel, the medians, divergence, consensus and the award preview. A reviewer sees its own assignment, and the other reviewers’ scores only once it has submitted its own (blind review). Anyone else gets 404.
         */
        get: operations["getPlanReview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reviews/assignments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller’s own review assignments, newest first (reviewers) */
        get: operations["listReviewAssignments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reviews/assignments/{id}/declaration": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Declare a conflict of interest, or none, before scoring (the assigned reviewer)
         * @description Made once. A conflict recuses the reviewer; an admin then assigns another.
         */
        post: operations["declareInterest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reviews/assignments/{id}/scores": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Submit scores for an assigned plan, once (the assigned reviewer)
         * @description Requires a declaration of no conflict, the plan in review and the round open. Scores are final: they cannot be changed after submission.
         */
        post: operations["submitReviewScores"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/plans/{id}/request-changes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a plan in review back to the initiative with questions (platform admins)
         * @description Closes the round as changes_requested; resubmission opens the next round, and this one stays in the history.
         */
        post: operations["requestPlanChanges"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/plans/{id}/consensus": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record the panel’s consensus where its scores diverge (platform admins)
         * @description Only when every reviewer who is not recused has scored, there are at least PANEL_MIN of them, and some criterion spreads by more than the methodology allows. Recorded once; another admin must then confirm the award.
         */
        post: operations["recordReviewConsensus"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/plans/{id}/award": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Confirm the award computed from the panel’s scores (platform admins)
         * @description Uses the consensus if one was recorded, else the medians, and the configured methodology and credit price; stores every parameter so the award can be recomputed. The plan becomes approved (with supply and threshold) or rejected. Where there is a consensus, another admin than the one who entered it must confirm.
         */
        post: operations["confirmAward"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/plans/{id}/list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * List an approved project and issue its credits (platform admins)
         * @description Send `{}` for the default funding deadline, FUNDING_PERIOD_DAYS after listing; a deadline given must lie in the future (at most 730 days ahead). Issues the awarded supply into the credit ledger.
         */
        post: operations["listProject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/projects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Browse listed projects (public)
         * @description Listed, funded and completed projects; failed ones only with `status=failed`. Filter by municipality, target group, outcome type and free text; sort by newest, deadline or credits still available. A cursor belongs to the sort it came from.
         *
         *     Rate limit: 120 requests per minute per client address, counting every request (the `X-RateLimit-*` headers say how many are left); past it, 429 `RATE_LIMIT.EXCEEDED` with `Retry-After`.
         */
        get: operations["listProjects"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/municipalities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Municipalities with public projects (public)
         * @description Every municipality named by a public project (listed, funded, completed or failed), by name, with its CBS code (the `municipality` filter of GET /v1/projects) and how many public projects name it. Not paged: one entry per municipality.
         *
         *     Rate limit: 120 requests per minute per client address, counting every request (the `X-RateLimit-*` headers say how many are left); past it, 429 `RATE_LIMIT.EXCEEDED` with `Retry-After`.
         */
        get: operations["listCatalogueMunicipalities"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/projects/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read a public project with its award (public)
         * @description The plan’s public fields, its credits and the award with the methodology parameters and panel scores it was computed from, so the supply and threshold can be recomputed by hand. Projects that are not (or not yet) public answer 404.
         *
         *     Rate limit: 120 requests per minute per client address, counting every request (the `X-RateLimit-*` headers say how many are left); past it, 429 `RATE_LIMIT.EXCEEDED` with `Retry-After`.
         */
        get: operations["getProject"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Orders of the caller’s organisation, newest first (platform admins: all)
         * @description Supplier members see their own organisation’s orders only; platform admins see all and may filter by organisation and on needsAttention.
         */
        get: operations["listOrders"];
        put?: never;
        /**
         * Order credits of a listed project (supplier members)
         * @description Reserves the credits at once: they are held until `reservedUntil` (Stripe: the Checkout Session’s lifetime; invoice: until the invoice is due) and then released if unpaid.
         *     Stripe orders answer with a `checkoutUrl` to pay at; invoice orders with an invoice number and a payment reference for the bank transfer. Billing details are copied from the buyer organisation.
         *
         *     The `Idempotency-Key` header is required. A repeat with the same key and body answers the first response again, status and body alike (with the header `Idempotent-Replayed: true`), also when it arrives while the first is still running; the same key with another body is refused.
         *
         *     When Stripe cannot be reached or fails (502 `PAYMENT.PROVIDER_UNAVAILABLE`), or answers and refuses to create the payment page (502 `PAYMENT.PROVIDER_REFUSED`), the order is cancelled and its credits released.
         */
        post: operations["createOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read an order with its certificate once paid
         * @description Visible to the buyer organisation’s members and platform admins; anyone else gets 404.
         */
        get: operations["getOrder"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders/{id}/mark-paid": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record the bank transfer of an invoice order (platform admins)
         * @description The amount must equal the order’s. Fulfils the order: credits sold, serial range allocated, certificate issued. Repeating it changes nothing. A transfer for an order whose reservation lapsed re-reserves the credits if they are still there; otherwise the payment is booked and the order is flagged `needsAttention: refund_required` (refund it with a credit note).
         */
        post: operations["markOrderPaid"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel an unpaid order and release its credits (platform admins)
         * @description Only a reserved order can be cancelled; cancelling a cancelled order changes nothing.
         */
        post: operations["cancelOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders/{id}/refund": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Refund a paid order (platform admins)
         * @description Stripe orders are refunded through Stripe; invoice orders get a credit note (gapless number CN-YYYY-NNNNNN). The credits return to the project, the certificate is revoked and reversing ledger entries are written, exactly once: refunding a refunded order changes nothing.
         *
         *     A Stripe refund is recorded as requested before the money moves; until it is booked no claim on the certificate is approved (CLAIM.REFUND_PENDING). When Stripe answered and refused (502 `PAYMENT.PROVIDER_REFUSED`, logged with Stripe’s request id), nothing was refunded and the request is withdrawn; when it did not answer, the outcome is unknown and the request stays: retry, a retry cannot refund twice.
         *
         *     Stripe may accept a refund as pending (iDEAL, SEPA): the answer is then 200 with `refundState: pending`, the order still paid and its certificate suspended until Stripe reports the outcome (then refunded, or `refundState: failed` with the order flagged). A refund Stripe reports as failed at once answers 409 ORDER.REFUND_FAILED.
         */
        post: operations["refundOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders/{id}/flags": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every attention flag of an order, open and resolved (platform admins)
         * @description One flag per problem (a payment that did not match, a refund that failed, …), oldest first; none is overwritten. A flag is resolved by the event that settles it (a full refund resolves `refund_required`, `refund_amount_mismatch` and `refund_failed`) or by an admin with a note.
         */
        get: operations["listOrderFlags"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders/{id}/flags/{flagId}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Resolve one attention flag of an order, with a note (platform admins)
         * @description The other flags of the order stay open. Audited (`order.flag_resolved`); a flag is resolved once (409 `ORDER.FLAG_RESOLVED`). A refund of a purchase’s Stripe payment that no rule could attribute (`purchase_refund_unattributed`, raised on every line still paid) is one problem: resolving it on one line resolves it on every line; with `refundedOrderIds` the lines it gave back are booked refunded (409 `ORDER.REFUND_NOT_ATTRIBUTABLE` when they do not account for it, and nothing changes).
         */
        post: operations["resolveOrderFlag"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/purchases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organisation’s purchases, newest first (admins: all), at most 100 */
        get: operations["listPurchases"];
        put?: never;
        /**
         * Buy credits of several projects in one purchase (supplier members)
         * @description One purchase, one payment: each line (one per project) becomes an order with its own reservation, serial range, certificate and escrow, and the purchase carries ONE invoice number and payment reference (invoice: the invoice PDF, with an EPC QR code for the total, is at `/v1/purchases/{id}/invoice.pdf` at once) or ONE Stripe Checkout Session with a line item per project (`checkoutUrl`).
         *     All reservations or none: a line that cannot be reserved (credits, limits, a project not selling) refuses the whole purchase, naming the line in `errors[].path`. The anti-hoarding limits apply per project line; a purchase counts as one unpaid hold toward the limit on unpaid orders.
         *
         *     The `Idempotency-Key` header is required: a repeat with the same key and body answers the first response (header `Idempotent-Replayed: true`); the same key with another body is refused.
         */
        post: operations["createPurchase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/purchases/proposal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Propose listed projects that cover an obligation (supplier members)
         * @description From an amount in euros (cents), or what remains of one of the supplier’s contracts at that contract’s valuation, proposes lines of listed projects that cover it: projects meeting the preferences (municipality, target group, theme) first, then the most credits available. Each line respects what may be reserved (available credits and the per-project limit). The supplier adjusts it and buys it with `POST /v1/purchases`.
         */
        get: operations["proposePurchase"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/purchases/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One purchase with its lines and their orders
         * @description Another organisation’s purchase answers 404.
         */
        get: operations["getPurchase"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/purchases/{id}/mark-paid": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record the bank transfer of an invoice purchase (platform admins)
         * @description The amount must be the purchase’s total. Fulfils every line exactly once, in one transaction: each order is paid, gets its serial range and certificate. Repeating it changes nothing.
         */
        post: operations["markPurchasePaid"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/purchases/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel an unpaid purchase and release every line (platform admins) */
        post: operations["cancelPurchase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/projects/{id}/funding": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A project’s funding round: threshold, sold, escrow, tranches (public, more when signed in)
         * @description Everyone: threshold and sold credits, the deadline, whether the project was funded or failed and why, the waiting state of a project that missed its deadline while an approved claim stands, and the payout tranches (without bank references).
         *
         *     Platform admins and the project’s initiative (`view: full`): also the escrow (received, refunded, paid out, held), the bank references, deadline extensions and admin decisions, and every approved claim the project waits for.
         *
         *     Supplier members: `yourOrders`, their own organisation’s orders of the project and why each was refunded. Authority users: the approved claims of their own the project waits for.
         *
         *     Projects that are not public answer 404 (except to admins and the initiative).
         *
         *     No token is needed. A bearer token, when sent, must be valid (401 otherwise) and widens the view as above.
         *
         *     Rate limit: 120 requests per minute per client address, counting every request (the `X-RateLimit-*` headers say how many are left); past it, 429 `RATE_LIMIT.EXCEEDED` with `Retry-After`.
         */
        get: operations["getProjectFunding"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/projects/{id}/funding/deadline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Extend a funding deadline before it passes (platform admins)
         * @description Audited, with a reason.
         */
        post: operations["extendFundingDeadline"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/projects/{id}/funding/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Decide a project that waits after its deadline because of approved claims (platform admins)
         * @description `refund_all`: the project fails now. Approved claims on its certificates are invalidated (the authorities see why), reservations are released and every paid order is refunded by the refund jobs. Once per project.
         *
         *     `extend_deadline`: a new deadline in the future; the project sells again until then.
         *
         *     Audited, with a reason; a single admin decides (the money only goes back to the buyers who paid it).
         */
        post: operations["decideWaitingProject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/payouts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Payouts: all for platform admins (the payouts-due list with status=open), own for initiatives
         * @description Oldest due first. Other organisations get 404.
         */
        get: operations["listPayouts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/payouts/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The payouts list as CSV (platform admins); by default those still open */
        get: operations["exportPayouts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/payouts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a payout (platform admins; the initiative it is owed to) */
        get: operations["getPayout"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/payouts/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * First approval of a due payout (platform admins, not the one who accepted the final report)
         * @description Repeating one’s own approval changes nothing.
         */
        post: operations["approvePayout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/payouts/{id}/mark-paid": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record the bank transfer of an approved payout (a second platform admin)
         * @description Books the payout in the money ledger with the bank reference.
         */
        post: operations["markPayoutPaid"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/funding/ledger": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Escrow, paid out and refunded per project and in total (platform admins) */
        get: operations["getFundingLedger"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/funding/reconciliation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Stripe payments and refunds recorded from Stripe against the ledger, per day, with every difference (platform admins)
         * @description Days are Amsterdam calendar days.
         */
        get: operations["getFundingReconciliation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/bank-statements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Uploaded bank statements, newest first, with their match counts (platform admins) */
        get: operations["listBankStatements"];
        put?: never;
        /**
         * Upload the bank’s CAMT.053 statement and match its entries (platform admins)
         * @description Send the file exactly as the bank exported it as the raw request body (`Content-Type: application/xml` or `text/xml`, at most 10 MB): an ISO 20022 BankToCustomerStatement, camt.053.001.02 up to .13 (ING, Rabobank, ABN AMRO). A file may hold several statements (one per account and day).
         *
         *     Each transaction is stored (a batch entry split per transaction) and matched: a credit that names an invoice order’s payment reference (RF…, structured or in the free text) with the order’s exact amount pays the order, as mark-paid does; a debit that names a payout’s transfer reference (IBP-…) with its exact amount pays the approved payout (the uploader then counts as the admin who records the payment: four eyes apply). Partial, excess and unknown transfers, and everything else matching cannot decide, go to the exceptions queue (GET /v1/bank-statements/exceptions).
         *
         *     The same file uploaded again answers 201 with `duplicate: true` and books nothing; an entry that an earlier (overlapping) statement booked is listed as `duplicate`. Not CAMT.053 answers 422.
         */
        post: operations["uploadBankStatement"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/bank-statements/exceptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Statement entries matching could not decide, oldest first (platform admins)
         * @description Each with its reason (partial, excess, unknown_reference, already_paid, …) and, once resolved, the decision and note.
         */
        get: operations["listBankStatementExceptions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/bank-statements/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A bank statement with every entry and its match result (platform admins) */
        get: operations["getBankStatement"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/bank-statements/exceptions/{id}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Decide a queued statement entry, once, with a note (platform admins)
         * @description book_as_paid books the order (credit) or the payout (debit) as paid on this transfer through the same path as mark-paid (name the order or payout when matching found none; a payout keeps its four eyes); ignore and refunded_by_hand book nothing. Audited. Repeating one’s own decision answers the entry unchanged.
         */
        post: operations["resolveBankStatementException"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/stripe/webhook": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Stripe event endpoint (called by Stripe)
         * @description Receives Stripe events. The body is the raw JSON Stripe sent and must carry a valid `Stripe-Signature` (checked with the endpoint’s signing secrets, at most 300 s old) and be rendered in the API version the platform pins (another version answers 400 `WEBHOOK.API_VERSION_MISMATCH` and is not recorded, so Stripe retries it); anything else answers 400 and changes nothing. Each event is applied once: a redelivery answers 200 with `duplicate: true`. Handled: checkout.session.completed, checkout.session.async_payment_succeeded, checkout.session.async_payment_failed, checkout.session.expired, charge.refunded, refund.created, refund.updated, refund.failed, charge.refund.updated, charge.dispute.created, charge.dispute.updated, charge.dispute.funds_withdrawn, charge.dispute.funds_reinstated, charge.dispute.closed; other types are recorded and ignored.
         */
        post: operations["receiveStripeWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/certificates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Certificates of the caller’s organisation, newest first (platform admins: all) */
        get: operations["listCertificates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/certificates/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read a certificate with its current status
         * @description Visible to the buying organisation’s members and platform admins; anyone else gets 404.
         */
        get: operations["getCertificate"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/certificates/{id}/pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download the certificate as PDF (Dutch, or English with lang=en)
         * @description Rendered once, by a background job when the order is paid (or by the first download if that comes first); its SHA-256 is recorded (header `X-Content-SHA256`) and every download returns the same bytes, so an authority can check an uploaded copy with POST /v1/verify/pdf.
         */
        get: operations["getCertificatePdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/certificates/{id}/jws": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The certificate’s facts as a compact JWS signed with Ed25519
         * @description Verify offline against /.well-known/jwks.json, or with POST /v1/verify/jws. The JWS states what was issued; the current status is answered by the verification routes.
         */
        get: operations["getCertificateJws"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/purchases/{id}/invoice.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download the one invoice of a purchase as PDF (Dutch, or English with lang=en)
         * @description One invoice for the whole purchase: a line per project, one total, one payment reference. An invoice purchase has it from the moment it is placed, with the due date, the seller’s IBAN and an EPC QR code (GiroCode) for the total; a Stripe purchase gets it when it is paid.
         *
         *     Stored once with its SHA-256 (header `X-Content-SHA256`); payment does not change it. Another organisation’s purchase answers 404.
         */
        get: operations["getPurchaseInvoicePdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders/{id}/invoice.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download the invoice of an order as PDF (Dutch, or English with lang=en)
         * @description An invoice order has its invoice from the moment it is placed, to pay from: gapless number of the yearly INV- series, due date, the seller’s IBAN, the payment reference and an EPC QR code (GiroCode) for banking apps. Payment does not change it (the order says whether it is paid). A Stripe order gets its invoice when it is paid (it then shows the Stripe payment as its reference). An order that is a line of a purchase has the purchase’s one invoice.
         *
         *     Rendered once (by a background job at payment, or by the first download) and stored with its SHA-256 (header `X-Content-SHA256`); every download returns the same bytes. The invoice stays as it was issued: after a refund it is not changed, and the credit note (`/v1/orders/{id}/credit-note.pdf`) is the correction.
         *
         *     Another organisation’s order answers 404.
         */
        get: operations["getOrderInvoicePdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders/{id}/credit-note.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download the credit note of a refunded order as PDF (Dutch, or English with lang=en)
         * @description Every refund of an invoiced order issues a credit note with a gapless number of the yearly CN- series: it names the invoice it credits, the seller and buyer, the negative line and totals, and the reason.
         *
         *     Rendered once and stored with its SHA-256 (header `X-Content-SHA256`); every download returns the same bytes. For the buying organisation’s members and platform admins; another organisation’s order answers 404.
         */
        get: operations["getOrderCreditNotePdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/.well-known/jwks.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The public keys that sign certificate JWS (current and retired)
         * @description Rate limit: 120 requests per minute per client address, counting every request (the `X-RateLimit-*` headers say how many are left); past it, 429 `RATE_LIMIT.EXCEEDED` with `Retry-After`.
         */
        get: operations["getJwks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/verify/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Verify a certificate by its verification code (public)
         * @description The certificate as it stands now: status (active, suspended, revoked), number, supplier, project, credits, serial range, euro value, issue date. Holds no personal data. Unknown codes answer 404. The code may be given as a person types it: in any case, with spaces or dashes anywhere, O for 0 and I or L for 1.
         *
         *     Rate limit: 120 requests per minute per client address, counting every request (the `X-RateLimit-*` headers say how many are left); past it, 429 `RATE_LIMIT.EXCEEDED` with `Retry-After`.
         */
        get: operations["verifyCertificateCode"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/verify/jws": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check a certificate JWS against the published keys (public)
         * @description Answers 200 either way: `valid` with the certificate’s current status, or `valid: false` with a reason (malformed, unsupported_algorithm, unknown_kid, bad_signature, wrong_issuer).
         *
         *     Rate limit: 120 requests per minute per client address, counting every request (the `X-RateLimit-*` headers say how many are left); past it, 429 `RATE_LIMIT.EXCEEDED` with `Retry-After`.
         */
        post: operations["verifyCertificateJws"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/verify/pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check an uploaded certificate PDF (public)
         * @description Send the PDF as the raw request body (`Content-Type: application/pdf`, at most 5 MB).
         *     If its SHA-256 matches a certificate PDF this platform handed out, the answer is the certificate as it stands now (`genuine: true`, with its current status). Any other file — including a copy changed by a single byte — answers 200 with `genuine: false`: the file was not issued by this platform.
         *
         *     Rate limit: 120 requests per minute per client address, counting every request (the `X-RateLimit-*` headers say how many are left); past it, 429 `RATE_LIMIT.EXCEEDED` with `Retry-After`.
         */
        post: operations["verifyCertificatePdf"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/verify/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The verification page for people: the target of the certificate’s QR code (public)
         * @description An HTML page in Dutch or English (`lang`, else `Accept-Language`, else Dutch) with what GET /v1/verify/{code} answers: the certificate’s status in words, what it was counted toward, and when it was checked. An unknown code answers 404 with a page that repeats the code and says what to do. Not cached (`Cache-Control: no-store`).
         *
         *     Rate limit: 120 requests per minute per client address, counting every request (the `X-RateLimit-*` headers say how many are left); past it, 429 `RATE_LIMIT.EXCEEDED` with `Retry-After`.
         */
        get: operations["viewVerificationPage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/projects/{id}/outcomes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A public project’s outcomes reported so far (public)
         * @description Counts only, per outcome type and target group, beside what the plan expected: the sums of the published counts of the project’s accepted outcome reports whose period ends in the period. Each report’s counts are randomly rounded to a multiple of `disclosureControl.base` once, when it is accepted, exactly as in the public statistics and the reports; a withheld count is never added (`suppressed`, `complete`). Projects that are not public answer 404.
         *
         *     Rate limit: 120 requests per minute per client address, counting every request (the `X-RateLimit-*` headers say how many are left); past it, 429 `RATE_LIMIT.EXCEEDED` with `Retry-After`.
         */
        get: operations["getProjectOutcomes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Platform statistics (public)
         * @description Platform totals: credits sold, euros paid, projects listed, funded and completed, and published outcome counts by type. Only totals; withheld counts never enter them.
         *
         *     Rate limit: 120 requests per minute per client address, counting every request (the `X-RateLimit-*` headers say how many are left); past it, 429 `RATE_LIMIT.EXCEEDED` with `Retry-After`.
         */
        get: operations["getPublicStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reports/authority": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Outcome report for an authority
         * @description For an authority’s coordinators and viewers (platform admins name the authority with `authorityId`): the SR value of the claims it approved in the period per contract and supplier, the projects behind them with its share of each, attributed outcomes by type, participants by target group (with Banenafspraak), and expected against realised outcomes. Counts of people are published randomly rounded per accepted report; a withheld count is `value: null, suppressed: true` (docs/privacy.md).
         */
        get: operations["getAuthorityReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reports/supplier": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Impact report for a supplier
         * @description For a supplier’s members (platform admins name the supplier with `supplierId`): its certificates, and per project its share, what it paid, where its money went (budget lines, pro rata), attributed outcomes and published stories. Counts as the authority report.
         */
        get: operations["getSupplierReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/stats.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Platform statistics (public) as CSV
         * @description Platform totals: credits sold, euros paid, projects listed, funded and completed, and published outcome counts by type. Only totals; withheld counts never enter them.
         *
         *     Files are Dutch by default; English with `lang=en` (or, without `lang`, when Accept-Language prefers English): column names, labels instead of codes (`Betaald werk`, not `paid_work`), notes. `.xlsx`: a sheet "Toelichting" (About) with the report, its period, generation time and how to read withheld (`x`) and incomplete figures, then a sheet per table with a frozen header row and an autofilter; amounts are numbers with a euro format, shares percentages, dates real dates in Dutch time. `.csv`: the notes as rows, then each table under its name; `format=csv` is RFC 4180 (comma, decimal point, ISO dates), `format=csv-nl` opens in Dutch Excel (semicolon, decimal comma, dates as dd-mm-jjjj).
         *
         *     Rate limit: 120 requests per minute per client address, counting every request (the `X-RateLimit-*` headers say how many are left); past it, 429 `RATE_LIMIT.EXCEEDED` with `Retry-After`.
         */
        get: operations["getPublicStatsCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reports/authority.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Outcome report for an authority as CSV
         * @description For an authority’s coordinators and viewers (platform admins name the authority with `authorityId`): the SR value of the claims it approved in the period per contract and supplier, the projects behind them with its share of each, attributed outcomes by type, participants by target group (with Banenafspraak), and expected against realised outcomes. Counts of people are published randomly rounded per accepted report; a withheld count is `value: null, suppressed: true` (docs/privacy.md).
         *
         *     Files are Dutch by default; English with `lang=en` (or, without `lang`, when Accept-Language prefers English): column names, labels instead of codes (`Betaald werk`, not `paid_work`), notes. `.xlsx`: a sheet "Toelichting" (About) with the report, its period, generation time and how to read withheld (`x`) and incomplete figures, then a sheet per table with a frozen header row and an autofilter; amounts are numbers with a euro format, shares percentages, dates real dates in Dutch time. `.csv`: the notes as rows, then each table under its name; `format=csv` is RFC 4180 (comma, decimal point, ISO dates), `format=csv-nl` opens in Dutch Excel (semicolon, decimal comma, dates as dd-mm-jjjj).
         */
        get: operations["getAuthorityReportCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reports/supplier.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Impact report for a supplier as CSV
         * @description For a supplier’s members (platform admins name the supplier with `supplierId`): its certificates, and per project its share, what it paid, where its money went (budget lines, pro rata), attributed outcomes and published stories. Counts as the authority report.
         *
         *     Files are Dutch by default; English with `lang=en` (or, without `lang`, when Accept-Language prefers English): column names, labels instead of codes (`Betaald werk`, not `paid_work`), notes. `.xlsx`: a sheet "Toelichting" (About) with the report, its period, generation time and how to read withheld (`x`) and incomplete figures, then a sheet per table with a frozen header row and an autofilter; amounts are numbers with a euro format, shares percentages, dates real dates in Dutch time. `.csv`: the notes as rows, then each table under its name; `format=csv` is RFC 4180 (comma, decimal point, ISO dates), `format=csv-nl` opens in Dutch Excel (semicolon, decimal comma, dates as dd-mm-jjjj).
         */
        get: operations["getSupplierReportCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/stats.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Platform statistics (public) as XLSX
         * @description Platform totals: credits sold, euros paid, projects listed, funded and completed, and published outcome counts by type. Only totals; withheld counts never enter them.
         *
         *     Files are Dutch by default; English with `lang=en` (or, without `lang`, when Accept-Language prefers English): column names, labels instead of codes (`Betaald werk`, not `paid_work`), notes. `.xlsx`: a sheet "Toelichting" (About) with the report, its period, generation time and how to read withheld (`x`) and incomplete figures, then a sheet per table with a frozen header row and an autofilter; amounts are numbers with a euro format, shares percentages, dates real dates in Dutch time. `.csv`: the notes as rows, then each table under its name; `format=csv` is RFC 4180 (comma, decimal point, ISO dates), `format=csv-nl` opens in Dutch Excel (semicolon, decimal comma, dates as dd-mm-jjjj).
         *
         *     Rate limit: 120 requests per minute per client address, counting every request (the `X-RateLimit-*` headers say how many are left); past it, 429 `RATE_LIMIT.EXCEEDED` with `Retry-After`.
         */
        get: operations["getPublicStatsXlsx"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reports/authority.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Outcome report for an authority as XLSX
         * @description For an authority’s coordinators and viewers (platform admins name the authority with `authorityId`): the SR value of the claims it approved in the period per contract and supplier, the projects behind them with its share of each, attributed outcomes by type, participants by target group (with Banenafspraak), and expected against realised outcomes. Counts of people are published randomly rounded per accepted report; a withheld count is `value: null, suppressed: true` (docs/privacy.md).
         *
         *     Files are Dutch by default; English with `lang=en` (or, without `lang`, when Accept-Language prefers English): column names, labels instead of codes (`Betaald werk`, not `paid_work`), notes. `.xlsx`: a sheet "Toelichting" (About) with the report, its period, generation time and how to read withheld (`x`) and incomplete figures, then a sheet per table with a frozen header row and an autofilter; amounts are numbers with a euro format, shares percentages, dates real dates in Dutch time. `.csv`: the notes as rows, then each table under its name; `format=csv` is RFC 4180 (comma, decimal point, ISO dates), `format=csv-nl` opens in Dutch Excel (semicolon, decimal comma, dates as dd-mm-jjjj).
         */
        get: operations["getAuthorityReportXlsx"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reports/supplier.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Impact report for a supplier as XLSX
         * @description For a supplier’s members (platform admins name the supplier with `supplierId`): its certificates, and per project its share, what it paid, where its money went (budget lines, pro rata), attributed outcomes and published stories. Counts as the authority report.
         *
         *     Files are Dutch by default; English with `lang=en` (or, without `lang`, when Accept-Language prefers English): column names, labels instead of codes (`Betaald werk`, not `paid_work`), notes. `.xlsx`: a sheet "Toelichting" (About) with the report, its period, generation time and how to read withheld (`x`) and incomplete figures, then a sheet per table with a frozen header row and an autofilter; amounts are numbers with a euro format, shares percentages, dates real dates in Dutch time. `.csv`: the notes as rows, then each table under its name; `format=csv` is RFC 4180 (comma, decimal point, ISO dates), `format=csv-nl` opens in Dutch Excel (semicolon, decimal comma, dates as dd-mm-jjjj).
         */
        get: operations["getSupplierReportXlsx"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reports/supplier.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Impact report for a supplier as PDF (Dutch, or English with lang=en)
         * @description The supplier’s impact report for its annual report, with the same figures and filters as `/v1/reports/supplier.xlsx`: per project funded what it paid, its credits and share, the outcomes and participants attributed to it, and the published stories. Rendered on request (the figures change as reports are accepted), so it is not stored; header `X-Content-SHA256` is the hex SHA-256 of the bytes sent, as on the other PDF routes. For a supplier’s members; platform admins name the supplier with `supplierId`; another supplier’s id answers 404.
         */
        get: operations["getSupplierReportPdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/stories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The story bank: published stories, newest first (public)
         * @description Stories the people in them consented to, accepted by a platform admin. Filter by project.
         *
         *     Rate limit: 120 requests per minute per client address, counting every request (the `X-RateLimit-*` headers say how many are left); past it, 429 `RATE_LIMIT.EXCEEDED` with `Retry-After`.
         */
        get: operations["listStories"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/projects/{id}/outcome-reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A project’s outcome reports (its initiative and platform admins) */
        get: operations["listProjectOutcomeReports"];
        put?: never;
        /**
         * Report a period’s outcomes for a project (its initiative)
         * @description Participants per target group, outcomes per type (of which Banenafspraak), spending per budget line, a narrative and optional stories. Interim reports for listed or funded projects, a final report for a funded project. Periods of one project never overlap; one final report per project. Counts only: unknown fields are refused, and so is free text that contains personal data.
         */
        post: operations["submitOutcomeReport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/outcome-reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Outcome reports by status, oldest first: the admins’ queue (platform admins) */
        get: operations["listOutcomeReports"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/outcome-reports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read an outcome report (its initiative and platform admins; anyone else 404) */
        get: operations["getOutcomeReport"];
        /**
         * Answer a returned report with a new revision (its initiative)
         * @description Replaces the figures of a returned report and submits it again. Counts only: unknown fields are refused, and so is free text that contains personal data.
         */
        put: operations["resubmitOutcomeReport"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/outcome-reports/{id}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Accept a submitted report (platform admins)
         * @description Only accepted reports count in reports. Its counts are published with disclosure control at once. A final report marks the project completed (and must belong to a funded project). Accepting an accepted report again changes nothing.
         */
        post: operations["acceptOutcomeReport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/outcome-reports/{id}/return": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Return a submitted report to its initiative with questions (platform admins) */
        post: operations["returnOutcomeReport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/projects/{id}/stories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A project’s stories in every status (its initiative and platform admins) */
        get: operations["listProjectStories"];
        put?: never;
        /**
         * Submit a story for the story bank (its initiative)
         * @description Needs `consent: true`: the people in it agreed to publication. Published only after a platform admin accepts it. Counts only: unknown fields are refused, and so is free text that contains personal data.
         */
        post: operations["submitStory"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/stories/submitted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Stories waiting for a decision, oldest first, at most 100 (platform admins)
         * @description The platform team’s story queue: stories submitted with a report or on their own, not yet published or rejected.
         */
        get: operations["listSubmittedStories"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/stories/{id}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept a story for publication in the story bank (platform admins) */
        post: operations["publishStory"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/stories/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Decline a story, with a reason (platform admins) */
        post: operations["rejectStory"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contracts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Contracts with their progress, newest first
         * @description Authorities see their own contracts, suppliers the contracts that bind them, platform admins all.
         */
        get: operations["listContracts"];
        put?: never;
        /**
         * Register a contract with a social-return obligation (authority coordinators)
         * @description The supplier is named by KvK number. A supplier that is not registered yet is created as a `pending` organisation and invited by e-mail at `supplier.contactEmail` (the link is never returned to the coordinator); it becomes active when the invitation is accepted.
         *
         *     The obligation in cents is computed and stored: `contract_value` and `wage_sum` take `percentageBp` (default 500 = 5%) of their basis, rounded half up to cents; `fixed` takes `fixedAmountCents`.
         */
        post: operations["createContract"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contracts/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The authority’s contracts with their progress as CSV or XLSX
         * @description Dutch by default; English with `lang=en` (or, without `lang`, when Accept-Language prefers English). `format=csv` is RFC 4180 (comma, decimal point, ISO dates); `format=csv-nl` opens in Dutch Excel (semicolon, decimal comma, dates as dd-mm-jjjj); `format=xlsx` has typed cells (euro amounts, percentages, dates in Dutch time), a frozen header row with an autofilter, and a sheet explaining the columns.
         */
        get: operations["exportContracts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contracts/supplier": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Find a registered supplier by KvK number (authority coordinators)
         * @description For the contract form: the supplier’s name and KvK number only, or 404 when no supplier has this KvK number (then the contract invites one by name and e-mail). Other organisations’ details are never answered, and the rate limit keeps the register from being walked.
         *
         *     Rate limit: 30 requests per minute per client address, counting every request (the `X-RateLimit-*` headers say how many are left); past it, 429 `RATE_LIMIT.EXCEEDED` with `Retry-After`.
         */
        get: operations["findContractSupplier"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contracts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read a contract with its obligation and progress
         * @description Visible to its authority, its supplier and platform admins; anyone else gets 404.
         */
        get: operations["getContract"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Edit an open contract, its obligation or its valuation (the authority’s coordinators)
         * @description The obligation is recomputed, and may not become smaller than what approved claims already count toward it. Claims already approved keep the value they were approved at; pending claims are valued at the valuation in force when they are approved.
         */
        patch: operations["updateContract"];
        trace?: never;
    };
    "/v1/contracts/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Close a contract (the authority’s coordinators)
         * @description A closed contract takes no new claims.
         */
        post: operations["closeContract"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contracts/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Audit events about a contract and its claims (its authority and platform admins) */
        get: operations["listContractEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/obligations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The supplier’s obligation wallet (supplier members)
         * @description Every obligation of the caller’s organisation across all authorities, soonest ending first, with required, approved, pending and remaining amounts; `overdue` when the contract has ended unfilled.
         */
        get: operations["listObligations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/claims": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Claims, newest first: a supplier’s own, an authority’s inbox, all for platform admins
         * @description Each claim carries its certificate’s live status and verification link.
         */
        get: operations["listClaims"];
        put?: never;
        /**
         * Claim certificate credits toward an obligation (supplier members)
         * @description Both the certificate and the contract must be the caller’s own (404 otherwise). The claim is worth credits × the price paid × the authority’s factor (`valueCents`), and waits for the coordinator. It counts that value toward the obligation (`countedCents`), except that its last credit may count in part, up to what is left of the share credits may fill: the obligation is then met to the cent, and the rest of that credit is spent with the claim. A claim that would leave more than its last credit over is refused (`CLAIM.CREDIT_SHARE_CAP`).
         *
         *     The `Idempotency-Key` header is required; a repeat answers the first claim (header `Idempotent-Replayed: true`).
         */
        post: operations["createClaim"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/claims/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What a claim would count toward a contract, before claiming (supplier members)
         * @description Runs the checks and the arithmetic of `POST /v1/claims` on the supplier’s own certificate and contract without writing anything: the value of the credits, what they count toward the obligation now (the last credit may count in part, up to what is left of the share credits may fill), the most credits that still count, and the refusal a claim would meet (`refusal`, an error code) instead of an error. Another organisation’s certificate or contract answers 404.
         */
        get: operations["previewClaim"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/claims/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every claim made to the caller’s authority as CSV or XLSX
         * @description Dutch by default; English with `lang=en` (or, without `lang`, when Accept-Language prefers English). `format=csv` is RFC 4180 (comma, decimal point, ISO dates); `format=csv-nl` opens in Dutch Excel (semicolon, decimal comma, dates as dd-mm-jjjj); `format=xlsx` has typed cells (euro amounts, percentages, dates in Dutch time), a frozen header row with an autofilter, and a sheet explaining the columns.
         */
        get: operations["exportClaims"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/claims/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a claim (its supplier, its authority, platform admins) */
        get: operations["getClaim"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/claims/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Approve a pending claim (coordinators of the claim’s authority)
         * @description Re-checks in the same transaction that the certificate is still active and no refund of its order is under way, that credits are still accepted, and that the claim at the current valuation fits the share cap with what is already approved; the value it is approved at is then fixed. While a refund through Stripe of the certificate’s order is under way, the money may already be back with the buyer, so the claim waits until the refund is settled.
         */
        post: operations["approveClaim"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/claims/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reject a pending claim with a reason (coordinators of the claim’s authority)
         * @description The credits are free to be claimed again.
         */
        post: operations["rejectClaim"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/claims/{id}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Withdraw an approval, with a reason (only coordinators of the authority that approved it)
         * @description The credits no longer count toward the obligation and are free to be claimed again.
         */
        post: operations["withdrawClaimApproval"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-endpoints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the organisation’s webhook endpoints
         * @description Members of the endpoint’s own organisation (an authority, a supplier or the platform); viewers and reviewers read only. Another organisation’s endpoint answers 404.
         */
        get: operations["listWebhookEndpoints"];
        put?: never;
        /**
         * Register a webhook endpoint
         * @description Members of the endpoint’s own organisation (an authority, a supplier or the platform); viewers and reviewers read only. Another organisation’s endpoint answers 404.
         *
         *     Deliveries follow the Standard Webhooks specification. The answer carries the signing secret; it is never shown again (rotate it to get a new one).
         */
        post: operations["createWebhookEndpoint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-endpoints/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read a webhook endpoint
         * @description Members of the endpoint’s own organisation (an authority, a supplier or the platform); viewers and reviewers read only. Another organisation’s endpoint answers 404.
         */
        get: operations["getWebhookEndpoint"];
        put?: never;
        post?: never;
        /**
         * Delete a webhook endpoint and its delivery log
         * @description Members of the endpoint’s own organisation (an authority, a supplier or the platform); viewers and reviewers read only. Another organisation’s endpoint answers 404.
         *
         *     Answers the endpoint as it was.
         */
        delete: operations["deleteWebhookEndpoint"];
        options?: never;
        head?: never;
        /**
         * Change, disable or enable a webhook endpoint
         * @description Members of the endpoint’s own organisation (an authority, a supplier or the platform); viewers and reviewers read only. Another organisation’s endpoint answers 404.
         *
         *     An endpoint the platform disabled because it kept failing (`disabledReason: failing`) starts again with `enabled: true`; its waiting deliveries are then sent.
         */
        patch: operations["updateWebhookEndpoint"];
        trace?: never;
    };
    "/v1/webhook-endpoints/{id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rotate the signing secret of a webhook endpoint
         * @description Members of the endpoint’s own organisation (an authority, a supplier or the platform); viewers and reviewers read only. Another organisation’s endpoint answers 404.
         *
         *     The new secret is shown once, in this answer. Until `previousSecretValidUntil` (24 hours unless the operator set WEBHOOK_SECRET_OVERLAP_HOURS) every delivery carries two signatures, one with each secret, so the receiver can switch without losing a delivery.
         */
        post: operations["rotateWebhookSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-endpoints/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The delivery log of a webhook endpoint, newest first
         * @description Members of the endpoint’s own organisation (an authority, a supplier or the platform); viewers and reviewers read only. Another organisation’s endpoint answers 404.
         */
        get: operations["listWebhookDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-endpoints/{id}/deliveries/{deliveryId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A delivery with every attempt
         * @description Members of the endpoint’s own organisation (an authority, a supplier or the platform); viewers and reviewers read only. Another organisation’s endpoint answers 404.
         */
        get: operations["getWebhookDelivery"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-endpoints/{id}/deliveries/{deliveryId}/redeliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a finished delivery again
         * @description Members of the endpoint’s own organisation (an authority, a supplier or the platform); viewers and reviewers read only. Another organisation’s endpoint answers 404.
         *
         *     The same message (same `webhook-id` and body, freshly signed) is queued again and tried with the usual retries.
         */
        post: operations["redeliverWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/notification-preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The e-mail notifications the signed-in user gets
         * @description Every notification that concerns users of the user’s kind of organisation, whether it is mandatory (about their own money or obligations: always sent) and whether it is on.
         */
        get: operations["getNotificationPreferences"];
        /**
         * Switch optional e-mail notifications off (and on again)
         * @description `disabled` lists every optional notification the user does not want; the rest are sent. Mandatory notifications cannot be switched off (400). The change counts for events dispatched from now on.
         */
        put: operations["updateNotificationPreferences"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AcceptInvitationInput: {
            token: string;
            name: string;
            password: string;
            /** @description The new user’s language (its e-mails); by default Dutch */
            language?: components["schemas"]["LanguageInput"];
        };
        AccessToken: {
            /** @description JWT for the Authorization: Bearer header */
            accessToken: string;
            /** @constant */
            tokenType: "Bearer";
            /** @description Seconds until the access token expires */
            expiresIn: number;
        };
        /** @enum {string} */
        ActiveStatus: "active" | "disabled";
        AssignPanelInput: {
            /** @description Platform users with role reviewer; together with those already on the round, at least PANEL_MIN not recused */
            reviewerIds: string[];
        };
        AttributedCount: {
            /** @description Attributed people, rounded to one decimal; null when suppressed */
            value: number | null;
            /** @description The exact attributed value as a fraction ("77/10") */
            exact: string | null;
            suppressed: boolean;
            complete: boolean;
        };
        AttributedOutcomes: {
            outcomes: {
                outcomeType: components["schemas"]["OutcomeType"];
                /** @description Attributed share of the expected count */
                expected: number | null;
                attributed: components["schemas"]["AttributedCount"];
            }[];
            participants: {
                targetGroup: components["schemas"]["TargetGroup"];
                attributed: components["schemas"]["AttributedCount"];
            }[];
            banenafspraak: {
                outcomeType: components["schemas"]["OutcomeType"];
                attributed: components["schemas"]["AttributedCount"];
            }[];
            totals: {
                participants: components["schemas"]["AttributedCount"];
                outcomes: components["schemas"]["AttributedCount"];
                banenafspraak: components["schemas"]["AttributedCount"];
            };
        };
        AttributionShare: {
            /** @description Credits that count toward the share */
            credits: number;
            /** @description The project’s sold credits */
            soldCredits: number;
            /** @description credits ÷ soldCredits as a fraction */
            exact: string;
            /** @description Rounded to two decimals, for display */
            percent: number;
        };
        AuditEvent: {
            /** @description Monotonic event number */
            id: string;
            /** Format: date-time */
            occurredAt: string;
            actorUserId: string | null;
            actorOrganisationId: string | null;
            action: string;
            subjectType: string;
            subjectId: string | null;
            summary: {
                [key: string]: unknown;
            };
            requestId: string | null;
        };
        AuditEventPage: {
            items: components["schemas"]["AuditEvent"][];
            /** @description Pass as `cursor` for the next page; null on the last page */
            nextCursor: string | null;
        };
        AuthorityReport: {
            /** @constant */
            kind: "authority";
            authority: {
                /** Format: uuid */
                id: string;
                name: string;
            };
            period: {
                from: string | null;
                to: string;
            };
            generatedAt: string;
            /** @description When the summaries were last refreshed (sales and claims); outcome counts are current */
            dataAsOf: string | null;
            disclosureThreshold: number;
            disclosureControl: components["schemas"]["DisclosureControl"];
            methodology: string;
            srValue: {
                /** @description SR value of the claims approved in the period */
                valueCents: number;
                credits: number;
                claims: number;
                contracts: {
                    /** Format: uuid */
                    contractId: string;
                    reference: string;
                    title: string;
                    /** Format: uuid */
                    supplierId: string;
                    supplierName: string;
                    credits: number;
                    valueCents: number;
                    claims: number;
                }[];
            };
            attributed: components["schemas"]["AttributedOutcomes"];
            projects: {
                /** Format: uuid */
                projectId: string;
                title: string;
                status: components["schemas"]["ProjectStatus"];
                share: components["schemas"]["AttributionShare"];
                outcomes: {
                    outcomeType: components["schemas"]["OutcomeType"];
                    expected: number | null;
                    realised: components["schemas"]["PublishedCount"];
                    attributed: components["schemas"]["AttributedCount"];
                }[];
                participants: {
                    targetGroup: components["schemas"]["TargetGroup"];
                    expected: number | null;
                    realised: components["schemas"]["PublishedCount"];
                    attributed: components["schemas"]["AttributedCount"];
                }[];
                /** @description Outcomes achieved by people in the Banenafspraak target group */
                banenafspraak: {
                    outcomeType: components["schemas"]["OutcomeType"];
                    realised: components["schemas"]["PublishedCount"];
                    attributed: components["schemas"]["AttributedCount"];
                }[];
                totals: {
                    participants: {
                        realised: components["schemas"]["PublishedCount"];
                        attributed: components["schemas"]["AttributedCount"];
                    };
                    outcomes: {
                        realised: components["schemas"]["PublishedCount"];
                        attributed: components["schemas"]["AttributedCount"];
                    };
                    banenafspraak: {
                        realised: components["schemas"]["PublishedCount"];
                        attributed: components["schemas"]["AttributedCount"];
                    };
                };
                /** @description SR value approved in the period on this project */
                srValueCents: number;
            }[];
        };
        AwardBudgetLine: {
            /** Format: uuid */
            id: string;
            position: number;
            description: string;
            category: components["schemas"]["BudgetCategory"];
            amountCents: number;
            /** @description How many panel members flagged the line as not eligible */
            flags: number;
        };
        AwardPanelScores: {
            /** @description The individual scores of the panel members who scored */
            reviewers: {
                /** Format: uuid */
                assignmentId: string;
                /** Format: uuid */
                reviewerId: string;
                scores: components["schemas"]["CriterionValues"];
                ineligibleBudgetLineIds: string[];
            }[];
            medians: components["schemas"]["CriterionValues"];
            consensus: components["schemas"]["CriterionValues"] | null;
            /** @description The scores the formula used: the consensus if there was one, else the medians */
            scores: components["schemas"]["CriterionValues"];
        };
        /**
         * @description Why a plan was rejected
         * @enum {string}
         */
        AwardReason: "IMPACT_BELOW_CUTOFF" | "NO_ELIGIBLE_COST" | "SUPPLY_ZERO";
        /** @enum {string} */
        BankExceptionResolution: "booked_as_paid" | "ignored" | "refunded_by_hand";
        /**
         * @description pending: not matched yet (an upload that was cut off; uploading the file again finishes it); matched_order: an invoice order paid by this credit; matched_payout: a payout paid by this debit; exception: queued for a person (see exception.reason); unmatched: a debit without a payout reference (bank costs, other transfers), listed only; duplicate: the same bank entry was booked from an earlier statement (duplicateOf)
         * @enum {string}
         */
        BankMatchStatus: "pending" | "matched_order" | "matched_payout" | "exception" | "unmatched" | "duplicate";
        BankStatement: {
            /** Format: uuid */
            id: string;
            /** @description e.g. camt.053.001.02 */
            messageType: string;
            accountIban: string;
            /** @description The bank’s id of the statement */
            statementId: string;
            createdAtBank: string | null;
            periodFrom: string | null;
            periodTo: string | null;
            currency: string;
            openingBalanceCents: number | null;
            closingBalanceCents: number | null;
            fileSha256: string;
            /** Format: uuid */
            uploadedBy: string;
            /** Format: date-time */
            uploadedAt: string;
            /** @description Its entries by match result */
            counts: {
                entries: number;
                matched: number;
                exceptions: number;
                openExceptions: number;
                unmatched: number;
                duplicates: number;
                pending: number;
            };
        };
        BankStatementDetail: {
            /** Format: uuid */
            id: string;
            /** @description e.g. camt.053.001.02 */
            messageType: string;
            accountIban: string;
            /** @description The bank’s id of the statement */
            statementId: string;
            createdAtBank: string | null;
            periodFrom: string | null;
            periodTo: string | null;
            currency: string;
            openingBalanceCents: number | null;
            closingBalanceCents: number | null;
            fileSha256: string;
            /** Format: uuid */
            uploadedBy: string;
            /** Format: date-time */
            uploadedAt: string;
            /** @description Its entries by match result */
            counts: {
                entries: number;
                matched: number;
                exceptions: number;
                openExceptions: number;
                unmatched: number;
                duplicates: number;
                pending: number;
            };
            /** @description Every transaction, in file order */
            entries: components["schemas"]["BankStatementEntry"][];
        };
        BankStatementEntry: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            statementId: string;
            /** @description The entry’s place in its statement (0-based) */
            entryIndex: number;
            /** @description Its place in a batch entry split per transaction (0 for a single entry) */
            transactionIndex: number;
            /** @description Transactions in the bank entry: more than 1 for a batch */
            batchSize: number;
            /** Format: date */
            bookingDate: string;
            valueDate: string | null;
            /** @description Always positive; see direction */
            amountCents: number;
            currency: string;
            /**
             * @description credit: money in; debit: money out
             * @enum {string}
             */
            direction: "credit" | "debit";
            /** @description The bank took back an earlier booking */
            reversal: boolean;
            counterparty: {
                name: string | null;
                iban: string | null;
            };
            remittance: {
                /** @description The structured creditor reference (RF…), as the payer’s bank sent it */
                structured: string | null;
                /** @description The free text the payer wrote */
                unstructured: string | null;
            };
            endToEndId: string | null;
            /** @description The bank’s own reference */
            accountServicerReference: string | null;
            /** @description The earlier entry that booked this one */
            duplicateOf: string | null;
            match: {
                status: components["schemas"]["BankMatchStatus"];
                detail: string | null;
                orderId: string | null;
                payoutId: string | null;
                matchedAt: string | null;
            };
            /** @description Only for match status exception */
            exception: {
                /** @description partial, excess (the amount is not the order’s), unknown_reference (no order has the payment reference), several_orders, already_paid, order_refunded, not_invoice_order, other_currency, mismatch, reversal (the bank took back a booking), unknown_payout_reference, several_payouts, payout_not_approved, payout_already_paid, payout_amount_mismatch, four_eyes (the uploader approved the payout: another admin books it), funds_held_by_dispute, insufficient_escrow, project_failed, payout_refused */
                reason: string;
                /** @description null while open */
                resolution: components["schemas"]["BankExceptionResolution"] | null;
                note: string | null;
                resolvedBy: string | null;
                resolvedAt: string | null;
            } | null;
        };
        BankStatementEntryPage: {
            items: components["schemas"]["BankStatementEntry"][];
            /** @description Pass as `cursor` for the next page; null on the last page */
            nextCursor: string | null;
        };
        BankStatementPage: {
            items: components["schemas"]["BankStatement"][];
            /** @description Pass as `cursor` for the next page; null on the last page */
            nextCursor: string | null;
        };
        BankStatementUpload: {
            /** @description The file was uploaded before: nothing new was stored or booked */
            duplicate: boolean;
            fileSha256: string;
            /** @description The file’s statements (one per Stmt) */
            statements: components["schemas"]["BankStatement"][];
        };
        BlockingClaim: {
            /** Format: uuid */
            claimId: string;
            certificateNumber: string;
            /** Format: uuid */
            authorityId: string;
            authorityName: string;
            credits: number;
        };
        /** @enum {string} */
        BudgetCategory: "staff" | "coaching" | "training" | "materials" | "other";
        /** @enum {string} */
        BudgetCategoryInput: "staff" | "coaching" | "training" | "materials" | "other";
        BuyerOrderOutcome: {
            /** Format: uuid */
            orderId: string;
            /** @enum {string} */
            status: "reserved" | "paid" | "expired" | "cancelled" | "refunded";
            quantity: number;
            amountCents: number;
            refundedAt: string | null;
            certificateNumber: string | null;
            certificateStatus: ("active" | "suspended" | "revoked") | null;
            /** @description Why the order was refunded or its reservation ended (e.g. the project failed to reach its threshold) */
            why: string | null;
            /** @description Set when its refund waits (an approved claim on its certificate) */
            waitingFor: string | null;
        };
        CancelOrderInput: {
            reason: string;
        };
        CancelPurchaseInput: {
            reason: string;
        };
        /** @description Everything needed to recompute the award by hand */
        CatalogueAward: {
            methodologyVersion: string;
            /** @description The methodology parameters this award was computed with */
            parameters: {
                /** @description Weight of each criterion in basis points (they sum to 10 000) */
                weightsBasisPoints: {
                    reach: number;
                    depth: number;
                    durability: number;
                    indirect: number;
                };
                /** @description Scores run from 0 to this */
                maxScore: number;
                /** @description An impact score below this (in basis points of 1) is rejected */
                cutoffBasisPoints: number;
                creditPriceCents: number;
            };
            /** @description The panel score per criterion: the median of the reviewers’ scores (may end in .5), or the recorded consensus */
            panelScores: {
                reach: number;
                depth: number;
                durability: number;
                indirect: number;
            };
            /** @enum {string} */
            scoreSource: "median" | "consensus";
            /** @description E: the sum of the budget lines the panel accepted */
            eligibleCostCents: number;
            minimumBudgetCents: number;
            /**
             * @description S = Σ weight × panelScore / maxScore
             * @example 0.68000
             */
            impactScore: string;
            /** @description N = floor(E × S / creditPrice) */
            supply: number;
            /** @description T = min(N, ceil(minimumBudget / creditPrice)) */
            threshold: number;
            /** @description The panel’s published rationale */
            publicRationale: string;
            /** Format: date-time */
            decidedAt: string;
        };
        CatalogueCredits: {
            /** @description N: credits issued for the project */
            supply: number;
            sold: number;
            /** @description Held by orders awaiting payment */
            reserved: number;
            /** @description supply − sold − reserved */
            available: number;
            /** @description T: credits that must sell before the project can start */
            threshold: number;
        };
        /** @description The social initiative that runs the project */
        CatalogueInitiative: {
            name: string;
            city: string | null;
        };
        CatalogueMunicipalities: {
            items: {
                cbsCode: string;
                name: string;
                /** @description Public projects (listed, funded, completed or failed) in the municipality */
                projects: number;
            }[];
            /** @description Always null: the list is whole (one entry per municipality), never paged */
            nextCursor: string | null;
        };
        CatalogueProject: {
            /** Format: uuid */
            id: string;
            title: string;
            summary: string;
            status: components["schemas"]["CatalogueStatus"];
            initiative: components["schemas"]["CatalogueInitiative"];
            municipalities: {
                cbsCode: string;
                name: string;
            }[];
            targetGroups: {
                targetGroup: components["schemas"]["TargetGroup"];
                expectedParticipants: number;
            }[];
            expectedOutcomes: {
                outcomeType: components["schemas"]["OutcomeType"];
                expectedCount: number;
            }[];
            credits: components["schemas"]["CatalogueCredits"];
            /** @description Price of one credit, in euro cents */
            creditPriceCents: number;
            /**
             * @description S, the impact score between 0 and 1, as an exact decimal with five places
             * @example 0.68000
             */
            impactScore: string;
            /** Format: date-time */
            listedAt: string;
            /** Format: date-time */
            fundingDeadline: string;
        };
        CatalogueProjectDetail: {
            /** Format: uuid */
            id: string;
            title: string;
            summary: string;
            status: components["schemas"]["CatalogueStatus"];
            initiative: components["schemas"]["CatalogueInitiative"];
            municipalities: {
                cbsCode: string;
                name: string;
            }[];
            targetGroups: {
                targetGroup: components["schemas"]["TargetGroup"];
                expectedParticipants: number;
            }[];
            expectedOutcomes: {
                outcomeType: components["schemas"]["OutcomeType"];
                expectedCount: number;
            }[];
            credits: components["schemas"]["CatalogueCredits"];
            /** @description Price of one credit, in euro cents */
            creditPriceCents: number;
            /**
             * @description S, the impact score between 0 and 1, as an exact decimal with five places
             * @example 0.68000
             */
            impactScore: string;
            /** Format: date-time */
            listedAt: string;
            /** Format: date-time */
            fundingDeadline: string;
            description: string;
            startDate: string | null;
            endDate: string | null;
            budgetLines: {
                description: string;
                category: components["schemas"]["BudgetCategory"];
                amountCents: number;
                /** @description Whether the panel counted the line as eligible cost */
                accepted: boolean;
            }[];
            totalCostCents: number | null;
            minimumBudgetCents: number | null;
            /** @description Funding from other sources, declared by the initiative */
            otherFundingCents: number;
            /** @description When the project failed (its funding deadline passed below the threshold); null unless failed */
            failedAt: string | null;
            /** @description Why the project failed, as the funding module recorded it; null unless failed */
            failureReason: string | null;
            award: components["schemas"]["CatalogueAward"];
        };
        CatalogueProjectPage: {
            items: components["schemas"]["CatalogueProject"][];
            /** @description Pass as `cursor` for the next page; null on the last page */
            nextCursor: string | null;
        };
        /**
         * @description newest: latest listed first; deadline: soonest funding deadline first; available: most credits still available first (ties by id). Credits sell while a client pages, so under `available` a project can move across a page boundary between requests.
         * @enum {string}
         */
        CatalogueSortInput: "newest" | "deadline" | "available";
        /**
         * @description listed: selling credits; funded: threshold reached; completed: final report accepted; failed: the funding deadline passed below the threshold
         * @enum {string}
         */
        CatalogueStatus: "listed" | "funded" | "completed" | "failed";
        /**
         * @description listed: selling credits; funded: threshold reached; completed: final report accepted; failed: the funding deadline passed below the threshold
         * @enum {string}
         */
        CatalogueStatusInput: "listed" | "funded" | "completed" | "failed";
        Certificate: {
            /** Format: uuid */
            id: string;
            /** @description e.g. IB-2026-000123 */
            number: string;
            /** @description The code the QR code and the public verification routes use */
            verificationCode: string;
            verificationUrl: string;
            /** Format: uuid */
            orderId: string;
            status: components["schemas"]["CertificateStatus"];
            statusChangedAt: string | null;
            supplier: {
                /** @description The supplier’s legal name when the certificate was issued */
                name: string;
                /** @description The supplier’s KvK number when the certificate was issued */
                kvkNumber: string | null;
                /** @description The supplier’s legal name today, if it has changed since issue; otherwise null */
                nameNow: string | null;
                /** @description The supplier’s KvK number today, if it has changed since issue; otherwise null */
                kvkNumberNow: string | null;
                /** Format: uuid */
                id: string;
            };
            project: {
                /** Format: uuid */
                id: string;
                title: string;
            };
            initiative: {
                name: string;
            };
            credits: number;
            serialStart: number;
            serialEnd: number;
            /** @description Euro value in cents */
            valueCents: number;
            currency: string;
            /** Format: date-time */
            issuedAt: string;
        };
        CertificateJws: {
            /** @description Compact JWS (EdDSA, Ed25519) over the certificate’s facts; verify against /.well-known/jwks.json */
            jws: string;
            /** @description The signing key id */
            kid: string;
        };
        CertificatePage: {
            items: components["schemas"]["Certificate"][];
            /** @description Pass as `cursor` for the next page; null on the last page */
            nextCursor: string | null;
        };
        /**
         * @description Why a certificate is not valid: refunded; funding_failed (the project’s funding round failed and the payment was returned); payment_disputed (a payment dispute is open or was lost); withdrawn (by the platform)
         * @enum {string}
         */
        CertificatePublicReason: "refunded" | "funding_failed" | "payment_disputed" | "withdrawn";
        /**
         * @description active: valid; suspended: a payment dispute is open; revoked: refunded or dispute lost — no longer valid
         * @enum {string}
         */
        CertificateStatus: "active" | "suspended" | "revoked";
        CertificateVerification: {
            /** @constant */
            genuine: true;
            status: components["schemas"]["CertificateStatus"];
            /** @description True only while the certificate is active */
            valid: boolean;
            number: string;
            supplier: {
                /** @description The supplier’s legal name when the certificate was issued */
                name: string;
                /** @description The supplier’s KvK number when the certificate was issued */
                kvkNumber: string | null;
                /** @description The supplier’s legal name today, if it has changed since issue; otherwise null */
                nameNow: string | null;
                /** @description The supplier’s KvK number today, if it has changed since issue; otherwise null */
                kvkNumberNow: string | null;
            };
            project: {
                title: string;
            };
            initiative: {
                name: string;
            };
            credits: number;
            /** @description Credits not yet claimed toward an obligation; null when the certificate cannot be used (suspended or revoked) */
            creditsRemaining: number | null;
            serialStart: number;
            serialEnd: number;
            valueCents: number;
            currency: string;
            /** Format: date-time */
            issuedAt: string;
            /** @description When it was suspended or revoked */
            statusChangedAt: string | null;
            /** @description Why a suspended or revoked certificate is not valid, from a fixed list; null while active. Internal notes are never shown. */
            publicReason: components["schemas"]["CertificatePublicReason"] | null;
            /** @description Approved claims: the authorities and contracts these credits have been counted toward, with the credits and euro value counted (a credit counts once) */
            countedToward: {
                authority: {
                    name: string;
                };
                contractTitle: string;
                /** @description The authority’s reference for the contract */
                contractReference: string;
                credits: number;
                /** @description The euro value counted toward the obligation (the last credit of a claim may count in part) */
                valueCents: number;
                /** Format: date-time */
                approvedAt: string;
                /** @description The TenderNed publication the contract came from, when the authority recorded it */
                tenderNed: {
                    reference: string;
                    url: string;
                } | null;
            }[];
        };
        ChangePasswordRequestInput: {
            currentPassword: string;
            newPassword: string;
        };
        Claim: {
            /** Format: uuid */
            id: string;
            status: components["schemas"]["ClaimStatus"];
            credits: number;
            /** @description The price the supplier paid per credit */
            unitPriceCents: number;
            /** @description The valuation factor the claim is worth at (fixed once approved) */
            creditFactorBp: number;
            /** @description credits × unit price × factor, rounded half up to cents: what the credits are worth */
            valueCents: number;
            /** @description What the claim counts toward the obligation: valueCents, except that the last credit may count in part, up to what is left of the obligation; the rest of that credit is spent and counts nowhere else */
            countedCents: number;
            /** @constant */
            currency: "EUR";
            note: string | null;
            decisionReason: string | null;
            withdrawalReason: string | null;
            invalidationReason: string | null;
            /** @description The evidence, as it stands now */
            certificate: {
                /** Format: uuid */
                id: string;
                number: string;
                /**
                 * @description Live: the certificate’s status now
                 * @enum {string}
                 */
                status: "active" | "suspended" | "revoked";
                statusReason: string | null;
                credits: number;
                serialStart: number;
                serialEnd: number;
                valueCents: number;
                /** Format: uuid */
                projectId: string;
                projectTitle: string;
                initiativeName: string;
                /** @description The public verification page of the certificate */
                verificationUrl: string;
            };
            contract: {
                /** Format: uuid */
                id: string;
                reference: string;
                title: string;
            };
            authority: {
                /** Format: uuid */
                id: string;
                name: string;
            };
            supplier: {
                /** Format: uuid */
                id: string;
                name: string;
                kvkNumber: string | null;
            };
            /** Format: date-time */
            createdAt: string;
            decidedAt: string | null;
            withdrawnAt: string | null;
            invalidatedAt: string | null;
        };
        ClaimApprovalInput: {
            reason?: string;
        };
        ClaimPage: {
            items: components["schemas"]["Claim"][];
            /** @description Pass as `cursor` for the next page; null on the last page */
            nextCursor: string | null;
        };
        ClaimPreview: {
            /** Format: uuid */
            certificateId: string;
            /** Format: uuid */
            contractId: string;
            /** @description The credits previewed */
            credits: number;
            /** @description Credits of the certificate not in a pending or approved claim */
            availableCredits: number;
            /** @description The most of the free credits that still count toward this contract now (the last one may count in part); 0 when none do */
            suggestedCredits: number;
            /** @description The price the supplier paid per credit */
            unitPriceCents: number;
            /** @description The contract’s valuation factor now */
            creditFactorBp: number;
            obligationCents: number;
            /** @description The most that credits may fill of the obligation */
            creditCapCents: number;
            /** @description What credits may still fill: the cap less what pending and approved claims hold */
            roomCents: number;
            /** @description credits × unit price × factor, rounded half up */
            valueCents: number;
            /** @description What the claim would count toward the obligation: its value, or the room when its last credit counts in part; 0 when it would be refused */
            countedCents: number;
            /** @description The last credit counts in part; the rest of it is spent and counts nowhere else */
            lastCreditPartial: boolean;
            /** @description valueCents − countedCents when the last credit counts in part */
            spentUncountedCents: number;
            /** @constant */
            currency: "EUR";
            /** @description The error code a claim of these credits would be refused with now; null when it would be accepted */
            refusal: components["schemas"]["ClaimRefusal"] | null;
        };
        ClaimReasonInput: {
            reason: string;
        };
        /** @enum {string} */
        ClaimRefusal: "CLAIM.CERTIFICATE_NOT_ACTIVE" | "CLAIM.REFUND_PENDING" | "CLAIM.CREDITS_UNAVAILABLE" | "CLAIM.CREDITS_NOT_ACCEPTED" | "CLAIM.CREDIT_SHARE_CAP" | "CONTRACT.CLOSED";
        /**
         * @description pending → approved | rejected; approved → withdrawn (by the authority) | invalidated (its certificate was revoked)
         * @enum {string}
         */
        ClaimStatus: "pending" | "approved" | "rejected" | "withdrawn" | "invalidated";
        /**
         * @description pending → approved | rejected; approved → withdrawn (by the authority) | invalidated (its certificate was revoked)
         * @enum {string}
         */
        ClaimStatusInput: "pending" | "approved" | "rejected" | "withdrawn" | "invalidated";
        ConfirmAwardInput: {
            /** @description The panel’s rationale, published with the project */
            publicRationale: string;
        };
        ConfirmedAward: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            projectId: string;
            roundNumber: number;
            methodologyVersion: string;
            parameters: components["schemas"]["MethodologyParameters"];
            creditPriceCents: number;
            /** @enum {string} */
            scoreSource: "median" | "consensus";
            panelScores: components["schemas"]["AwardPanelScores"];
            acceptedLines: components["schemas"]["AwardBudgetLine"][];
            rejectedLines: components["schemas"]["AwardBudgetLine"][];
            /** @description E: the sum of the accepted budget lines */
            eligibleCostCents: number;
            minimumBudgetCents: number;
            /**
             * @description S, exact to five decimals
             * @example 0.66000
             */
            impactScore: string;
            /** @description N = floor(E × S / price) */
            supply: number;
            /** @description T = min(N, ceil(minimumBudget / price)) */
            threshold: number;
            /** @enum {string} */
            decision: "approved" | "rejected";
            reasons: components["schemas"]["AwardReason"][];
            publicRationale: string;
            /** Format: uuid */
            confirmedBy: string;
            /** Format: date-time */
            confirmedAt: string;
        };
        Contract: {
            /** Format: uuid */
            id: string;
            authority: {
                /** Format: uuid */
                id: string;
                name: string;
                kvkNumber: string | null;
            };
            supplier: {
                /** Format: uuid */
                id: string;
                name: string;
                kvkNumber: string | null;
                /** @enum {string} */
                status: "active" | "disabled" | "pending";
            };
            reference: string;
            title: string;
            valueCents: number;
            /** @constant */
            currency: "EUR";
            startsOn: string;
            endsOn: string;
            /** @enum {string} */
            status: "open" | "closed";
            obligation: {
                /** @enum {string} */
                basis: "contract_value" | "wage_sum" | "fixed";
                percentageBp: number | null;
                wageSumCents: number | null;
                obligationCents: number;
            };
            valuation: {
                acceptsCredits: boolean;
                creditFactorBp: number;
                creditShareCapBp: number;
            };
            tenderNed: components["schemas"]["TenderNedPublication"];
            progress: components["schemas"]["ObligationProgress"];
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            closedAt: string | null;
        };
        ContractPage: {
            items: components["schemas"]["Contract"][];
            /** @description Pass as `cursor` for the next page; null on the last page */
            nextCursor: string | null;
        };
        CreateClaimInput: {
            /**
             * Format: uuid
             * @description One of the supplier’s own active certificates
             */
            certificateId: string;
            /**
             * Format: uuid
             * @description The contract whose obligation the credits should count toward (one of the supplier’s own)
             */
            contractId: string;
            /** @description How many of the certificate’s credits; they count toward this obligation only */
            credits: number;
            /** @description For the coordinator */
            note?: string;
        };
        CreateContractInput: {
            /** @description The supplier, by KvK number. One that is not registered yet is created as a pending supplier and invited. */
            supplier: {
                /**
                 * @description KvK number, 8 digits
                 * @example 12345678
                 */
                kvkNumber: string;
                /** @description Required when no supplier with this KvK number is registered yet */
                name?: string;
                /**
                 * Format: email
                 * @description Required when the supplier is not registered yet: its invitation goes there
                 */
                contactEmail?: string;
            };
            /** @description The contract reference, unique within the authority */
            reference: string;
            title: string;
            /** @description Contract value, excluding VAT, in euro cents */
            valueCents: number;
            /** Format: date */
            startsOn: string;
            /** Format: date */
            endsOn: string;
            /** @description The social-return obligation: a percentage of the contract value or of the wage sum, or a fixed amount */
            obligation: {
                /** @constant */
                basis: "contract_value";
                /**
                 * @description Basis points of the basis: 500 = 5% (the usual), 200 = 2% (labour-extensive work)
                 * @default 500
                 */
                percentageBp?: number;
            } | {
                /** @constant */
                basis: "wage_sum";
                /**
                 * @description Basis points of the basis: 500 = 5% (the usual), 200 = 2% (labour-extensive work)
                 * @default 500
                 */
                percentageBp?: number;
                wageSumCents: number;
            } | {
                /** @constant */
                basis: "fixed";
                fixedAmountCents: number;
            };
            /** @description What credits count for (the authority’s building blocks) */
            valuation?: {
                /**
                 * @description Whether credits may count toward this obligation at all
                 * @default true
                 */
                acceptsCredits?: boolean;
                /**
                 * @description The share of a credit's euro value that counts (bouwblokkenmethode), in basis points; 10000 = 100%
                 * @default 10000
                 */
                creditFactorBp?: number;
                /**
                 * @description The largest share of the obligation that credits may fill, in basis points
                 * @default 10000
                 */
                creditShareCapBp?: number;
            };
            /** @description The TenderNed publication the contract came from; none for one never published */
            tenderNed?: {
                /** @description The TenderNed publication number (kenmerk): 4 to 9 digits */
                reference: string;
                /** @description The publication on TenderNed: an https link on tenderned.nl whose path names the publication number, e.g. https://www.tenderned.nl/aankondigingen/overzicht/412345 */
                url: string;
            } | null;
        };
        CreatedContract: {
            /** Format: uuid */
            id: string;
            authority: {
                /** Format: uuid */
                id: string;
                name: string;
                kvkNumber: string | null;
            };
            supplier: {
                /** Format: uuid */
                id: string;
                name: string;
                kvkNumber: string | null;
                /** @enum {string} */
                status: "active" | "disabled" | "pending";
            };
            reference: string;
            title: string;
            valueCents: number;
            /** @constant */
            currency: "EUR";
            startsOn: string;
            endsOn: string;
            /** @enum {string} */
            status: "open" | "closed";
            obligation: {
                /** @enum {string} */
                basis: "contract_value" | "wage_sum" | "fixed";
                percentageBp: number | null;
                wageSumCents: number | null;
                obligationCents: number;
            };
            valuation: {
                acceptsCredits: boolean;
                creditFactorBp: number;
                creditShareCapBp: number;
            };
            tenderNed: components["schemas"]["TenderNedPublication"];
            progress: components["schemas"]["ObligationProgress"];
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            closedAt: string | null;
            /** @description Set when the supplier was not registered: the invitation was sent to this address (never to the coordinator) */
            supplierInvitation: {
                email: string;
                /** Format: date-time */
                expiresAt: string;
            } | null;
        };
        CreatedInvitation: {
            invitation: components["schemas"]["Invitation"];
            /** @description Single-use secret, shown only in this response; hand it to the invitee */
            token: string;
            /** @description Where the invitee sets a password; the invitee is also sent this link by e-mail */
            acceptUrl: string;
        };
        CreatedWebhookEndpoint: {
            /** Format: uuid */
            id: string;
            url: string;
            description: string;
            eventTypes: components["schemas"]["WebhookEventType"][];
            enabled: boolean;
            /** @description `failing`: the platform disabled it after a delivery failed for three days; enable it again when the receiver works */
            disabledReason: ("by_user" | "failing") | null;
            /** @description While a rotated secret is still valid, deliveries carry a signature with each */
            secretRotation: {
                /** Format: date-time */
                previousSecretValidUntil: string;
            } | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            /** @description The signing secret (Standard Webhooks, `whsec_` and base64). Shown only in this answer: store it now */
            secret: string;
        };
        CreateInvitationInput: {
            /** Format: email */
            email: string;
            role: components["schemas"]["UserRoleInput"];
            /** @description The language of the invitation e-mail; by default the inviter’s own language */
            language?: components["schemas"]["LanguageInput"];
        };
        CreateOrderInput: {
            /**
             * Format: uuid
             * @description A listed (or funded) project before its funding deadline
             */
            projectId: string;
            /** @description Number of credits */
            quantity: number;
            paymentMethod: components["schemas"]["PaymentMethodInput"];
        };
        CreateOrganisationInput: {
            /**
             * @description The platform organisation exists once and is not created through the API
             * @enum {string}
             */
            kind: "initiative" | "supplier" | "authority";
            name: string;
            /**
             * @description KvK number, 8 digits
             * @example 12345678
             */
            kvkNumber: string;
            /** @example NL123456789B01 */
            vatNumber?: string;
            address?: {
                /** @description Street and number */
                street: string;
                postalCode: string;
                city: string;
                /** @default NL */
                country?: string;
            };
            /** Format: email */
            contactEmail?: string;
        };
        /** @description A draft may be incomplete (only the title is required), but what is given must be valid */
        CreatePlanInput: {
            title: string;
            summary?: string;
            description?: string;
            /** @description Municipalities where the project runs, by CBS code */
            municipalities?: {
                /** @example GM0599 */
                cbsCode: string;
                name: string;
            }[];
            targetGroups?: {
                targetGroup: components["schemas"]["TargetGroupInput"];
                expectedParticipants: number;
            }[];
            expectedOutcomes?: {
                outcomeType: components["schemas"]["OutcomeTypeInput"];
                expectedCount: number;
            }[];
            /** Format: date */
            startDate?: string;
            /** Format: date */
            endDate?: string;
            budgetLines?: {
                description: string;
                category: components["schemas"]["BudgetCategoryInput"];
                amountCents: number;
            }[];
            totalCostCents?: number;
            /** @description The least the project needs to run; at most totalCostCents */
            minimumBudgetCents?: number;
            /** @description Funding from elsewhere, declared with its amount */
            otherFunding?: {
                amountCents: number;
                description?: string | null;
            };
            contact?: {
                name: string;
                /** Format: email */
                email: string;
                phone?: string | null;
            };
        };
        CreatePurchaseInput: {
            /** @description One line per project: each becomes an order with its own certificate */
            lines: {
                /**
                 * Format: uuid
                 * @description A listed (or funded) project before its funding deadline
                 */
                projectId: string;
                /** @description Number of credits */
                credits: number;
            }[];
            paymentMethod: components["schemas"]["PaymentMethodInput"];
        };
        CreateWebhookEndpointInput: {
            /** @description Where deliveries are POSTed: https (plain http outside production only), a host that resolves only to public addresses */
            url: string;
            eventTypes: components["schemas"]["WebhookEventTypeInput"][];
            /** @default  */
            description?: string;
            /** @default true */
            enabled?: boolean;
        };
        CriterionValues: {
            reach: number;
            depth: number;
            durability: number;
            indirect: number;
        };
        DeclareInterestInput: {
            /**
             * @description `none`: no conflict of interest; `conflict`: recused from this review
             * @enum {string}
             */
            declaration: "none" | "conflict";
            /** @description What the conflict is, or anything the admin should know */
            note?: string;
        };
        DisclosureControl: {
            /**
             * @description Every count of people in an accepted outcome report is rounded at random, once, to a multiple of base (up with probability remainder ÷ base, so the expected value is the true count); figures are sums of those published counts
             * @constant
             */
            method: "random_rounding";
            /** @description The rounding base: the disclosure threshold */
            base: number;
            /** @description Every count below the threshold keeps a range of possible values at least this wide for a reader who knows the method and every published figure */
            protectionWidth: number;
        };
        /** @description No input: send no body, or an empty object */
        EmptyBodyInput: Record<string, never>;
        Escrow: {
            /** @description Every payment received for the project */
            receivedCents: number;
            refundedCents: number;
            paidOutCents: number;
            /** @description received − refunded − paid out: held by the platform */
            escrowCents: number;
            /** @description Part of the escrow Stripe holds for open payment disputes (funds withdrawn, not yet reinstated): not available for payouts */
            heldByDisputesCents: number;
            /** @description received = escrow + paid out + refunded, and escrow is not negative */
            balanced: boolean;
        };
        Funding: {
            /** Format: uuid */
            projectId: string;
            title: string;
            /** @enum {string} */
            status: "draft" | "submitted" | "in_review" | "changes_requested" | "approved" | "rejected" | "listed" | "funded" | "completed" | "failed";
            /**
             * @description full: platform admins and the project’s initiative; public: everyone else (with their own orders and claims)
             * @enum {string}
             */
            view: "full" | "public";
            initiative: {
                /** Format: uuid */
                id: string;
                name: string;
            };
            threshold: number | null;
            supply: number | null;
            sold: number;
            reserved: number;
            creditPriceCents: number | null;
            /** @description threshold × price: the first tranche */
            thresholdAmountCents: number | null;
            fundingDeadline: string | null;
            fundedAt: string | null;
            failedAt: string | null;
            failureReason: string | null;
            /** @description Past the deadline below the threshold while an approved claim stands: the project waits for the authority to withdraw the approval or for an admin’s decision */
            waiting: {
                /** Format: date-time */
                since: string;
                reason: string;
                /** @description Full view: every approved claim in the way; authorities: their own; others: none */
                blockingClaims: components["schemas"]["BlockingClaim"][];
            } | null;
            /** @description Paid orders of a failed project whose refund is still to be made */
            refundsWaiting: number;
            /** @description null in the public view */
            escrow: components["schemas"]["Escrow"] | null;
            tranches: components["schemas"]["FundingTranche"][];
            /** @description Deadline extensions and admin decisions; empty in the public view */
            decisions: components["schemas"]["FundingDecision"][];
            /** @description Supplier members: their own organisation’s orders of this project */
            yourOrders: components["schemas"]["BuyerOrderOutcome"][];
        };
        FundingDecision: {
            /** @enum {string} */
            kind: "deadline_extended" | "refund_all" | "extend_after_deadline";
            /** Format: date-time */
            previousDeadline: string;
            newDeadline: string | null;
            reason: string;
            /** Format: uuid */
            decidedBy: string;
            /** Format: date-time */
            decidedAt: string;
        };
        FundingTranche: {
            /** @description null in the public view */
            id: string | null;
            /** @description 1: the threshold amount, due when the project is funded; 2: the rest, due when the final outcome report is accepted */
            tranche: 1 | 2;
            amountCents: number;
            status: components["schemas"]["PayoutStatus"];
            /** Format: date-time */
            dueAt: string;
            dueReason: string;
            approvedAt: string | null;
            paidAt: string | null;
            /** @description null in the public view */
            bankReference: string | null;
        };
        Health: {
            /** @constant */
            status: "ok";
        };
        IneligibleLineReason: {
            /** Format: uuid */
            budgetLineId: string;
            /** @description Why the line is not eligible */
            reason: string;
        };
        IneligibleLineReasonInput: {
            /** Format: uuid */
            budgetLineId: string;
            /** @description Why the line is not eligible */
            reason: string;
        };
        Invitation: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            organisationId: string;
            email: string;
            role: components["schemas"]["UserRole"];
            status: components["schemas"]["InvitationStatus"];
            invitedBy: string | null;
            /** Format: date-time */
            expiresAt: string;
            acceptedAt: string | null;
            /** Format: date-time */
            createdAt: string;
        };
        InvitationList: {
            items: components["schemas"]["Invitation"][];
            /** @description Pass as `cursor` for the next page; null on the last page */
            nextCursor: string | null;
        };
        InvitationPreview: {
            organisation: {
                /** Format: uuid */
                id: string;
                name: string;
            };
            /** @description The address the account will have; it cannot be changed here */
            email: string;
            role: components["schemas"]["UserRole"];
            /** Format: date-time */
            expiresAt: string;
            /**
             * @description Always `open`: an invitation that is used, expired or revoked answers a problem instead
             * @constant
             */
            status: "open";
        };
        /** @enum {string} */
        InvitationStatus: "pending" | "accepted" | "expired";
        InvitationTokenInput: {
            token: string;
        };
        Jwks: {
            keys: {
                /** @constant */
                kty: "OKP";
                /** @constant */
                crv: "Ed25519";
                x: string;
                kid: string;
                /** @constant */
                alg: "EdDSA";
                /** @constant */
                use: "sig";
            }[];
        };
        JwsVerification: {
            /** @description The signature is ours and intact */
            valid: boolean;
            reason: ("malformed" | "unsupported_algorithm" | "unknown_kid" | "bad_signature" | "wrong_issuer") | null;
            kid: string | null;
            /** @description The certificate as it stands now (its current status), when the JWS is valid */
            certificate: components["schemas"]["CertificateVerification"] | null;
        };
        /**
         * @description The language of the user’s e-mails and of the web app when signed in; Dutch by default
         * @enum {string}
         */
        Language: "nl" | "en";
        /**
         * @description The language of the user’s e-mails and of the web app when signed in; Dutch by default
         * @enum {string}
         */
        LanguageInput: "nl" | "en";
        LedgerReport: {
            projects: {
                /** @description Every payment received for the project */
                receivedCents: number;
                refundedCents: number;
                paidOutCents: number;
                /** @description received − refunded − paid out: held by the platform */
                escrowCents: number;
                /** @description Part of the escrow Stripe holds for open payment disputes (funds withdrawn, not yet reinstated): not available for payouts */
                heldByDisputesCents: number;
                /** @description received = escrow + paid out + refunded, and escrow is not negative */
                balanced: boolean;
                /** Format: uuid */
                projectId: string;
                title: string;
                status: string;
            }[];
            total: components["schemas"]["Escrow"];
        };
        ListingResult: {
            /** Format: uuid */
            projectId: string;
            status: components["schemas"]["ProjectStatus"];
            supply: number;
            threshold: number;
            /** Format: date-time */
            listedAt: string;
            /** Format: date-time */
            fundingDeadline: string;
            credits: {
                supply: number;
                reserved: number;
                sold: number;
                available: number;
            };
        };
        ListProjectInput: {
            /**
             * Format: date-time
             * @description When funding closes; defaults to FUNDING_PERIOD_DAYS after listing. Must lie in the future.
             */
            fundingDeadline?: string;
        };
        LoginRequestInput: {
            email: string;
            password: string;
        };
        MarkOrderPaidInput: {
            /** @description The amount received; must equal the order’s amount */
            amountCents: number;
            /** @description The bank’s reference of the transfer */
            bankReference: string;
        };
        MarkPurchasePaidInput: {
            /** @description What the bank transfer brought in, in cents */
            amountCents: number;
            /** @description The bank’s reference of the transfer */
            bankReference: string;
        };
        Me: {
            user: components["schemas"]["User"];
            organisation: components["schemas"]["Organisation"];
        };
        MethodologyParameters: {
            version: string;
            /** @description Weights in basis points, summing to 10 000 */
            weightsBasisPoints: {
                reach: number;
                depth: number;
                durability: number;
                indirect: number;
            };
            maxScore: number;
            /** @description An impact score below this (basis points of 1) is rejected */
            cutoffBasisPoints: number;
            /** @description Scores further apart than this need a recorded consensus */
            maxSpread: number;
            /** @description How the panel’s flags decide a budget line’s eligibility */
            lineRule: string;
        };
        NotificationPreferences: {
            /** @description The notifications that concern users of the user’s kind of organisation */
            notifications: {
                type: components["schemas"]["NotificationType"];
                /** @description About the user’s own money or obligations: always sent */
                mandatory: boolean;
                enabled: boolean;
            }[];
        };
        /**
         * @description An e-mail notification; docs/email.md says when each is sent and to whom
         * @enum {string}
         */
        NotificationType: "plan-submitted" | "plan-questions" | "plan-awarded" | "project-listed" | "review-assigned" | "review-panel-complete" | "order-placed" | "purchase-placed" | "order-paid" | "purchase-paid" | "order-refunded" | "certificate-issued" | "contract-registered" | "claim-submitted" | "claim-approved" | "claim-rejected" | "claim-withdrawn" | "funding-reached" | "funding-failed" | "outcome-report-due" | "outcome-report-returned" | "outcome-report-accepted" | "payout-approved" | "payout-paid" | "webhook-endpoint-disabled";
        Obligation: {
            /** Format: uuid */
            contractId: string;
            authority: {
                /** Format: uuid */
                id: string;
                name: string;
            };
            reference: string;
            title: string;
            /** @enum {string} */
            contractStatus: "open" | "closed";
            endsOn: string;
            acceptsCredits: boolean;
            creditFactorBp: number;
            progress: components["schemas"]["ObligationProgress"];
        };
        ObligationList: {
            items: components["schemas"]["Obligation"][];
            /** @description Pass as `cursor` for the next page; null on the last page */
            nextCursor: string | null;
        };
        ObligationProgress: {
            /** @description The obligation */
            requiredCents: number;
            /** @description What approved claims count */
            approvedCents: number;
            /** @description What claims awaiting the coordinator would count */
            pendingCents: number;
            /** @description Required minus approved, never below 0 */
            remainingCents: number;
            /** @description The most credits may fill (the valuation’s share cap) */
            creditCapCents: number;
            /** @description Approved as a share of the obligation, in basis points */
            filledShareBp: number;
            /** @description The contract has ended and the obligation is not yet filled */
            overdue: boolean;
        };
        /**
         * @description A notification the user may switch off (the mandatory ones cannot be)
         * @enum {string}
         */
        OptionalNotificationTypeInput: "plan-submitted" | "plan-questions" | "plan-awarded" | "project-listed" | "review-assigned" | "review-panel-complete" | "claim-submitted" | "funding-reached" | "outcome-report-accepted";
        Order: {
            /** Format: uuid */
            id: string;
            status: components["schemas"]["OrderStatus"];
            /** Format: uuid */
            buyerOrganisationId: string;
            project: {
                /** Format: uuid */
                id: string;
                title: string;
            };
            quantity: number;
            /** @description Price of one credit, in cents */
            unitPriceCents: number;
            /** @description quantity × unitPriceCents */
            amountCents: number;
            /** @constant */
            currency: "EUR";
            paymentMethod: components["schemas"]["PaymentMethod"];
            /**
             * Format: date-time
             * @description The credits are held until then; an unpaid order then expires
             */
            reservedUntil: string;
            /** @description Invoice orders: gapless yearly number, e.g. INV-2026-000001 */
            invoiceNumber: string | null;
            /** @description Structured creditor reference (ISO 11649) to quote with a bank transfer */
            paymentReference: string;
            /** @description Stripe orders: where the buyer pays */
            checkoutUrl: string | null;
            billing: components["schemas"]["OrderBilling"];
            /** @description Stripe orders: who paid, as Stripe reported it at Checkout, kept only as far as bookkeeping needs (name, billing country, VAT ids); null otherwise */
            payer: {
                name: string | null;
                /** @description ISO 3166-1 alpha-2, of the billing address */
                country: string | null;
                taxIds: {
                    type: string;
                    value: string;
                }[];
            } | null;
            paidAt: string | null;
            /** @description When the order expired or was cancelled */
            closedAt: string | null;
            closeReason: string | null;
            refundedAt: string | null;
            /** @description Where a refund through Stripe stands: requested (asked, outcome unknown), pending (Stripe holds it; the certificate is suspended until the outcome), failed (nothing went back: the order stays paid). Null when none is under way; a refund that succeeded makes the order refunded. */
            refundState: ("requested" | "pending" | "failed") | null;
            /** @description Set when an admin must look at the order (e.g. a payment that did not match): the latest open flag as `code: detail`; every open flag is in `attentionFlags` */
            needsAttention: string | null;
            /** @description Platform admins: every open problem of the order, oldest first, each resolved on its own */
            attentionFlags?: components["schemas"]["OrderFlag"][];
            certificate: components["schemas"]["OrderCertificate"] | null;
            /** @description The purchase this order is a line of (one invoice or Checkout Session for several projects), or null */
            purchaseId: string | null;
            /** Format: date-time */
            createdAt: string;
        };
        /** @description The buyer organisation’s billing details as they were when the order was placed */
        OrderBilling: {
            name: string;
            kvkNumber: string | null;
            vatNumber: string | null;
            address: {
                street: string;
                postalCode: string;
                city: string;
                country: string;
            } | null;
        };
        /** @description The certificate issued when the order was paid */
        OrderCertificate: {
            /** Format: uuid */
            id: string;
            /** @description e.g. IB-2026-000123 */
            number: string;
            /** @enum {string} */
            status: "active" | "suspended" | "revoked";
            credits: number;
            /** @description First serial number of the credits (inclusive) */
            serialStart: number;
            /** @description Last serial number (inclusive) */
            serialEnd: number;
            valueCents: number;
            /** Format: date-time */
            issuedAt: string;
        };
        OrderFlag: {
            /** Format: uuid */
            id: string;
            /** @description What the problem is: payment_mismatch, refund_required, refund_amount_mismatch, refund_failed, refund_failed_after_booking, project_failed_refund_waits_for_approved_claim, duplicate_payment, … */
            code: string;
            detail: string | null;
            /** Format: date-time */
            raisedAt: string;
            resolvedAt: string | null;
            /** @description The admin who resolved it; null when the event that settles it did */
            resolvedBy: string | null;
            resolutionNote: string | null;
        };
        OrderFlagList: {
            items: components["schemas"]["OrderFlag"][];
            nextCursor: string | null;
        };
        OrderPage: {
            items: components["schemas"]["Order"][];
            /** @description Pass as `cursor` for the next page; null on the last page */
            nextCursor: string | null;
        };
        /**
         * @description reserved: credits held until reservedUntil, awaiting payment; paid: certificate issued; expired/cancelled: the hold ended, credits released; refunded: the payment went back, certificate revoked
         * @enum {string}
         */
        OrderStatus: "reserved" | "paid" | "expired" | "cancelled" | "refunded";
        /**
         * @description reserved: credits held until reservedUntil, awaiting payment; paid: certificate issued; expired/cancelled: the hold ended, credits released; refunded: the payment went back, certificate revoked
         * @enum {string}
         */
        OrderStatusInput: "reserved" | "paid" | "expired" | "cancelled" | "refunded";
        Organisation: {
            /** Format: uuid */
            id: string;
            kind: components["schemas"]["OrganisationKind"];
            name: string;
            kvkNumber: string | null;
            vatNumber: string | null;
            address: {
                street: string;
                postalCode: string;
                city: string;
                country: string;
            } | null;
            contactEmail: string | null;
            status: components["schemas"]["OrganisationStatus"];
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        /** @enum {string} */
        OrganisationKind: "platform" | "initiative" | "supplier" | "authority";
        /** @enum {string} */
        OrganisationKindInput: "platform" | "initiative" | "supplier" | "authority";
        OrganisationPage: {
            items: components["schemas"]["Organisation"][];
            /** @description Pass as `cursor` for the next page; null on the last page */
            nextCursor: string | null;
        };
        /**
         * @description 'pending': named in an authority's contract before it registered; becomes active when its first user accepts the invitation
         * @enum {string}
         */
        OrganisationStatus: "active" | "disabled" | "pending";
        /**
         * @description 'pending': named in an authority's contract before it registered; becomes active when its first user accepts the invitation
         * @enum {string}
         */
        OrganisationStatusInput: "active" | "disabled" | "pending";
        /** @description An outcome report as its initiative wrote it (exact counts: visible to the initiative and platform admins only) */
        OutcomeReport: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            projectId: string;
            projectTitle: string;
            kind: components["schemas"]["OutcomeReportKind"];
            periodStart: string;
            periodEnd: string;
            status: components["schemas"]["OutcomeReportStatus"];
            revision: number;
            participants: {
                targetGroup: components["schemas"]["TargetGroup"];
                participants: number;
            }[];
            outcomes: {
                outcomeType: components["schemas"]["OutcomeType"];
                achieved: number;
                banenafspraak: number;
            }[];
            spending: {
                /** Format: uuid */
                budgetLineId: string;
                description: string;
                spentCents: number;
            }[];
            narrative: string;
            /** @description The admin’s questions when the report was returned */
            questions: string | null;
            stories: {
                /** Format: uuid */
                id: string;
                title: string;
                status: components["schemas"]["StoryStatus"];
            }[];
            submittedAt: string;
            returnedAt: string | null;
            acceptedAt: string | null;
        };
        /** @enum {string} */
        OutcomeReportKind: "interim" | "final";
        /** @enum {string} */
        OutcomeReportKindInput: "interim" | "final";
        /** @enum {string} */
        OutcomeReportStatus: "submitted" | "returned" | "accepted";
        /** @enum {string} */
        OutcomeReportStatusInput: "submitted" | "returned" | "accepted";
        /** @enum {string} */
        OutcomeType: "paid_work" | "diploma" | "internship" | "driving_licence" | "retraining" | "job" | "day_activity" | "other";
        /** @enum {string} */
        OutcomeTypeInput: "paid_work" | "diploma" | "internship" | "driving_licence" | "retraining" | "job" | "day_activity" | "other";
        PanelEvaluation: {
            /** @description Assigned and not recused */
            activeReviewers: number;
            recusedReviewers: number;
            scoredReviewers: number;
            /** @description At least PANEL_MIN active reviewers, all of them scored */
            complete: boolean;
            medians: components["schemas"]["CriterionValues"] | null;
            /** @description Criteria whose scores spread by more than the methodology allows */
            divergentCriteria: components["schemas"]["ReviewCriterion"][];
            consensusNeeded: boolean;
            consensusRecorded: boolean;
            /** @enum {string} */
            scoreSource: "median" | "consensus";
            rejectedBudgetLineIds: string[];
            eligibleCostCents: number;
            /** @description The award as it would be confirmed now; null until the panel is complete (and a needed consensus recorded) */
            awardPreview: {
                methodologyVersion: string;
                creditPriceCents: number;
                scores: components["schemas"]["CriterionValues"];
                impactScore: string;
                supply: number;
                threshold: number;
                /** @enum {string} */
                decision: "approved" | "rejected";
                reasons: components["schemas"]["AwardReason"][];
            } | null;
        };
        PasswordResetAccepted: {
            /** @constant */
            status: "accepted";
            message: string;
        };
        PasswordResetConfirmRequestInput: {
            /** @description The token from the link in the e-mail */
            token: string;
            password: string;
        };
        PasswordResetRequestInput: {
            email: string;
        };
        /**
         * @description stripe: pay now by card or iDEAL through Stripe Checkout (only when Stripe is configured); invoice: bank transfer within the invoice term
         * @enum {string}
         */
        PaymentMethod: "stripe" | "invoice";
        /**
         * @description stripe: pay now by card or iDEAL through Stripe Checkout (only when Stripe is configured); invoice: bank transfer within the invoice term
         * @enum {string}
         */
        PaymentMethodInput: "stripe" | "invoice";
        Payout: {
            /** Format: uuid */
            id: string;
            project: {
                /** Format: uuid */
                id: string;
                title: string;
            };
            initiative: {
                /** Format: uuid */
                id: string;
                name: string;
            };
            tranche: 1 | 2;
            amountCents: number;
            /** @constant */
            currency: "EUR";
            status: components["schemas"]["PayoutStatus"];
            /** Format: date-time */
            dueAt: string;
            dueReason: string;
            /** @description Tranche 2: the admin who accepted the final report; may neither approve nor pay it */
            reportAcceptedBy: string | null;
            approvedBy: string | null;
            approvedAt: string | null;
            paidBy: string | null;
            paidAt: string | null;
            bankReference: string | null;
            /** @description Put this in the description of the bank transfer to the initiative (IBP-…): the uploaded bank statement then finds the payout and marks it paid */
            transferReference: string;
        };
        PayoutList: {
            items: components["schemas"]["Payout"][];
            /** @description Pass as `cursor` for the next page; null on the last page */
            nextCursor: string | null;
        };
        /**
         * @description due: owed to the initiative, awaiting approval; approved: approved by one admin, awaiting payment by a second; paid: transferred, booked in the ledger with the bank reference
         * @enum {string}
         */
        PayoutStatus: "due" | "approved" | "paid";
        PdfVerification: components["schemas"]["CertificateVerification"] | {
            /** @constant */
            genuine: false;
            message: string;
        };
        Plan: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            initiativeId: string;
            status: components["schemas"]["ProjectStatus"];
            title: string;
            summary: string;
            description: string;
            municipalities: {
                cbsCode: string;
                name: string;
            }[];
            /** @description YYYY-MM-DD */
            startDate: string | null;
            /** @description YYYY-MM-DD */
            endDate: string | null;
            targetGroups: {
                targetGroup: components["schemas"]["TargetGroup"];
                expectedParticipants: number;
            }[];
            expectedOutcomes: {
                outcomeType: components["schemas"]["OutcomeType"];
                expectedCount: number;
            }[];
            budgetLines: {
                /** Format: uuid */
                id: string;
                description: string;
                category: components["schemas"]["BudgetCategory"];
                amountCents: number;
            }[];
            totalCostCents: number | null;
            minimumBudgetCents: number | null;
            otherFunding: {
                amountCents: number;
                description: string | null;
            };
            contact: {
                name: string | null;
                email: string | null;
                phone: string | null;
            };
            /** @constant */
            currency: "EUR";
            /** @description The number of the latest review round; 0 before the first submission */
            reviewRound: number;
            /** @description When the plan was last submitted */
            submittedAt: string | null;
            /** @description What still blocks submission; empty when the plan can be submitted */
            completeness: components["schemas"]["PlanIssue"][];
            /** @description Every review round, oldest first */
            reviewRounds: components["schemas"]["PlanReviewRound"][];
            /** @description Every status the plan has had and when it got it, oldest first, from its audit trail */
            statusHistory: components["schemas"]["PlanStatusChange"][];
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        PlanIssue: {
            /** @description The plan field, e.g. `budgetLines` or `contact.email` */
            path: string;
            message: string;
        };
        PlanPage: {
            items: components["schemas"]["PlanSummary"][];
            /** @description Pass as `cursor` for the next page; null on the last page */
            nextCursor: string | null;
        };
        PlanReview: {
            /** Format: uuid */
            projectId: string;
            projectStatus: components["schemas"]["ProjectStatus"];
            initiative: {
                /** Format: uuid */
                id: string;
                name: string;
            };
            /**
             * @description Reviewers see their own assignment, and the others’ scores only after submitting their own
             * @enum {string}
             */
            viewer: "admin" | "reviewer";
            /** @description The rounds the caller may open with ?round= */
            rounds: {
                number: number;
                /** @enum {string} */
                status: "open" | "changes_requested" | "decided";
            }[];
            round: {
                /** Format: uuid */
                id: string;
                number: number;
                /** @enum {string} */
                status: "open" | "changes_requested" | "decided";
                /** Format: date-time */
                submittedAt: string;
                questions: string | null;
                returnedAt: string | null;
            };
            plan: components["schemas"]["ReviewedPlan"];
            panelMin: number;
            panel: components["schemas"]["ReviewPanelMember"][];
            /** @description Admins only */
            evaluation: components["schemas"]["PanelEvaluation"] | null;
            /** @description Admins only */
            consensus: components["schemas"]["ReviewConsensus"] | null;
            /** @description Admins only, once confirmed */
            award: components["schemas"]["ConfirmedAward"] | null;
        };
        PlanReviewRound: {
            roundNumber: number;
            status: components["schemas"]["PlanReviewRoundStatus"];
            /** Format: date-time */
            submittedAt: string;
            /** @description What the panel asked when it sent the plan back */
            questions: string | null;
            returnedAt: string | null;
        };
        /** @enum {string} */
        PlanReviewRoundStatus: "open" | "changes_requested" | "decided";
        PlanStatusChange: {
            status: components["schemas"]["ProjectStatus"];
            /**
             * Format: date-time
             * @description When the plan got this status
             */
            at: string;
        };
        PlanSummary: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            initiativeId: string;
            status: components["schemas"]["ProjectStatus"];
            title: string;
            totalCostCents: number | null;
            /** @constant */
            currency: "EUR";
            reviewRound: number;
            submittedAt: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        Problem: {
            /** @description A URI reference identifying the problem type */
            type: string;
            title: string;
            status: number;
            /** @description Stable, machine-readable error code, e.g. AUTH.INVALID_CREDENTIALS */
            code: string;
            detail?: string;
            instance?: string;
            requestId?: string;
            /** @description The failing fields, for VALIDATION.FAILED */
            errors?: {
                path: string;
                message: string;
            }[];
            retryAfter?: number;
            available?: number;
            /** @description CLAIM.CREDIT_SHARE_CAP: how much credits may still fill */
            remainingCapCents?: number;
            /** @description CONTRACT.OBLIGATION_BELOW_COUNTED: what approved claims count toward it */
            countedCents?: number;
        };
        /** @enum {string} */
        ProjectStatus: "draft" | "submitted" | "in_review" | "changes_requested" | "approved" | "rejected" | "listed" | "funded" | "completed" | "failed";
        /** @enum {string} */
        ProjectStatusInput: "draft" | "submitted" | "in_review" | "changes_requested" | "approved" | "rejected" | "listed" | "funded" | "completed" | "failed";
        PublicProjectOutcomes: {
            /** @constant */
            kind: "project";
            /** Format: uuid */
            projectId: string;
            period: {
                from: string | null;
                to: string;
            };
            generatedAt: string;
            /** @description When the summaries were last refreshed (sales and claims); outcome counts are current */
            dataAsOf: string | null;
            disclosureThreshold: number;
            disclosureControl: components["schemas"]["DisclosureControl"];
            methodology: string;
            /** @description Accepted outcome reports of the project whose period ends in the period */
            reports: number;
            outcomes: {
                outcomeType: components["schemas"]["OutcomeType"];
                /** @description What the plan expected (null when the plan names no figure for it) */
                expected: number | null;
                realised: components["schemas"]["PublishedCount"];
            }[];
            participants: {
                targetGroup: components["schemas"]["TargetGroup"];
                /** @description What the plan expected (null when the plan names no figure for it) */
                expected: number | null;
                realised: components["schemas"]["PublishedCount"];
            }[];
            banenafspraak: {
                outcomeType: components["schemas"]["OutcomeType"];
                realised: components["schemas"]["PublishedCount"];
            }[];
            totals: {
                participants: components["schemas"]["PublishedCount"];
                outcomes: components["schemas"]["PublishedCount"];
                banenafspraak: components["schemas"]["PublishedCount"];
            };
        };
        PublicStats: {
            /** @constant */
            kind: "public";
            period: {
                from: string | null;
                to: string;
            };
            generatedAt: string;
            /** @description When the summaries were last refreshed (sales and claims); outcome counts are current */
            dataAsOf: string | null;
            disclosureThreshold: number;
            disclosureControl: components["schemas"]["DisclosureControl"];
            methodology: string;
            creditsSold: number;
            /** @description Paid for credits sold (not refunded), in cents */
            amountCents: number;
            projects: {
                listed: number;
                funded: number;
                completed: number;
            };
            outcomes: {
                outcomeType: components["schemas"]["OutcomeType"];
                realised: components["schemas"]["PublishedCount"];
            }[];
            participants: {
                targetGroup: components["schemas"]["TargetGroup"];
                realised: components["schemas"]["PublishedCount"];
            }[];
            banenafspraak: {
                outcomeType: components["schemas"]["OutcomeType"];
                realised: components["schemas"]["PublishedCount"];
            }[];
            totals: {
                participants: components["schemas"]["PublishedCount"];
                outcomes: components["schemas"]["PublishedCount"];
                banenafspraak: components["schemas"]["PublishedCount"];
            };
        };
        PublicStory: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            projectId: string;
            projectTitle: string;
            title: string;
            text: string;
            publishedAt: string;
        };
        PublishedCount: {
            /** @description Sum of the published counts of the reports in the period: each randomly rounded to a multiple of disclosureControl.base, so the value is one too; null when every contributing count is withheld */
            value: number | null;
            /** @description True when the value is withheld for privacy */
            suppressed: boolean;
            /** @description False when some withheld counts are left out of the value */
            complete: boolean;
        };
        Purchase: {
            /** Format: uuid */
            id: string;
            status: components["schemas"]["PurchaseStatus"];
            /** Format: uuid */
            buyerOrganisationId: string;
            paymentMethod: components["schemas"]["PaymentMethod"];
            /** @description The total of the lines, to pay at once */
            amountCents: number;
            /** @constant */
            currency: "EUR";
            /** Format: date-time */
            reservedUntil: string;
            /** @description The one invoice of the purchase (INV- series): an invoice purchase has it from placement, a Stripe purchase once paid */
            invoiceNumber: string | null;
            /** @description Structured creditor reference (ISO 11649) to quote with the one bank transfer */
            paymentReference: string;
            /** @description Stripe purchases: the one Checkout Session, a line per project */
            checkoutUrl: string | null;
            billing: components["schemas"]["OrderBilling"];
            /** @description Invoice purchases: where and by when to transfer the total, quoting `paymentReference` (as on the invoice); null for Stripe purchases */
            payTo: {
                /** @description The account holder: the platform foundation */
                name: string;
                /** @description The account to transfer the total to */
                iban: string;
                /**
                 * Format: date-time
                 * @description Pay before this moment (the invoice’s due date)
                 */
                dueAt: string;
            } | null;
            paidAt: string | null;
            lines: {
                project: {
                    /** Format: uuid */
                    id: string;
                    title: string;
                };
                credits: number;
                unitPriceCents: number;
                amountCents: number;
                order: components["schemas"]["Order"];
            }[];
            /** Format: date-time */
            createdAt: string;
        };
        PurchaseProposal: {
            obligation: {
                /** @description What is to be covered, in euros (cents) */
                amountCents: number;
                /** @description The contract’s valuation: a credit counts for price × factor (10000 = 100%) */
                creditFactorBp: number;
                contractId: string | null;
            };
            lines: {
                project: {
                    /** Format: uuid */
                    id: string;
                    title: string;
                };
                credits: number;
                unitPriceCents: number;
                /** @description What the line costs */
                amountCents: number;
                /** @description What the line counts toward the obligation */
                countsCents: number;
                /** @description The preferences it meets */
                reasons: string[];
            }[];
            credits: number;
            /** @description What the proposal costs */
            amountCents: number;
            /** @description What it counts toward the obligation */
            countsCents: number;
            /** @description What it leaves uncovered (0 when covered; more when too few credits are for sale) */
            uncoveredCents: number;
        };
        /**
         * @description reserved: every line’s credits held until reservedUntil, awaiting the one payment; paid: every line fulfilled (each order says what became of it); expired/cancelled: the holds ended unpaid
         * @enum {string}
         */
        PurchaseStatus: "reserved" | "paid" | "expired" | "cancelled";
        ReconciliationDay: {
            day: string;
            stripePaymentsCents: number;
            ledgerStripePaymentsCents: number;
            stripeRefundsCents: number;
            ledgerStripeRefundsCents: number;
            invoicePaymentsCents: number;
            invoiceRefundsCents: number;
            payoutsCents: number;
            differences: components["schemas"]["ReconciliationDifference"][];
        };
        ReconciliationDifference: {
            /** @enum {string} */
            kind: "payment_not_in_ledger" | "payment_not_reported_by_stripe" | "payment_amount_differs" | "refund_not_in_ledger" | "refund_not_reported_by_stripe" | "refund_amount_differs";
            orderId: string | null;
            stripeCents: number | null;
            ledgerCents: number | null;
            reference: string | null;
        };
        ReconciliationReport: {
            from: string;
            to: string;
            /** @description Days with any money movement or difference, oldest first */
            days: components["schemas"]["ReconciliationDay"][];
            differences: number;
            /** @description No differences, and every project’s ledger balances */
            balanced: boolean;
        };
        RecordConsensusInput: {
            reach: number;
            depth: number;
            durability: number;
            indirect: number;
            rationale: string;
            /**
             * @description Ids of budget lines of the submitted plan that are not eligible
             * @default []
             */
            ineligibleBudgetLineIds?: string[];
        };
        RefreshRequestInput: {
            /** @description Required, except from a browser session (`X-Impactbeurs-Client: web`), whose token is read from its cookie and never from the body */
            refreshToken?: string;
        };
        RefundOrderInput: {
            reason: string;
        };
        RequestChangesInput: {
            /** @description What the initiative must answer or change before resubmitting */
            questions: string;
        };
        ResolveBankExceptionInput: {
            /**
             * @description book_as_paid: the order (credit) or payout (debit) is booked as paid on this transfer through the same path as mark-paid; ignore: nothing is booked; refunded_by_hand: the money was (or will be) returned outside the platform, noted
             * @enum {string}
             */
            decision: "book_as_paid" | "ignore" | "refunded_by_hand";
            /** @description Why (kept with the entry and in the audit trail) */
            note: string;
            /**
             * Format: uuid
             * @description For book_as_paid of a credit that names no order (unknown reference)
             */
            orderId?: string;
            /**
             * Format: uuid
             * @description For book_as_paid of a debit that names no payout
             */
            payoutId?: string;
        };
        ResolveOrderFlagInput: {
            /** @description Why the problem is settled (kept with the flag) */
            note: string;
            /** @description Only for `purchase_refund_unattributed`: the lines of the purchase that the Stripe refund gave back. Each must be still paid without a refund under way, their amounts must add up to the refund’s, and Stripe must report it succeeded; they are then booked refunded (credit notes, credits back, certificates revoked), nothing is asked of Stripe. Left out: nothing is booked. */
            refundedOrderIds?: string[];
        };
        ReviewAssignment: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            projectId: string;
            /** @description The plan’s title as submitted for this round */
            title: string;
            initiative: {
                /** Format: uuid */
                id: string;
                name: string;
            };
            roundNumber: number;
            /** @enum {string} */
            roundStatus: "open" | "changes_requested" | "decided";
            projectStatus: components["schemas"]["ProjectStatus"];
            /** Format: date-time */
            assignedAt: string;
            declaration: ("none" | "conflict") | null;
            declaredAt: string | null;
            scored: boolean;
            scoredAt: string | null;
        };
        ReviewAssignmentPage: {
            items: components["schemas"]["ReviewAssignment"][];
            /** @description Pass as `cursor` for the next page; null on the last page */
            nextCursor: string | null;
        };
        ReviewConsensus: {
            reach: number;
            depth: number;
            durability: number;
            indirect: number;
            rationale: string;
            ineligibleBudgetLineIds: string[];
            /** Format: uuid */
            enteredBy: string;
            /** Format: date-time */
            enteredAt: string;
        };
        /** @enum {string} */
        ReviewCriterion: "reach" | "depth" | "durability" | "indirect";
        /** @description The plan exactly as submitted for this round */
        ReviewedPlan: {
            title: string;
            summary: string;
            description: string;
            startDate: string | null;
            endDate: string | null;
            municipalities: {
                cbsCode: string;
                name: string;
            }[];
            targetGroups: {
                targetGroup: components["schemas"]["TargetGroup"];
                expectedParticipants: number;
            }[];
            expectedOutcomes: {
                outcomeType: components["schemas"]["OutcomeType"];
                expectedCount: number;
            }[];
            budgetLines: {
                /** Format: uuid */
                id: string;
                position: number;
                description: string;
                category: components["schemas"]["BudgetCategory"];
                amountCents: number;
            }[];
            totalCostCents: number | null;
            minimumBudgetCents: number | null;
            otherFunding: {
                amountCents: number;
                description: string | null;
            };
            contact: {
                name: string | null;
                email: string | null;
                phone: string | null;
            };
        };
        ReviewPanelMember: {
            /** Format: uuid */
            assignmentId: string;
            /** Format: uuid */
            reviewerId: string;
            /** Format: date-time */
            assignedAt: string;
            declaration: ("none" | "conflict") | null;
            declarationNote: string | null;
            declaredAt: string | null;
            scored: boolean;
            score: components["schemas"]["ReviewScore"] | null;
        };
        ReviewScore: {
            reach: {
                score: number;
                rationale: string;
            };
            depth: {
                score: number;
                rationale: string;
            };
            durability: {
                score: number;
                rationale: string;
            };
            indirect: {
                score: number;
                rationale: string;
            };
            overallComment: string;
            ineligibleBudgetLineIds: string[];
            /** @description The reviewer’s reasons for the lines it flagged (scores from before 2026-12 have none) */
            ineligibleReasons: components["schemas"]["IneligibleLineReason"][];
            /** Format: date-time */
            submittedAt: string;
        };
        RotatedWebhookSecret: {
            /** @description The signing secret (Standard Webhooks, `whsec_` and base64). Shown only in this answer: store it now */
            secret: string;
            /**
             * Format: date-time
             * @description Until then deliveries are signed with the old and the new secret
             */
            previousSecretValidUntil: string;
        };
        ScoredAssignment: {
            assignment: components["schemas"]["ReviewAssignment"];
            score: components["schemas"]["ReviewScore"];
        };
        SetOrganisationLegalDetailsInput: {
            /** @description The registered legal name */
            name?: string;
            /**
             * @description KvK number, 8 digits
             * @example 12345678
             */
            kvkNumber?: string;
            /** @description Why (e.g. a KvK extract of the renaming): kept in the audit trail */
            reason: string;
        };
        Story: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            projectId: string;
            projectTitle: string;
            title: string;
            text: string;
            status: components["schemas"]["StoryStatus"];
            submittedAt: string;
            publishedAt: string | null;
            /** @description What the personal-data screen finds in the story, shown to the initiative and the platform team before the story is published; empty when it finds nothing */
            personalDataFlags: {
                /** @enum {string} */
                field: "title" | "text";
                /** @enum {string} */
                kind: "email" | "phone" | "bsn" | "iban" | "postcode" | "street_address" | "date_of_birth" | "name_with_age" | "name_with_place";
                /**
                 * @description refuse: such text is not accepted (a story stored before the screen knew this kind); flag: accepted, for the platform team to judge
                 * @enum {string}
                 */
                severity: "refuse" | "flag";
                /** @description What was found, masked */
                masked: string;
            }[];
        };
        /** @enum {string} */
        StoryStatus: "submitted" | "published" | "rejected";
        StripeWebhookAck: {
            /** @constant */
            received: true;
            eventId: string;
            /** @description What the event did, e.g. fulfilled, released, refunded, ignored; duplicate for a redelivery */
            outcome: string;
            /** @description The event was recorded before: acknowledged without effect */
            duplicate: boolean;
        };
        SubmitReviewScoresInput: {
            /** @description How many people the project helps */
            reach: {
                score: number;
                rationale: string;
            };
            /** @description Intensity of the intervention per person */
            depth: {
                score: number;
                rationale: string;
            };
            /** @description How long the effects last */
            durability: {
                score: number;
                rationale: string;
            };
            /** @description Barriers removed: growth, social resources, motivation, self-image */
            indirect: {
                score: number;
                rationale: string;
            };
            overallComment: string;
            /**
             * @description Ids of budget lines of the submitted plan that are not eligible
             * @default []
             */
            ineligibleBudgetLineIds?: string[];
            /**
             * @description Why each flagged line is not eligible: at most one reason per line, only for lines in ineligibleBudgetLineIds
             * @default []
             */
            ineligibleReasons?: components["schemas"]["IneligibleLineReasonInput"][];
        };
        /** @description A registered supplier: its name and KvK number, nothing more */
        SupplierLookup: {
            name: string;
            kvkNumber: string;
        };
        SupplierReport: {
            /** @constant */
            kind: "supplier";
            supplier: {
                /** Format: uuid */
                id: string;
                name: string;
            };
            period: {
                from: string | null;
                to: string;
            };
            generatedAt: string;
            /** @description When the summaries were last refreshed (sales and claims); outcome counts are current */
            dataAsOf: string | null;
            disclosureThreshold: number;
            disclosureControl: components["schemas"]["DisclosureControl"];
            methodology: string;
            certificates: {
                /** Format: uuid */
                id: string;
                number: string;
                /** Format: uuid */
                projectId: string;
                projectTitle: string;
                credits: number;
                valueCents: number;
                status: components["schemas"]["CertificateStatus"];
                issuedAt: string;
            }[];
            attributed: components["schemas"]["AttributedOutcomes"];
            projects: {
                /** Format: uuid */
                projectId: string;
                title: string;
                status: components["schemas"]["ProjectStatus"];
                share: components["schemas"]["AttributionShare"];
                outcomes: {
                    outcomeType: components["schemas"]["OutcomeType"];
                    expected: number | null;
                    realised: components["schemas"]["PublishedCount"];
                    attributed: components["schemas"]["AttributedCount"];
                }[];
                participants: {
                    targetGroup: components["schemas"]["TargetGroup"];
                    expected: number | null;
                    realised: components["schemas"]["PublishedCount"];
                    attributed: components["schemas"]["AttributedCount"];
                }[];
                /** @description Outcomes achieved by people in the Banenafspraak target group */
                banenafspraak: {
                    outcomeType: components["schemas"]["OutcomeType"];
                    realised: components["schemas"]["PublishedCount"];
                    attributed: components["schemas"]["AttributedCount"];
                }[];
                totals: {
                    participants: {
                        realised: components["schemas"]["PublishedCount"];
                        attributed: components["schemas"]["AttributedCount"];
                    };
                    outcomes: {
                        realised: components["schemas"]["PublishedCount"];
                        attributed: components["schemas"]["AttributedCount"];
                    };
                    banenafspraak: {
                        realised: components["schemas"]["PublishedCount"];
                        attributed: components["schemas"]["AttributedCount"];
                    };
                };
                /** @description What the supplier paid for its credits in this project */
                amountCents: number;
                budgetLines: {
                    /** Format: uuid */
                    budgetLineId: string;
                    description: string;
                    category: components["schemas"]["BudgetCategory"];
                    plannedCents: number;
                    /** @description The supplier’s payment spread over the planned budget pro rata (rounded to cents) */
                    plannedShareCents: number;
                    /** @description Spent on the line in the period, per accepted reports */
                    spentCents: number;
                    /** @description share × spent, rounded to cents */
                    attributedSpentCents: number;
                }[];
                stories: components["schemas"]["PublicStory"][];
            }[];
        };
        /** @enum {string} */
        TargetGroup: "participatiewet" | "banenafspraak" | "ww" | "nug" | "youth" | "over_50" | "status_holder" | "other";
        /** @enum {string} */
        TargetGroupInput: "participatiewet" | "banenafspraak" | "ww" | "nug" | "youth" | "over_50" | "status_holder" | "other";
        /** @description The TenderNed publication the contract came from */
        TenderNedPublication: {
            reference: string;
            url: string;
        } | null;
        TokenPair: {
            /** @description JWT for the Authorization: Bearer header */
            accessToken: string;
            /** @constant */
            tokenType: "Bearer";
            /** @description Seconds until the access token expires */
            expiresIn: number;
            /** @description Opaque; single use: each refresh returns a new one. Absent for a browser session (`X-Impactbeurs-Client: web`): its refresh token is in the HttpOnly cookie `impactbeurs_refresh` */
            refreshToken?: string;
            /** Format: date-time */
            refreshTokenExpiresAt: string;
        };
        UpdateContractInput: {
            reference?: string;
            title?: string;
            valueCents?: number;
            /** Format: date */
            startsOn?: string;
            /** Format: date */
            endsOn?: string;
            /** @description The social-return obligation: a percentage of the contract value or of the wage sum, or a fixed amount */
            obligation?: {
                /** @constant */
                basis: "contract_value";
                /**
                 * @description Basis points of the basis: 500 = 5% (the usual), 200 = 2% (labour-extensive work)
                 * @default 500
                 */
                percentageBp?: number;
            } | {
                /** @constant */
                basis: "wage_sum";
                /**
                 * @description Basis points of the basis: 500 = 5% (the usual), 200 = 2% (labour-extensive work)
                 * @default 500
                 */
                percentageBp?: number;
                wageSumCents: number;
            } | {
                /** @constant */
                basis: "fixed";
                fixedAmountCents: number;
            };
            valuation?: {
                /**
                 * @description Whether credits may count toward this obligation at all
                 * @default true
                 */
                acceptsCredits?: boolean;
                /**
                 * @description The share of a credit's euro value that counts (bouwblokkenmethode), in basis points; 10000 = 100%
                 * @default 10000
                 */
                creditFactorBp?: number;
                /**
                 * @description The largest share of the obligation that credits may fill, in basis points
                 * @default 10000
                 */
                creditShareCapBp?: number;
            };
            /** @description null removes it */
            tenderNed?: {
                /** @description The TenderNed publication number (kenmerk): 4 to 9 digits */
                reference: string;
                /** @description The publication on TenderNed: an https link on tenderned.nl whose path names the publication number, e.g. https://www.tenderned.nl/aankondigingen/overzicht/412345 */
                url: string;
            } | null;
        };
        UpdateMeRequestInput: {
            language?: components["schemas"]["LanguageInput"];
        };
        UpdateNotificationPreferencesInput: {
            /** @description Every optional notification the user does not want; all others are sent */
            disabled: components["schemas"]["OptionalNotificationTypeInput"][];
        };
        /** @description Contact and billing details. The legal name and KvK number are not changed here: they are on certificates and public verification, and only the platform team changes them (setOrganisationLegalDetails, with a reason). */
        UpdateOrganisationInput: {
            vatNumber?: string | null;
            address?: {
                /** @description Street and number */
                street: string;
                postalCode: string;
                city: string;
                /** @default NL */
                country?: string;
            } | null;
            contactEmail?: string | null;
        };
        /** @description Replaces the given fields; lists are replaced as a whole; null clears an optional field */
        UpdatePlanInput: {
            title?: string;
            summary?: string;
            description?: string;
            /** @description Municipalities where the project runs, by CBS code */
            municipalities?: {
                /** @example GM0599 */
                cbsCode: string;
                name: string;
            }[];
            targetGroups?: {
                targetGroup: components["schemas"]["TargetGroupInput"];
                expectedParticipants: number;
            }[];
            expectedOutcomes?: {
                outcomeType: components["schemas"]["OutcomeTypeInput"];
                expectedCount: number;
            }[];
            startDate?: string | null;
            endDate?: string | null;
            budgetLines?: {
                /**
                 * Format: uuid
                 * @description An existing line's id, to keep it (panel flags refer to line ids); omit for a new line
                 */
                id?: string;
                description: string;
                category: components["schemas"]["BudgetCategoryInput"];
                amountCents: number;
            }[];
            totalCostCents?: number | null;
            minimumBudgetCents?: number | null;
            /** @description null clears the declaration */
            otherFunding?: {
                amountCents: number;
                description?: string | null;
            } | null;
            contact?: {
                name: string;
                /** Format: email */
                email: string;
                phone?: string | null;
            } | null;
        };
        UpdateWebhookEndpointInput: {
            /** @description Where deliveries are POSTed: https (plain http outside production only), a host that resolves only to public addresses */
            url?: string;
            eventTypes?: components["schemas"]["WebhookEventTypeInput"][];
            description?: string;
            enabled?: boolean;
        };
        User: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            organisationId: string;
            organisationKind: components["schemas"]["OrganisationKind"];
            email: string;
            name: string;
            role: components["schemas"]["UserRole"];
            status: components["schemas"]["ActiveStatus"];
            lastLoginAt: string | null;
            /** Format: date-time */
            createdAt: string;
            language: components["schemas"]["Language"];
        };
        UserList: {
            items: components["schemas"]["User"][];
            /** @description Pass as `cursor` for the next page; null on the last page */
            nextCursor: string | null;
        };
        /** @enum {string} */
        UserRole: "admin" | "reviewer" | "member" | "coordinator" | "viewer";
        /** @enum {string} */
        UserRoleInput: "admin" | "reviewer" | "member" | "coordinator" | "viewer";
        VerifyJwsInput: {
            jws: string;
        };
        WebhookAttempt: {
            /** Format: date-time */
            attemptedAt: string;
            durationMs: number;
            statusCode: number | null;
            /** @description The first 256 characters of the answer */
            responsePrefix: string | null;
            error: string | null;
            succeeded: boolean;
        };
        WebhookDelivery: {
            /** Format: uuid */
            id: string;
            /** @description The `webhook-id` header: the same on every attempt */
            messageId: string;
            eventType: components["schemas"]["WebhookEventType"];
            objectType: string;
            /** Format: uuid */
            objectId: string;
            status: components["schemas"]["WebhookDeliveryStatus"];
            attempts: number;
            nextAttemptAt: string | null;
            /** Format: date-time */
            createdAt: string;
            finishedAt: string | null;
            lastAttempt: components["schemas"]["WebhookAttempt"] | null;
        };
        WebhookDeliveryDetail: {
            /** Format: uuid */
            id: string;
            /** @description The `webhook-id` header: the same on every attempt */
            messageId: string;
            eventType: components["schemas"]["WebhookEventType"];
            objectType: string;
            /** Format: uuid */
            objectId: string;
            status: components["schemas"]["WebhookDeliveryStatus"];
            attempts: number;
            nextAttemptAt: string | null;
            /** Format: date-time */
            createdAt: string;
            finishedAt: string | null;
            lastAttempt: components["schemas"]["WebhookAttempt"] | null;
            /** @description Every attempt, oldest first */
            attemptLog: components["schemas"]["WebhookAttempt"][];
        };
        WebhookDeliveryPage: {
            items: components["schemas"]["WebhookDelivery"][];
            /** @description Pass as `cursor` for the next page; null on the last page */
            nextCursor: string | null;
        };
        /**
         * @description pending: waiting for its (next) attempt; failed: given up after three days
         * @enum {string}
         */
        WebhookDeliveryStatus: "pending" | "succeeded" | "failed";
        /**
         * @description pending: waiting for its (next) attempt; failed: given up after three days
         * @enum {string}
         */
        WebhookDeliveryStatusInput: "pending" | "succeeded" | "failed";
        WebhookEndpoint: {
            /** Format: uuid */
            id: string;
            url: string;
            description: string;
            eventTypes: components["schemas"]["WebhookEventType"][];
            enabled: boolean;
            /** @description `failing`: the platform disabled it after a delivery failed for three days; enable it again when the receiver works */
            disabledReason: ("by_user" | "failing") | null;
            /** @description While a rotated secret is still valid, deliveries carry a signature with each */
            secretRotation: {
                /** Format: date-time */
                previousSecretValidUntil: string;
            } | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        WebhookEndpointList: {
            items: components["schemas"]["WebhookEndpoint"][];
            /** @description Pass as `cursor` for the next page; null on the last page */
            nextCursor: string | null;
        };
        /**
         * @description The event types an endpoint can subscribe to; docs/webhooks.md describes each
         * @enum {string}
         */
        WebhookEventType: "certificate.issued" | "certificate.suspended" | "certificate.reinstated" | "certificate.revoked" | "claim.submitted" | "claim.approved" | "claim.rejected" | "claim.withdrawn" | "claim.invalidated" | "contract.created" | "contract.changed" | "contract.closed" | "project.listed" | "project.funded" | "project.failed" | "project.completed" | "outcome_report.accepted" | "webhook_endpoint.disabled";
        /**
         * @description The event types an endpoint can subscribe to; docs/webhooks.md describes each
         * @enum {string}
         */
        WebhookEventTypeInput: "certificate.issued" | "certificate.suspended" | "certificate.reinstated" | "certificate.revoked" | "claim.submitted" | "claim.approved" | "claim.rejected" | "claim.withdrawn" | "claim.invalidated" | "contract.created" | "contract.changed" | "contract.closed" | "project.listed" | "project.funded" | "project.failed" | "project.completed" | "outcome_report.accepted" | "webhook_endpoint.disabled";
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: {
        /** @description The id of this request, sent with every response; quote it when reporting a problem (5xx problems carry it as `requestId`). */
        "X-Request-Id": string;
        /** @description Seconds to wait before trying again. */
        "Retry-After": number;
        /** @description Requests allowed per client address in the current window. */
        "X-RateLimit-Limit": number;
        /** @description Requests left for this client address in the current window. */
        "X-RateLimit-Remaining": number;
        /** @description Seconds until the current window ends. */
        "X-RateLimit-Reset": number;
        /** @description `true` when this is the stored answer to an earlier request with the same `Idempotency-Key`; absent on the first answer. */
        "Idempotent-Replayed": "true";
        /** @description SHA-256 of the document’s bytes (lowercase hex), as recorded when it was rendered; POST /v1/verify/pdf recognises exactly these bytes. */
        "X-Content-SHA256": string;
        /** @description Where the resource is: for a redirect, the address to follow. */
        Location: string;
        /** @description Sent with `IDEMPOTENCY.IN_PROGRESS`: seconds to wait before repeating the request with the same key. */
        "Retry-After-If-In-Progress": number;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    live: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ready: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The service or its database is unavailable:
             *
             *     - `SERVICE.DATABASE_UNAVAILABLE`: The database does not answer, so the instance is not ready.
             */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    login: {
        parameters: {
            query?: never;
            header?: {
                /** @description Send `web` from the Impactbeurs web app: the refresh token then travels in the HttpOnly cookie `impactbeurs_refresh` (Path=/v1/auth, SameSite=Strict) instead of the JSON body. Other clients leave it out. */
                "x-impactbeurs-client"?: "web";
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginRequestInput"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenPair"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The caller may not do this:
             *
             *     - `AUTH.CROSS_SITE_REQUEST`: A request relying on the session cookie lacks `X-Impactbeurs-Client: web` or comes from another origin.
             */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request body is too large:
             *
             *     - `REQUEST.BODY_TOO_LARGE`: The request body is larger than this instance accepts.
             */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The body is not of a media type this endpoint accepts:
             *
             *     - `REQUEST.UNSUPPORTED_MEDIA_TYPE`: The body’s Content-Type is not one this operation accepts.
             */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    refreshTokens: {
        parameters: {
            query?: never;
            header?: {
                /** @description Send `web` from the Impactbeurs web app: the refresh token then travels in the HttpOnly cookie `impactbeurs_refresh` (Path=/v1/auth, SameSite=Strict) instead of the JSON body. Other clients leave it out. */
                "x-impactbeurs-client"?: "web";
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["RefreshRequestInput"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenPair"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The caller may not do this:
             *
             *     - `AUTH.CROSS_SITE_REQUEST`: A request relying on the session cookie lacks `X-Impactbeurs-Client: web` or comes from another origin.
             */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request body is too large:
             *
             *     - `REQUEST.BODY_TOO_LARGE`: The request body is larger than this instance accepts.
             */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The body is not of a media type this endpoint accepts:
             *
             *     - `REQUEST.UNSUPPORTED_MEDIA_TYPE`: The body’s Content-Type is not one this operation accepts.
             */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    logout: {
        parameters: {
            query?: never;
            header?: {
                /** @description Send `web` from the Impactbeurs web app: the refresh token then travels in the HttpOnly cookie `impactbeurs_refresh` (Path=/v1/auth, SameSite=Strict) instead of the JSON body. Other clients leave it out. */
                "x-impactbeurs-client"?: "web";
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["RefreshRequestInput"];
            };
        };
        responses: {
            /** @description Signed out */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The caller may not do this:
             *
             *     - `AUTH.CROSS_SITE_REQUEST`: A request relying on the session cookie lacks `X-Impactbeurs-Client: web` or comes from another origin.
             */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request body is too large:
             *
             *     - `REQUEST.BODY_TOO_LARGE`: The request body is larger than this instance accepts.
             */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The body is not of a media type this endpoint accepts:
             *
             *     - `REQUEST.UNSUPPORTED_MEDIA_TYPE`: The body’s Content-Type is not one this operation accepts.
             */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    requestPasswordReset: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasswordResetRequestInput"];
            };
        };
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PasswordResetAccepted"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request body is too large:
             *
             *     - `REQUEST.BODY_TOO_LARGE`: The request body is larger than this instance accepts.
             */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The body is not of a media type this endpoint accepts:
             *
             *     - `REQUEST.UNSUPPORTED_MEDIA_TYPE`: The body’s Content-Type is not one this operation accepts.
             */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    confirmPasswordReset: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasswordResetConfirmRequestInput"];
            };
        };
        responses: {
            /** @description Password set; every session has ended */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /**
             * @description The request is malformed or fails validation:
             *
             *     - `AUTH.RESET_TOKEN_INVALID`: The password-reset token is unknown or has already been used (a link works once); ask for a new one.
             */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The resource existed but is no longer available:
             *
             *     - `AUTH.RESET_TOKEN_EXPIRED`: The password-reset link is more than an hour old; ask for a new one (`POST /v1/auth/password-reset`).
             */
            410: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request body is too large:
             *
             *     - `REQUEST.BODY_TOO_LARGE`: The request body is larger than this instance accepts.
             */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The body is not of a media type this endpoint accepts:
             *
             *     - `REQUEST.UNSUPPORTED_MEDIA_TYPE`: The body’s Content-Type is not one this operation accepts.
             */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request is well-formed but cannot be processed:
             *
             *     - `PASSWORD.TOO_COMMON`: The new password is in a list of passwords known from data breaches or often chosen; choose another (a few unrelated words work well).
             *     - `PASSWORD.TOO_REPETITIVE`: The new password is one character or a short run repeated, or a plain sequence (`abcdefghijkl`); choose another.
             */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    changePassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangePasswordRequestInput"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessToken"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request body is too large:
             *
             *     - `REQUEST.BODY_TOO_LARGE`: The request body is larger than this instance accepts.
             */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The body is not of a media type this endpoint accepts:
             *
             *     - `REQUEST.UNSUPPORTED_MEDIA_TYPE`: The body’s Content-Type is not one this operation accepts.
             */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request is well-formed but cannot be processed:
             *
             *     - `AUTH.CURRENT_PASSWORD_INCORRECT`: The current password given to change it is not the right one.
             *     - `PASSWORD.TOO_COMMON`: The new password is in a list of passwords known from data breaches or often chosen; choose another (a few unrelated words work well).
             *     - `PASSWORD.TOO_REPETITIVE`: The new password is one character or a short run repeated, or a plain sequence (`abcdefghijkl`); choose another.
             */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Me"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["UpdateMeRequestInput"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Me"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request body is too large:
             *
             *     - `REQUEST.BODY_TOO_LARGE`: The request body is larger than this instance accepts.
             */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The body is not of a media type this endpoint accepts:
             *
             *     - `REQUEST.UNSUPPORTED_MEDIA_TYPE`: The body’s Content-Type is not one this operation accepts.
             */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listOrganisationUsers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserList"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    disableUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["EmptyBodyInput"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request body is too large:
             *
             *     - `REQUEST.BODY_TOO_LARGE`: The request body is larger than this instance accepts.
             */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The body is not of a media type this endpoint accepts:
             *
             *     - `REQUEST.UNSUPPORTED_MEDIA_TYPE`: The body’s Content-Type is not one this operation accepts.
             */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    enableUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["EmptyBodyInput"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request body is too large:
             *
             *     - `REQUEST.BODY_TOO_LARGE`: The request body is larger than this instance accepts.
             */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The body is not of a media type this endpoint accepts:
             *
             *     - `REQUEST.UNSUPPORTED_MEDIA_TYPE`: The body’s Content-Type is not one this operation accepts.
             */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listOrganisations: {
        parameters: {
            query?: {
                /** @description Page size, 1–100 */
                limit?: number;
                /** @description Opaque cursor from the previous page */
                cursor?: string;
                kind?: components["schemas"]["OrganisationKindInput"];
                status?: components["schemas"]["OrganisationStatusInput"];
                kvkNumber?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganisationPage"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createOrganisation: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateOrganisationInput"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Organisation"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request body is too large:
             *
             *     - `REQUEST.BODY_TOO_LARGE`: The request body is larger than this instance accepts.
             */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The body is not of a media type this endpoint accepts:
             *
             *     - `REQUEST.UNSUPPORTED_MEDIA_TYPE`: The body’s Content-Type is not one this operation accepts.
             */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getOrganisation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Organisation"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateOrganisation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateOrganisationInput"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Organisation"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request body is too large:
             *
             *     - `REQUEST.BODY_TOO_LARGE`: The request body is larger than this instance accepts.
             */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The body is not of a media type this endpoint accepts:
             *
             *     - `REQUEST.UNSUPPORTED_MEDIA_TYPE`: The body’s Content-Type is not one this operation accepts.
             */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    setOrganisationLegalDetails: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SetOrganisationLegalDetailsInput"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Organisation"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request body is too large:
             *
             *     - `REQUEST.BODY_TOO_LARGE`: The request body is larger than this instance accepts.
             */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The body is not of a media type this endpoint accepts:
             *
             *     - `REQUEST.UNSUPPORTED_MEDIA_TYPE`: The body’s Content-Type is not one this operation accepts.
             */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    disableOrganisation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["EmptyBodyInput"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Organisation"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request body is too large:
             *
             *     - `REQUEST.BODY_TOO_LARGE`: The request body is larger than this instance accepts.
             */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The body is not of a media type this endpoint accepts:
             *
             *     - `REQUEST.UNSUPPORTED_MEDIA_TYPE`: The body’s Content-Type is not one this operation accepts.
             */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    enableOrganisation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["EmptyBodyInput"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Organisation"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request body is too large:
             *
             *     - `REQUEST.BODY_TOO_LARGE`: The request body is larger than this instance accepts.
             */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The body is not of a media type this endpoint accepts:
             *
             *     - `REQUEST.UNSUPPORTED_MEDIA_TYPE`: The body’s Content-Type is not one this operation accepts.
             */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listInvitations: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvitationList"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createInvitation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateInvitationInput"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedInvitation"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request body is too large:
             *
             *     - `REQUEST.BODY_TOO_LARGE`: The request body is larger than this instance accepts.
             */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The body is not of a media type this endpoint accepts:
             *
             *     - `REQUEST.UNSUPPORTED_MEDIA_TYPE`: The body’s Content-Type is not one this operation accepts.
             */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be processed */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    previewInvitation: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InvitationTokenInput"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvitationPreview"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description Not found, or not visible to the caller:
             *
             *     - `INVITATION.NOT_FOUND`: No invitation has this token.
             */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request conflicts with the current state:
             *
             *     - `INVITATION.ALREADY_USED`: The invitation has already been accepted.
             *     - `ORGANISATION.DISABLED`: The organisation is disabled, so no users can be invited to or join it.
             */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The resource existed but is no longer available:
             *
             *     - `INVITATION.EXPIRED`: The invitation has expired; ask for a new one.
             */
            410: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request body is too large:
             *
             *     - `REQUEST.BODY_TOO_LARGE`: The request body is larger than this instance accepts.
             */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The body is not of a media type this endpoint accepts:
             *
             *     - `REQUEST.UNSUPPORTED_MEDIA_TYPE`: The body’s Content-Type is not one this operation accepts.
             */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    acceptInvitation: {
        parameters: {
            query?: never;
            header?: {
                /** @description Send `web` from the Impactbeurs web app: the refresh token then travels in the HttpOnly cookie `impactbeurs_refresh` (Path=/v1/auth, SameSite=Strict) instead of the JSON body. Other clients leave it out. */
                "x-impactbeurs-client"?: "web";
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AcceptInvitationInput"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The caller may not do this:
             *
             *     - `AUTH.CROSS_SITE_REQUEST`: A request relying on the session cookie lacks `X-Impactbeurs-Client: web` or comes from another origin.
             */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description Not found, or not visible to the caller:
             *
             *     - `INVITATION.NOT_FOUND`: No invitation has this token.
             */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request conflicts with the current state:
             *
             *     - `INVITATION.ALREADY_USED`: The invitation has already been accepted.
             *     - `ORGANISATION.DISABLED`: The organisation is disabled, so no users can be invited to or join it.
             *     - `USER.EMAIL_TAKEN`: A user with this e-mail address already exists.
             */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The resource existed but is no longer available:
             *
             *     - `INVITATION.EXPIRED`: The invitation has expired; ask for a new one.
             */
            410: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request body is too large:
             *
             *     - `REQUEST.BODY_TOO_LARGE`: The request body is larger than this instance accepts.
             */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The body is not of a media type this endpoint accepts:
             *
             *     - `REQUEST.UNSUPPORTED_MEDIA_TYPE`: The body’s Content-Type is not one this operation accepts.
             */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listAuditEvents: {
        parameters: {
            query?: {
                /** @description Page size, 1–100 */
                limit?: number;
                /** @description Opaque cursor from the previous page */
                cursor?: string;
                actorUserId?: string;
                /** @description The acting user's organisation */
                organisationId?: string;
                action?: string;
                subjectType?: string;
                subjectId?: string;
                /** @description Inclusive lower bound on occurredAt */
                from?: string;
                /** @description Exclusive upper bound on occurredAt */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditEventPage"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listPlans: {
        parameters: {
            query?: {
                /** @description Page size, 1–100 */
                limit?: number;
                /** @description Opaque cursor from the previous page */
                cursor?: string;
                status?: components["schemas"]["ProjectStatusInput"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanPage"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createPlan: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreatePlanInput"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Plan"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request body is too large:
             *
             *     - `REQUEST.BODY_TOO_LARGE`: The request body is larger than this instance accepts.
             */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The body is not of a media type this endpoint accepts:
             *
             *     - `REQUEST.UNSUPPORTED_MEDIA_TYPE`: The body’s Content-Type is not one this operation accepts.
             */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPlan: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Plan"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updatePlan: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdatePlanInput"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Plan"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request body is too large:
             *
             *     - `REQUEST.BODY_TOO_LARGE`: The request body is larger than this instance accepts.
             */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The body is not of a media type this endpoint accepts:
             *
             *     - `REQUEST.UNSUPPORTED_MEDIA_TYPE`: The body’s Content-Type is not one this operation accepts.
             */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be processed */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    submitPlan: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["EmptyBodyInput"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Plan"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request conflicts with the current state:
             *
             *     - `PLAN.INVALID_TRANSITION`: The plan cannot be submitted: it is not a draft or a plan with changes requested, or was already submitted.
             */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request body is too large:
             *
             *     - `REQUEST.BODY_TOO_LARGE`: The request body is larger than this instance accepts.
             */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The body is not of a media type this endpoint accepts:
             *
             *     - `REQUEST.UNSUPPORTED_MEDIA_TYPE`: The body’s Content-Type is not one this operation accepts.
             */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request is well-formed but cannot be processed:
             *
             *     - `PLAN.INCOMPLETE`: The plan is not complete enough to submit; `errors` lists the missing or inconsistent fields.
             */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    assignPanel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AssignPanelInput"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanReview"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request body is too large:
             *
             *     - `REQUEST.BODY_TOO_LARGE`: The request body is larger than this instance accepts.
             */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The body is not of a media type this endpoint accepts:
             *
             *     - `REQUEST.UNSUPPORTED_MEDIA_TYPE`: The body’s Content-Type is not one this operation accepts.
             */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be processed */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPlanReview: {
        parameters: {
            query?: {
                /** @description Review round number; defaults to the latest one the caller may see */
                round?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanReview"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listReviewAssignments: {
        parameters: {
            query?: {
                /** @description Page size, 1–100 */
                limit?: number;
                /** @description Opaque cursor from the previous page */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReviewAssignmentPage"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    declareInterest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DeclareInterestInput"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReviewAssignment"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request body is too large:
             *
             *     - `REQUEST.BODY_TOO_LARGE`: The request body is larger than this instance accepts.
             */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The body is not of a media type this endpoint accepts:
             *
             *     - `REQUEST.UNSUPPORTED_MEDIA_TYPE`: The body’s Content-Type is not one this operation accepts.
             */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    submitReviewScores: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SubmitReviewScoresInput"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScoredAssignment"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request body is too large:
             *
             *     - `REQUEST.BODY_TOO_LARGE`: The request body is larger than this instance accepts.
             */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The body is not of a media type this endpoint accepts:
             *
             *     - `REQUEST.UNSUPPORTED_MEDIA_TYPE`: The body’s Content-Type is not one this operation accepts.
             */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be processed */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    requestPlanChanges: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RequestChangesInput"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanReview"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request body is too large:
             *
             *     - `REQUEST.BODY_TOO_LARGE`: The request body is larger than this instance accepts.
             */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The body is not of a media type this endpoint accepts:
             *
             *     - `REQUEST.UNSUPPORTED_MEDIA_TYPE`: The body’s Content-Type is not one this operation accepts.
             */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    recordReviewConsensus: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecordConsensusInput"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanReview"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request body is too large:
             *
             *     - `REQUEST.BODY_TOO_LARGE`: The request body is larger than this instance accepts.
             */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The body is not of a media type this endpoint accepts:
             *
             *     - `REQUEST.UNSUPPORTED_MEDIA_TYPE`: The body’s Content-Type is not one this operation accepts.
             */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be processed */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    confirmAward: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ConfirmAwardInput"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConfirmedAward"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request body is too large:
             *
             *     - `REQUEST.BODY_TOO_LARGE`: The request body is larger than this instance accepts.
             */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The body is not of a media type this endpoint accepts:
             *
             *     - `REQUEST.UNSUPPORTED_MEDIA_TYPE`: The body’s Content-Type is not one this operation accepts.
             */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listProject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ListProjectInput"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListingResult"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request body is too large:
             *
             *     - `REQUEST.BODY_TOO_LARGE`: The request body is larger than this instance accepts.
             */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The body is not of a media type this endpoint accepts:
             *
             *     - `REQUEST.UNSUPPORTED_MEDIA_TYPE`: The body’s Content-Type is not one this operation accepts.
             */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be processed */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listProjects: {
        parameters: {
            query?: {
                /** @description Page size, 1–100 */
                limit?: number;
                /** @description Opaque cursor from the previous page */
                cursor?: string;
                /** @description CBS municipality code, e.g. GM0599 (Rotterdam) */
                municipality?: string;
                targetGroup?: components["schemas"]["TargetGroupInput"];
                outcomeType?: components["schemas"]["OutcomeTypeInput"];
                /** @description Free text, matched case-insensitively within title and summary; % and _ are matched literally */
                q?: string;
                status?: components["schemas"]["CatalogueStatusInput"];
                sort?: components["schemas"]["CatalogueSortInput"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CatalogueProjectPage"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listCatalogueMunicipalities: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CatalogueMunicipalities"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getProject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CatalogueProjectDetail"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listOrders: {
        parameters: {
            query?: {
                /** @description Page size, 1–100 */
                limit?: number;
                /** @description Opaque cursor from the previous page */
                cursor?: string;
                status?: components["schemas"]["OrderStatusInput"];
                projectId?: string;
                /** @description Platform admins: only this buyer organisation’s orders */
                organisationId?: string;
                /** @description Platform admins: only orders that do (true) or do not (false) need attention */
                needsAttention?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderPage"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createOrder: {
        parameters: {
            query?: never;
            header: {
                /** @description Required. A unique key per intended order (a UUID will do). Repeating a request with the same key returns the first response (status and body); the same key with another body answers 422. Keys are scoped to the organisation. */
                "idempotency-key": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateOrderInput"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request conflicts with the current state:
             *
             *     - `ORDER.INSUFFICIENT_CREDITS`: The project has fewer credits available than ordered (`available` says how many are left).
             *     - `ORDER.PROJECT_NOT_SELLING`: The project is not selling credits: it is not listed, or its funding deadline has passed.
             *     - `ORDER.RESERVATION_LIMIT`: The organisation holds too many unpaid orders, or would hold too large a share of the project’s credits unpaid.
             *     - `IDEMPOTENCY.IN_PROGRESS`: A request with this Idempotency-Key is still being processed; retry after `retryAfter` seconds.
             */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After-If-In-Progress"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request body is too large:
             *
             *     - `REQUEST.BODY_TOO_LARGE`: The request body is larger than this instance accepts.
             */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The body is not of a media type this endpoint accepts:
             *
             *     - `REQUEST.UNSUPPORTED_MEDIA_TYPE`: The body’s Content-Type is not one this operation accepts.
             */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request is well-formed but cannot be processed:
             *
             *     - `ORDER.PAYMENT_METHOD_UNAVAILABLE`: Card and iDEAL payments are not configured on this instance; pay by invoice.
             *     - `IDEMPOTENCY.KEY_REUSED`: The Idempotency-Key was already used for a different request; use a new key for a new request.
             */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description An upstream service (the payment provider) failed or could not be reached:
             *
             *     - `PAYMENT.PROVIDER_UNAVAILABLE`: The payment provider (Stripe) could not be reached, gave no usable answer or refused; the detail says what happened to the request.
             *     - `PAYMENT.PROVIDER_REFUSED`: The payment provider (Stripe) answered and refused to create the payment page; the order was cancelled and its credits released. Repeating the same request will not help: pay by invoice or try later.
             */
            502: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getOrder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    markOrderPaid: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MarkOrderPaidInput"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request conflicts with the current state:
             *
             *     - `ORDER.NOT_INVOICE`: Only invoice orders are marked paid by hand; card and iDEAL payments arrive from Stripe.
             *     - `ORDER.PART_OF_PURCHASE`: The order is a line of a purchase: it is paid or cancelled with the purchase, under the purchase’s one invoice.
             *     - `ORDER.INVALID_STATE`: The order’s status does not allow this, e.g. cancelling an order that is not reserved.
             */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request body is too large:
             *
             *     - `REQUEST.BODY_TOO_LARGE`: The request body is larger than this instance accepts.
             */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The body is not of a media type this endpoint accepts:
             *
             *     - `REQUEST.UNSUPPORTED_MEDIA_TYPE`: The body’s Content-Type is not one this operation accepts.
             */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request is well-formed but cannot be processed:
             *
             *     - `ORDER.AMOUNT_MISMATCH`: The amount received is not the order’s amount.
             */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    cancelOrder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CancelOrderInput"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request conflicts with the current state:
             *
             *     - `ORDER.INVALID_STATE`: The order’s status does not allow this, e.g. cancelling an order that is not reserved.
             *     - `ORDER.PART_OF_PURCHASE`: The order is a line of a purchase: it is paid or cancelled with the purchase, under the purchase’s one invoice.
             */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request body is too large:
             *
             *     - `REQUEST.BODY_TOO_LARGE`: The request body is larger than this instance accepts.
             */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The body is not of a media type this endpoint accepts:
             *
             *     - `REQUEST.UNSUPPORTED_MEDIA_TYPE`: The body’s Content-Type is not one this operation accepts.
             */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    refundOrder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefundOrderInput"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request conflicts with the current state:
             *
             *     - `ORDER.CERTIFICATE_CLAIMED`: The order’s certificate has an approved claim against an obligation, so the order cannot be refunded.
             *     - `ORDER.NOT_REFUNDABLE`: The order has no payment to refund.
             *     - `ORDER.PAYMENT_NOT_FOUND`: No Stripe payment is recorded for the order, so there is nothing to refund through Stripe.
             *     - `ORDER.REFUND_FAILED`: Stripe reports the refund as failed (or canceled): nothing went back, the order stays paid and its certificate valid, and the order is flagged for the platform team.
             */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request body is too large:
             *
             *     - `REQUEST.BODY_TOO_LARGE`: The request body is larger than this instance accepts.
             */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The body is not of a media type this endpoint accepts:
             *
             *     - `REQUEST.UNSUPPORTED_MEDIA_TYPE`: The body’s Content-Type is not one this operation accepts.
             */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request is well-formed but cannot be processed:
             *
             *     - `ORDER.PAYMENT_METHOD_UNAVAILABLE`: Card and iDEAL payments are not configured on this instance; pay by invoice.
             */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description An upstream service (the payment provider) failed or could not be reached:
             *
             *     - `PAYMENT.PROVIDER_REFUSED`: The payment provider (Stripe) answered and refused to create the payment page; the order was cancelled and its credits released. Repeating the same request will not help: pay by invoice or try later.
             *     - `PAYMENT.PROVIDER_UNAVAILABLE`: The payment provider (Stripe) could not be reached, gave no usable answer or refused; the detail says what happened to the request.
             */
            502: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listOrderFlags: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderFlagList"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    resolveOrderFlag: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                flagId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResolveOrderFlagInput"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderFlag"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request conflicts with the current state:
             *
             *     - `ORDER.FLAG_RESOLVED`: The order’s flag was resolved already; a resolution is written once.
             *     - `ORDER.REFUND_NOT_ATTRIBUTABLE`: The lines named do not account for the Stripe refund: paid lines of the purchase adding up to it, once Stripe reports it succeeded.
             */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request body is too large:
             *
             *     - `REQUEST.BODY_TOO_LARGE`: The request body is larger than this instance accepts.
             */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The body is not of a media type this endpoint accepts:
             *
             *     - `REQUEST.UNSUPPORTED_MEDIA_TYPE`: The body’s Content-Type is not one this operation accepts.
             */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listPurchases: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Purchase"][];
                        /** @description Always null: the newest 100 purchases are listed */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createPurchase: {
        parameters: {
            query?: never;
            header: {
                /** @description Required. A unique key per intended order (a UUID will do). Repeating a request with the same key returns the first response (status and body); the same key with another body answers 422. Keys are scoped to the organisation. */
                "idempotency-key": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreatePurchaseInput"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Purchase"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request conflicts with the current state:
             *
             *     - `ORDER.INSUFFICIENT_CREDITS`: The project has fewer credits available than ordered (`available` says how many are left).
             *     - `ORDER.PROJECT_NOT_SELLING`: The project is not selling credits: it is not listed, or its funding deadline has passed.
             *     - `ORDER.RESERVATION_LIMIT`: The organisation holds too many unpaid orders, or would hold too large a share of the project’s credits unpaid.
             *     - `IDEMPOTENCY.IN_PROGRESS`: A request with this Idempotency-Key is still being processed; retry after `retryAfter` seconds.
             */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After-If-In-Progress"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request body is too large:
             *
             *     - `REQUEST.BODY_TOO_LARGE`: The request body is larger than this instance accepts.
             */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The body is not of a media type this endpoint accepts:
             *
             *     - `REQUEST.UNSUPPORTED_MEDIA_TYPE`: The body’s Content-Type is not one this operation accepts.
             */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request is well-formed but cannot be processed:
             *
             *     - `ORDER.PAYMENT_METHOD_UNAVAILABLE`: Card and iDEAL payments are not configured on this instance; pay by invoice.
             *     - `IDEMPOTENCY.KEY_REUSED`: The Idempotency-Key was already used for a different request; use a new key for a new request.
             */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description An upstream service (the payment provider) failed or could not be reached:
             *
             *     - `PAYMENT.PROVIDER_UNAVAILABLE`: The payment provider (Stripe) could not be reached, gave no usable answer or refused; the detail says what happened to the request.
             *     - `PAYMENT.PROVIDER_REFUSED`: The payment provider (Stripe) answered and refused to create the payment page; the order was cancelled and its credits released. Repeating the same request will not help: pay by invoice or try later.
             */
            502: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    proposePurchase: {
        parameters: {
            query?: {
                /** @description The obligation to cover, in cents (or give contractId to use what remains of it) */
                amountCents?: number;
                /** @description A contract of the supplier: its remaining obligation and valuation (credit factor) are used */
                contractId?: string;
                /** @description Prefer projects in this municipality */
                municipality?: string;
                /** @description Prefer projects for this target group */
                targetGroup?: string;
                /** @description Prefer projects whose title or summary mention this */
                theme?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PurchaseProposal"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPurchase: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Purchase"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    markPurchasePaid: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MarkPurchasePaidInput"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Purchase"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request conflicts with the current state:
             *
             *     - `ORDER.NOT_INVOICE`: Only invoice orders are marked paid by hand; card and iDEAL payments arrive from Stripe.
             */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request body is too large:
             *
             *     - `REQUEST.BODY_TOO_LARGE`: The request body is larger than this instance accepts.
             */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The body is not of a media type this endpoint accepts:
             *
             *     - `REQUEST.UNSUPPORTED_MEDIA_TYPE`: The body’s Content-Type is not one this operation accepts.
             */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request is well-formed but cannot be processed:
             *
             *     - `ORDER.AMOUNT_MISMATCH`: The amount received is not the order’s amount.
             */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    cancelPurchase: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CancelPurchaseInput"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Purchase"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request body is too large:
             *
             *     - `REQUEST.BODY_TOO_LARGE`: The request body is larger than this instance accepts.
             */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The body is not of a media type this endpoint accepts:
             *
             *     - `REQUEST.UNSUPPORTED_MEDIA_TYPE`: The body’s Content-Type is not one this operation accepts.
             */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getProjectFunding: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Funding"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    extendFundingDeadline: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date-time
                     * @description The new deadline: later than the current one and in the future
                     */
                    fundingDeadline: string;
                    reason: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Funding"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request conflicts with the current state:
             *
             *     - `FUNDING.DEADLINE_PASSED`: The funding deadline has passed; a project waiting after it is decided with the funding decision instead.
             *     - `FUNDING.INVALID_STATE`: Only the deadline of a listed or funded project can be extended.
             */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request body is too large:
             *
             *     - `REQUEST.BODY_TOO_LARGE`: The request body is larger than this instance accepts.
             */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The body is not of a media type this endpoint accepts:
             *
             *     - `REQUEST.UNSUPPORTED_MEDIA_TYPE`: The body’s Content-Type is not one this operation accepts.
             */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request is well-formed but cannot be processed:
             *
             *     - `FUNDING.DEADLINE_NOT_LATER`: The new funding deadline must be in the future and later than the current one.
             */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    decideWaitingProject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description refund_all: the project fails now; approved claims on its certificates are invalidated and every buyer is refunded. extend_deadline: a new deadline, the project sells again until then
                     * @enum {string}
                     */
                    decision: "refund_all" | "extend_deadline";
                    reason: string;
                    /**
                     * Format: date-time
                     * @description Required with extend_deadline
                     */
                    fundingDeadline?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Funding"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request conflicts with the current state:
             *
             *     - `FUNDING.NOT_WAITING`: Only a project waiting after its deadline, with approved claims standing, needs a decision.
             */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request body is too large:
             *
             *     - `REQUEST.BODY_TOO_LARGE`: The request body is larger than this instance accepts.
             */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The body is not of a media type this endpoint accepts:
             *
             *     - `REQUEST.UNSUPPORTED_MEDIA_TYPE`: The body’s Content-Type is not one this operation accepts.
             */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request is well-formed but cannot be processed:
             *
             *     - `FUNDING.DEADLINE_REQUIRED`: The decision `extend_deadline` needs a `fundingDeadline`.
             *     - `FUNDING.DEADLINE_NOT_LATER`: The new funding deadline must be in the future and later than the current one.
             */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listPayouts: {
        parameters: {
            query?: {
                /** @description open: due or approved (not yet paid) */
                status?: "due" | "approved" | "paid" | "open";
                projectId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayoutList"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    exportPayouts: {
        parameters: {
            query?: {
                status?: "due" | "approved" | "paid" | "open";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description CSV (UTF-8 with BOM) */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "text/csv; charset=utf-8": string;
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPayout: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Payout"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    approvePayout: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["EmptyBodyInput"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Payout"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The caller may not do this:
             *
             *     - `PAYOUT.FOUR_EYES`: The admin who accepted the final report may neither approve nor pay the payout, and its approver may not pay it.
             */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request conflicts with the current state:
             *
             *     - `PAYOUT.INVALID_STATE`: The payout’s status does not allow this: only a due payout is approved, and a paid one is not paid again.
             */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request body is too large:
             *
             *     - `REQUEST.BODY_TOO_LARGE`: The request body is larger than this instance accepts.
             */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The body is not of a media type this endpoint accepts:
             *
             *     - `REQUEST.UNSUPPORTED_MEDIA_TYPE`: The body’s Content-Type is not one this operation accepts.
             */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    markPayoutPaid: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The reference of the bank transfer to the initiative */
                    bankReference: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Payout"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The caller may not do this:
             *
             *     - `PAYOUT.FOUR_EYES`: The admin who accepted the final report may neither approve nor pay the payout, and its approver may not pay it.
             */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request conflicts with the current state:
             *
             *     - `PAYOUT.NOT_APPROVED`: A payout is paid only after a first admin approved it.
             *     - `PAYOUT.INVALID_STATE`: The payout’s status does not allow this: only a due payout is approved, and a paid one is not paid again.
             *     - `PAYOUT.INSUFFICIENT_ESCROW`: The project’s escrow holds less than the payout.
             *     - `PAYOUT.PROJECT_FAILED`: The project failed, so its escrow goes back to the buyers and is not paid out.
             */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request body is too large:
             *
             *     - `REQUEST.BODY_TOO_LARGE`: The request body is larger than this instance accepts.
             */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The body is not of a media type this endpoint accepts:
             *
             *     - `REQUEST.UNSUPPORTED_MEDIA_TYPE`: The body’s Content-Type is not one this operation accepts.
             */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getFundingLedger: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LedgerReport"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getFundingReconciliation: {
        parameters: {
            query: {
                /** @description First day (Amsterdam time), inclusive */
                from: string;
                /** @description Last day (Amsterdam time), inclusive; at most 92 days after from */
                to: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReconciliationReport"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request is well-formed but cannot be processed:
             *
             *     - `FUNDING.INVALID_PERIOD`: The period is not two calendar days with `to` on or after `from` and at most 92 days later.
             */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listBankStatements: {
        parameters: {
            query?: {
                /** @description Page size, 1–100 */
                limit?: number;
                /** @description Opaque cursor from the previous page */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BankStatementPage"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    uploadBankStatement: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The CAMT.053 XML file */
        requestBody: {
            content: {
                "application/xml": Blob;
                "text/xml": Blob;
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BankStatementUpload"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The body is not of a media type this endpoint accepts:
             *
             *     - `BANK_STATEMENT.XML_REQUIRED`: Send the statement file as the raw request body with `Content-Type: application/xml` (or `text/xml`).
             */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request is well-formed but cannot be processed:
             *
             *     - `BANK_STATEMENT.NOT_CAMT`: The uploaded file is not an ISO 20022 camt.053 BankToCustomerStatement (not well-formed XML, another message, or a document type declaration); export the statement as CAMT.053 from the bank.
             *     - `BANK_STATEMENT.INVALID`: The file is a camt.053 statement, but an element matching needs is missing or malformed (the detail names it); nothing of the file was stored.
             */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listBankStatementExceptions: {
        parameters: {
            query?: {
                /** @description Page size, 1–100 */
                limit?: number;
                /** @description Opaque cursor from the previous page */
                cursor?: string;
                /** @description open (the default): waiting for a decision */
                status?: "open" | "resolved" | "all";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BankStatementEntryPage"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getBankStatement: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BankStatementDetail"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    resolveBankStatementException: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResolveBankExceptionInput"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BankStatementEntry"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The caller may not do this:
             *
             *     - `PAYOUT.FOUR_EYES`: The admin who accepted the final report may neither approve nor pay the payout, and its approver may not pay it.
             */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request conflicts with the current state:
             *
             *     - `BANK_STATEMENT.NOT_AN_OPEN_EXCEPTION`: The statement entry is not in the exceptions queue, or its exception was resolved before with another decision.
             *     - `BANK_STATEMENT.DECISION_NOT_POSSIBLE`: The decision cannot be carried out for this entry (e.g. book as paid without an order or payout, an order that is already paid or refunded); the detail says why, nothing changed.
             *     - `PAYOUT.NOT_APPROVED`: A payout is paid only after a first admin approved it.
             *     - `PAYOUT.INVALID_STATE`: The payout’s status does not allow this: only a due payout is approved, and a paid one is not paid again.
             *     - `PAYOUT.INSUFFICIENT_ESCROW`: The project’s escrow holds less than the payout.
             *     - `PAYOUT.FUNDS_HELD_BY_DISPUTE`: Part of the project’s escrow is held while Stripe holds the money of a payment dispute, and the payout needs it; it can be paid once the dispute’s funds are reinstated or the dispute is closed.
             *     - `PAYOUT.PROJECT_FAILED`: The project failed, so its escrow goes back to the buyers and is not paid out.
             */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request body is too large:
             *
             *     - `REQUEST.BODY_TOO_LARGE`: The request body is larger than this instance accepts.
             */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The body is not of a media type this endpoint accepts:
             *
             *     - `REQUEST.UNSUPPORTED_MEDIA_TYPE`: The body’s Content-Type is not one this operation accepts.
             */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    receiveStripeWebhook: {
        parameters: {
            query?: never;
            header?: {
                /** @description Stripe’s signature of the raw body */
                "stripe-signature"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StripeWebhookAck"];
                };
            };
            /**
             * @description The request is malformed or fails validation:
             *
             *     - `WEBHOOK.INVALID_SIGNATURE`: The Stripe-Signature header is missing or does not verify.
             *     - `WEBHOOK.INVALID_BODY`: The webhook body is not the raw JSON of a Stripe event.
             *     - `WEBHOOK.API_VERSION_MISMATCH`: The Stripe event is rendered in another API version than the one the platform pins; set the webhook endpoint’s API version to it (Stripe retries the event).
             */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description Not found, or not visible to the caller:
             *
             *     - `PAYMENTS.STRIPE_NOT_CONFIGURED`: Stripe payments are not configured on this instance, so it has no Stripe webhook.
             */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of a media type this endpoint accepts */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listCertificates: {
        parameters: {
            query?: {
                /** @description Page size, 1–100 */
                limit?: number;
                /** @description Opaque cursor from the previous page */
                cursor?: string;
                /** @description Platform admins only: the certificates of one supplier */
                organisationId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CertificatePage"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCertificate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Certificate"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCertificatePdf: {
        parameters: {
            query?: {
                /** @description Language of the document: Dutch (default) or English */
                lang?: "nl" | "en";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Content-SHA256": components["headers"]["X-Content-SHA256"];
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": Blob;
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCertificateJws: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CertificateJws"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPurchaseInvoicePdf: {
        parameters: {
            query?: {
                /** @description Language of the document: Dutch (default) or English */
                lang?: "nl" | "en";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Content-SHA256": components["headers"]["X-Content-SHA256"];
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": Blob;
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request conflicts with the current state:
             *
             *     - `INVOICE.NOT_AVAILABLE`: The order or purchase has no invoice: its card or iDEAL payment is not made yet, or was refunded before it was recorded (an invoice order has one from its placement).
             */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getOrderInvoicePdf: {
        parameters: {
            query?: {
                /** @description Language of the document: Dutch (default) or English */
                lang?: "nl" | "en";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Content-SHA256": components["headers"]["X-Content-SHA256"];
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": Blob;
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request conflicts with the current state:
             *
             *     - `INVOICE.NOT_AVAILABLE`: The order or purchase has no invoice: its card or iDEAL payment is not made yet, or was refunded before it was recorded (an invoice order has one from its placement).
             */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getOrderCreditNotePdf: {
        parameters: {
            query?: {
                /** @description Language of the document: Dutch (default) or English */
                lang?: "nl" | "en";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Content-SHA256": components["headers"]["X-Content-SHA256"];
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": Blob;
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request conflicts with the current state:
             *
             *     - `CREDIT_NOTE.NOT_AVAILABLE`: The order has no credit note; one is issued when an invoiced order is refunded.
             */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getJwks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Jwks"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    verifyCertificateCode: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CertificateVerification"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    verifyCertificateJws: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VerifyJwsInput"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JwsVerification"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request body is too large:
             *
             *     - `REQUEST.BODY_TOO_LARGE`: The request body is larger than this instance accepts.
             */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The body is not of a media type this endpoint accepts:
             *
             *     - `REQUEST.UNSUPPORTED_MEDIA_TYPE`: The body’s Content-Type is not one this operation accepts.
             */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    verifyCertificatePdf: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The PDF file */
        requestBody: {
            content: {
                "application/pdf": Blob;
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PdfVerification"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The body is not of a media type this endpoint accepts:
             *
             *     - `VERIFY.PDF_REQUIRED`: Send the PDF as the request body with `Content-Type: application/pdf`.
             *     - `REQUEST.UNSUPPORTED_MEDIA_TYPE`: The body’s Content-Type is not one this operation accepts.
             */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    viewVerificationPage: {
        parameters: {
            query?: {
                /** @description Language of the page; anything else is ignored */
                lang?: "nl" | "en";
            };
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The verification page */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "text/html; charset=utf-8": string;
                };
            };
            /** @description A code written otherwise than its canonical form (as a person may type it): `Location` is the page at the canonical code */
            301: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    Location: components["headers"]["Location"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The page for an unknown code */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "text/html; charset=utf-8": string;
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getProjectOutcomes: {
        parameters: {
            query?: {
                /** @description First day of the period (Amsterdam calendar); default: from the start */
                from?: string;
                /** @description Last day of the period, inclusive; default: today */
                to?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicProjectOutcomes"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPublicStats: {
        parameters: {
            query?: {
                /** @description First day of the period (Amsterdam calendar); default: from the start */
                from?: string;
                /** @description Last day of the period, inclusive; default: today */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicStats"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getAuthorityReport: {
        parameters: {
            query?: {
                /** @description First day of the period (Amsterdam calendar); default: from the start */
                from?: string;
                /** @description Last day of the period, inclusive; default: today */
                to?: string;
                /** @description Platform admins: the authority to report on. Others: their own (another id answers 404) */
                authorityId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthorityReport"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getSupplierReport: {
        parameters: {
            query?: {
                /** @description First day of the period (Amsterdam calendar); default: from the start */
                from?: string;
                /** @description Last day of the period, inclusive; default: today */
                to?: string;
                /** @description Platform admins: the supplier to report on. Others: their own (another id answers 404) */
                supplierId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplierReport"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPublicStatsCsv: {
        parameters: {
            query?: {
                /** @description First day of the period (Amsterdam calendar); default: from the start */
                from?: string;
                /** @description Last day of the period, inclusive; default: today */
                to?: string;
                /** @description Language of headers, labels and notes: Dutch or English; without it Accept-Language decides, else Dutch */
                lang?: "nl" | "en";
                /** @description csv: RFC 4180 (comma, decimal point, ISO dates); csv-nl: as Dutch Excel opens it (semicolon, decimal comma, dates as dd-mm-jjjj) */
                format?: "csv" | "csv-nl";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The report as CSV (UTF-8 with BOM) */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "text/csv; charset=utf-8": string;
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getAuthorityReportCsv: {
        parameters: {
            query?: {
                /** @description First day of the period (Amsterdam calendar); default: from the start */
                from?: string;
                /** @description Last day of the period, inclusive; default: today */
                to?: string;
                /** @description Platform admins: the authority to report on. Others: their own (another id answers 404) */
                authorityId?: string;
                /** @description Language of headers, labels and notes: Dutch or English; without it Accept-Language decides, else Dutch */
                lang?: "nl" | "en";
                /** @description csv: RFC 4180 (comma, decimal point, ISO dates); csv-nl: as Dutch Excel opens it (semicolon, decimal comma, dates as dd-mm-jjjj) */
                format?: "csv" | "csv-nl";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The report as CSV (UTF-8 with BOM) */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "text/csv; charset=utf-8": string;
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getSupplierReportCsv: {
        parameters: {
            query?: {
                /** @description First day of the period (Amsterdam calendar); default: from the start */
                from?: string;
                /** @description Last day of the period, inclusive; default: today */
                to?: string;
                /** @description Platform admins: the supplier to report on. Others: their own (another id answers 404) */
                supplierId?: string;
                /** @description Language of headers, labels and notes: Dutch or English; without it Accept-Language decides, else Dutch */
                lang?: "nl" | "en";
                /** @description csv: RFC 4180 (comma, decimal point, ISO dates); csv-nl: as Dutch Excel opens it (semicolon, decimal comma, dates as dd-mm-jjjj) */
                format?: "csv" | "csv-nl";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The report as CSV (UTF-8 with BOM) */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "text/csv; charset=utf-8": string;
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPublicStatsXlsx: {
        parameters: {
            query?: {
                /** @description First day of the period (Amsterdam calendar); default: from the start */
                from?: string;
                /** @description Last day of the period, inclusive; default: today */
                to?: string;
                /** @description Language of headers, labels and notes: Dutch or English; without it Accept-Language decides, else Dutch */
                lang?: "nl" | "en";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The report as an Excel workbook */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": Blob;
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getAuthorityReportXlsx: {
        parameters: {
            query?: {
                /** @description First day of the period (Amsterdam calendar); default: from the start */
                from?: string;
                /** @description Last day of the period, inclusive; default: today */
                to?: string;
                /** @description Platform admins: the authority to report on. Others: their own (another id answers 404) */
                authorityId?: string;
                /** @description Language of headers, labels and notes: Dutch or English; without it Accept-Language decides, else Dutch */
                lang?: "nl" | "en";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The report as an Excel workbook */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": Blob;
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getSupplierReportXlsx: {
        parameters: {
            query?: {
                /** @description First day of the period (Amsterdam calendar); default: from the start */
                from?: string;
                /** @description Last day of the period, inclusive; default: today */
                to?: string;
                /** @description Platform admins: the supplier to report on. Others: their own (another id answers 404) */
                supplierId?: string;
                /** @description Language of headers, labels and notes: Dutch or English; without it Accept-Language decides, else Dutch */
                lang?: "nl" | "en";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The report as an Excel workbook */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": Blob;
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getSupplierReportPdf: {
        parameters: {
            query?: {
                /** @description First day of the period (Amsterdam calendar); default: from the start */
                from?: string;
                /** @description Last day of the period, inclusive; default: today */
                to?: string;
                /** @description Platform admins: the supplier to report on. Others: their own (another id answers 404) */
                supplierId?: string;
                /** @description Language of the document: Dutch (default) or English */
                lang?: "nl" | "en";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The report as PDF (A4, tagged) */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Content-SHA256": components["headers"]["X-Content-SHA256"];
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": Blob;
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listStories: {
        parameters: {
            query?: {
                /** @description Page size, 1–100 */
                limit?: number;
                /** @description Opaque cursor from the previous page */
                cursor?: string;
                projectId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["PublicStory"][];
                        /** @description Pass as `cursor` for the next page; null on the last page */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listProjectOutcomeReports: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["OutcomeReport"][];
                        /** @description Pass as `cursor` for the next page; null on the last page */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    submitOutcomeReport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    kind: components["schemas"]["OutcomeReportKindInput"];
                    /** Format: date */
                    periodStart: string;
                    /** Format: date */
                    periodEnd: string;
                    participants: {
                        targetGroup: components["schemas"]["TargetGroupInput"];
                        /** @description People reached in this target group in the period; each person is counted once, under one group */
                        participants: number;
                    }[];
                    outcomes: {
                        outcomeType: components["schemas"]["OutcomeTypeInput"];
                        /** @description People who achieved this outcome in the period */
                        achieved: number;
                        /** @description Of whom people in the Banenafspraak target group */
                        banenafspraak: number;
                    }[];
                    spending: {
                        /**
                         * Format: uuid
                         * @description A budget line of the project
                         */
                        budgetLineId: string;
                        /** @description Spent on this line in the period, in cents */
                        spentCents: number;
                    }[];
                    /** @description What happened in the period, without names or other personal details */
                    narrative: string;
                    /**
                     * @description Stories for the story bank, published after an admin accepts them
                     * @default []
                     */
                    stories?: {
                        title: string;
                        /** @description No names or other details by which a person can be recognised */
                        text: string;
                        /**
                         * @description The people in the story consented to its publication
                         * @enum {boolean}
                         */
                        consent: true;
                    }[];
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OutcomeReport"];
                };
            };
            /**
             * @description The request is malformed or fails validation:
             *
             *     - `OUTCOME.PERSONAL_DATA`: Free text contains personal data such as an e-mail address, phone number, BSN, IBAN, postcode, street address or date of birth; `errors` names the fields.
             */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request conflicts with the current state:
             *
             *     - `OUTCOME.PROJECT_NOT_REPORTABLE`: The project’s status does not allow this report or story (a final report needs a funded project).
             *     - `OUTCOME.PERIOD_OVERLAP`: The period overlaps another report of the project; each period is reported once.
             *     - `OUTCOME.FINAL_EXISTS`: The project already has a final report.
             */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request body is too large:
             *
             *     - `REQUEST.BODY_TOO_LARGE`: The request body is larger than this instance accepts.
             */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The body is not of a media type this endpoint accepts:
             *
             *     - `REQUEST.UNSUPPORTED_MEDIA_TYPE`: The body’s Content-Type is not one this operation accepts.
             */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request is well-formed but cannot be processed:
             *
             *     - `OUTCOME.PERIOD_IN_FUTURE`: A report covers a period that has ended; `periodEnd` is in the future.
             *     - `OUTCOME.UNKNOWN_BUDGET_LINE`: Spending refers to budget lines that are not the project’s.
             */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listOutcomeReports: {
        parameters: {
            query?: {
                /** @description Page size, 1–100 */
                limit?: number;
                /** @description Opaque cursor from the previous page */
                cursor?: string;
                status?: components["schemas"]["OutcomeReportStatusInput"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["OutcomeReport"][];
                        /** @description Pass as `cursor` for the next page; null on the last page */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getOutcomeReport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OutcomeReport"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    resubmitOutcomeReport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    kind: components["schemas"]["OutcomeReportKindInput"];
                    /** Format: date */
                    periodStart: string;
                    /** Format: date */
                    periodEnd: string;
                    participants: {
                        targetGroup: components["schemas"]["TargetGroupInput"];
                        /** @description People reached in this target group in the period; each person is counted once, under one group */
                        participants: number;
                    }[];
                    outcomes: {
                        outcomeType: components["schemas"]["OutcomeTypeInput"];
                        /** @description People who achieved this outcome in the period */
                        achieved: number;
                        /** @description Of whom people in the Banenafspraak target group */
                        banenafspraak: number;
                    }[];
                    spending: {
                        /**
                         * Format: uuid
                         * @description A budget line of the project
                         */
                        budgetLineId: string;
                        /** @description Spent on this line in the period, in cents */
                        spentCents: number;
                    }[];
                    /** @description What happened in the period, without names or other personal details */
                    narrative: string;
                    /**
                     * @description Stories for the story bank, published after an admin accepts them
                     * @default []
                     */
                    stories?: {
                        title: string;
                        /** @description No names or other details by which a person can be recognised */
                        text: string;
                        /**
                         * @description The people in the story consented to its publication
                         * @enum {boolean}
                         */
                        consent: true;
                    }[];
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OutcomeReport"];
                };
            };
            /**
             * @description The request is malformed or fails validation:
             *
             *     - `OUTCOME.PERSONAL_DATA`: Free text contains personal data such as an e-mail address, phone number, BSN, IBAN, postcode, street address or date of birth; `errors` names the fields.
             */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request conflicts with the current state:
             *
             *     - `OUTCOME.INVALID_STATE`: The report’s status does not allow this: only a submitted report is accepted or returned, only a returned one resubmitted.
             *     - `OUTCOME.PROJECT_NOT_REPORTABLE`: The project’s status does not allow this report or story (a final report needs a funded project).
             *     - `OUTCOME.PERIOD_OVERLAP`: The period overlaps another report of the project; each period is reported once.
             *     - `OUTCOME.FINAL_EXISTS`: The project already has a final report.
             */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request body is too large:
             *
             *     - `REQUEST.BODY_TOO_LARGE`: The request body is larger than this instance accepts.
             */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The body is not of a media type this endpoint accepts:
             *
             *     - `REQUEST.UNSUPPORTED_MEDIA_TYPE`: The body’s Content-Type is not one this operation accepts.
             */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request is well-formed but cannot be processed:
             *
             *     - `OUTCOME.PERIOD_IN_FUTURE`: A report covers a period that has ended; `periodEnd` is in the future.
             *     - `OUTCOME.UNKNOWN_BUDGET_LINE`: Spending refers to budget lines that are not the project’s.
             */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    acceptOutcomeReport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["EmptyBodyInput"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OutcomeReport"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request conflicts with the current state:
             *
             *     - `OUTCOME.INVALID_STATE`: The report’s status does not allow this: only a submitted report is accepted or returned, only a returned one resubmitted.
             *     - `OUTCOME.PROJECT_NOT_REPORTABLE`: The project’s status does not allow this report or story (a final report needs a funded project).
             */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request body is too large:
             *
             *     - `REQUEST.BODY_TOO_LARGE`: The request body is larger than this instance accepts.
             */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The body is not of a media type this endpoint accepts:
             *
             *     - `REQUEST.UNSUPPORTED_MEDIA_TYPE`: The body’s Content-Type is not one this operation accepts.
             */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    returnOutcomeReport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description What the initiative should answer or correct before resubmitting */
                    questions: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OutcomeReport"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request conflicts with the current state:
             *
             *     - `OUTCOME.INVALID_STATE`: The report’s status does not allow this: only a submitted report is accepted or returned, only a returned one resubmitted.
             */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request body is too large:
             *
             *     - `REQUEST.BODY_TOO_LARGE`: The request body is larger than this instance accepts.
             */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The body is not of a media type this endpoint accepts:
             *
             *     - `REQUEST.UNSUPPORTED_MEDIA_TYPE`: The body’s Content-Type is not one this operation accepts.
             */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listProjectStories: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Story"][];
                        /** @description Pass as `cursor` for the next page; null on the last page */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    submitStory: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    title: string;
                    /** @description No names or other details by which a person can be recognised */
                    text: string;
                    /**
                     * @description The people in the story consented to its publication
                     * @enum {boolean}
                     */
                    consent: true;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Story"];
                };
            };
            /**
             * @description The request is malformed or fails validation:
             *
             *     - `OUTCOME.PERSONAL_DATA`: Free text contains personal data such as an e-mail address, phone number, BSN, IBAN, postcode, street address or date of birth; `errors` names the fields.
             */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request conflicts with the current state:
             *
             *     - `OUTCOME.PROJECT_NOT_REPORTABLE`: The project’s status does not allow this report or story (a final report needs a funded project).
             */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request body is too large:
             *
             *     - `REQUEST.BODY_TOO_LARGE`: The request body is larger than this instance accepts.
             */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The body is not of a media type this endpoint accepts:
             *
             *     - `REQUEST.UNSUPPORTED_MEDIA_TYPE`: The body’s Content-Type is not one this operation accepts.
             */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listSubmittedStories: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Story"][];
                        /** @description Pass as `cursor` for the next page; null on the last page */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    publishStory: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["EmptyBodyInput"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Story"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request conflicts with the current state:
             *
             *     - `STORY.INVALID_STATE`: The story has already been published or rejected.
             */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request body is too large:
             *
             *     - `REQUEST.BODY_TOO_LARGE`: The request body is larger than this instance accepts.
             */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The body is not of a media type this endpoint accepts:
             *
             *     - `REQUEST.UNSUPPORTED_MEDIA_TYPE`: The body’s Content-Type is not one this operation accepts.
             */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    rejectStory: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Story"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request conflicts with the current state:
             *
             *     - `STORY.INVALID_STATE`: The story has already been published or rejected.
             */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request body is too large:
             *
             *     - `REQUEST.BODY_TOO_LARGE`: The request body is larger than this instance accepts.
             */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The body is not of a media type this endpoint accepts:
             *
             *     - `REQUEST.UNSUPPORTED_MEDIA_TYPE`: The body’s Content-Type is not one this operation accepts.
             */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listContracts: {
        parameters: {
            query?: {
                /** @description Page size, 1–100 */
                limit?: number;
                /** @description Opaque cursor from the previous page */
                cursor?: string;
                status?: "open" | "closed";
                supplierId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContractPage"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createContract: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateContractInput"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedContract"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request conflicts with the current state:
             *
             *     - `CONTRACT.REFERENCE_TAKEN`: The authority already has a contract with this reference.
             *     - `CONTRACT.SUPPLIER_EMAIL_TAKEN`: The supplier’s contact e-mail address belongs to a user of another organisation.
             *     - `CONTRACT.CONCURRENT_SUPPLIER`: The supplier was registered by another request at the same moment; try again.
             */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request body is too large:
             *
             *     - `REQUEST.BODY_TOO_LARGE`: The request body is larger than this instance accepts.
             */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The body is not of a media type this endpoint accepts:
             *
             *     - `REQUEST.UNSUPPORTED_MEDIA_TYPE`: The body’s Content-Type is not one this operation accepts.
             */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request is well-formed but cannot be processed:
             *
             *     - `CONTRACT.NOT_A_SUPPLIER`: The organisation with this KvK number is registered, but not as a supplier.
             *     - `CONTRACT.SUPPLIER_DETAILS_REQUIRED`: No supplier with this KvK number is registered; give its name and contact e-mail address to invite it.
             */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    exportContracts: {
        parameters: {
            query?: {
                /** @description csv: standard CSV; csv-nl: CSV as Dutch Excel opens it (semicolon, decimal comma); xlsx */
                format?: "csv" | "csv-nl" | "xlsx";
                /** @description Language of headers and labels; without it Accept-Language decides, else Dutch */
                lang?: "nl" | "en";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description CSV (UTF-8 with BOM) or XLSX */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "text/csv; charset=utf-8": string;
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": Blob;
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    findContractSupplier: {
        parameters: {
            query: {
                /** @description KvK number, 8 digits */
                kvkNumber: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplierLookup"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getContract: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Contract"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateContract: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateContractInput"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Contract"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request conflicts with the current state:
             *
             *     - `CONTRACT.CLOSED`: The contract is closed: it cannot be changed and takes no new claims.
             *     - `CONTRACT.REFERENCE_TAKEN`: The authority already has a contract with this reference.
             *     - `CONTRACT.OBLIGATION_BELOW_COUNTED`: The obligation would become smaller than what approved claims already count toward it (`countedCents`).
             */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request body is too large:
             *
             *     - `REQUEST.BODY_TOO_LARGE`: The request body is larger than this instance accepts.
             */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The body is not of a media type this endpoint accepts:
             *
             *     - `REQUEST.UNSUPPORTED_MEDIA_TYPE`: The body’s Content-Type is not one this operation accepts.
             */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    closeContract: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["EmptyBodyInput"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Contract"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request conflicts with the current state:
             *
             *     - `CONTRACT.PENDING_CLAIMS`: The contract cannot be closed while a claim on it waits for a decision.
             *     - `CONTRACT.CLOSED`: The contract is closed: it cannot be changed and takes no new claims.
             */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request body is too large:
             *
             *     - `REQUEST.BODY_TOO_LARGE`: The request body is larger than this instance accepts.
             */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The body is not of a media type this endpoint accepts:
             *
             *     - `REQUEST.UNSUPPORTED_MEDIA_TYPE`: The body’s Content-Type is not one this operation accepts.
             */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listContractEvents: {
        parameters: {
            query?: {
                /** @description Page size, 1–100 */
                limit?: number;
                /** @description Opaque cursor from the previous page */
                cursor?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditEventPage"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listObligations: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ObligationList"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listClaims: {
        parameters: {
            query?: {
                /** @description Page size, 1–100 */
                limit?: number;
                /** @description Opaque cursor from the previous page */
                cursor?: string;
                status?: components["schemas"]["ClaimStatusInput"];
                contractId?: string;
                certificateId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClaimPage"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createClaim: {
        parameters: {
            query?: never;
            header: {
                /** @description Required. A unique key per intended claim; a repeat with the same key and body answers the first claim again, the same key with another body 422. */
                "idempotency-key": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateClaimInput"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Claim"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request conflicts with the current state:
             *
             *     - `CLAIM.CERTIFICATE_NOT_ACTIVE`: The certificate is suspended or revoked; only an active certificate can be claimed.
             *     - `CLAIM.REFUND_PENDING`: A refund of the order the certificate was issued for is under way; try again once it is settled.
             *     - `CLAIM.CREDITS_UNAVAILABLE`: Fewer credits of the certificate are free than claimed (`available` says how many); a credit counts in one pending or approved claim only.
             *     - `CLAIM.CREDITS_NOT_ACCEPTED`: The authority does not accept credits toward this obligation.
             *     - `CLAIM.CREDIT_SHARE_CAP`: The claim would pass the share of the obligation that credits may fill (`remainingCapCents` says what is left).
             *     - `CONTRACT.CLOSED`: The contract is closed: it cannot be changed and takes no new claims.
             */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After-If-In-Progress"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request body is too large:
             *
             *     - `REQUEST.BODY_TOO_LARGE`: The request body is larger than this instance accepts.
             */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The body is not of a media type this endpoint accepts:
             *
             *     - `REQUEST.UNSUPPORTED_MEDIA_TYPE`: The body’s Content-Type is not one this operation accepts.
             */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request is well-formed but cannot be processed:
             *
             *     - `IDEMPOTENCY.KEY_REUSED`: The Idempotency-Key was already used for a different request; use a new key for a new request.
             */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    previewClaim: {
        parameters: {
            query: {
                /** @description One of the supplier’s own certificates */
                certificateId: string;
                /** @description One of the supplier’s own contracts */
                contractId: string;
                /** @description How many credits to claim; default: as many as still count (`suggestedCredits`), at least 1 */
                credits?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClaimPreview"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    exportClaims: {
        parameters: {
            query?: {
                /** @description csv: standard CSV; csv-nl: CSV as Dutch Excel opens it (semicolon, decimal comma); xlsx */
                format?: "csv" | "csv-nl" | "xlsx";
                /** @description Language of headers and labels; without it Accept-Language decides, else Dutch */
                lang?: "nl" | "en";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description CSV (UTF-8 with BOM) or XLSX */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "text/csv; charset=utf-8": string;
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": Blob;
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getClaim: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Claim"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    approveClaim: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ClaimApprovalInput"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Claim"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request conflicts with the current state:
             *
             *     - `CLAIM.NOT_PENDING`: The claim has already been decided.
             *     - `CLAIM.CERTIFICATE_NOT_ACTIVE`: The certificate is suspended or revoked; only an active certificate can be claimed.
             *     - `CLAIM.REFUND_PENDING`: A refund of the order the certificate was issued for is under way; try again once it is settled.
             *     - `CLAIM.CREDITS_NOT_ACCEPTED`: The authority does not accept credits toward this obligation.
             *     - `CLAIM.CREDIT_SHARE_CAP`: The claim would pass the share of the obligation that credits may fill (`remainingCapCents` says what is left).
             */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request body is too large:
             *
             *     - `REQUEST.BODY_TOO_LARGE`: The request body is larger than this instance accepts.
             */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The body is not of a media type this endpoint accepts:
             *
             *     - `REQUEST.UNSUPPORTED_MEDIA_TYPE`: The body’s Content-Type is not one this operation accepts.
             */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    rejectClaim: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ClaimReasonInput"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Claim"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request conflicts with the current state:
             *
             *     - `CLAIM.NOT_PENDING`: The claim has already been decided.
             */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request body is too large:
             *
             *     - `REQUEST.BODY_TOO_LARGE`: The request body is larger than this instance accepts.
             */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The body is not of a media type this endpoint accepts:
             *
             *     - `REQUEST.UNSUPPORTED_MEDIA_TYPE`: The body’s Content-Type is not one this operation accepts.
             */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    withdrawClaimApproval: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ClaimReasonInput"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Claim"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request conflicts with the current state:
             *
             *     - `CLAIM.NOT_APPROVED`: Only an approved claim can be withdrawn.
             */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request body is too large:
             *
             *     - `REQUEST.BODY_TOO_LARGE`: The request body is larger than this instance accepts.
             */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The body is not of a media type this endpoint accepts:
             *
             *     - `REQUEST.UNSUPPORTED_MEDIA_TYPE`: The body’s Content-Type is not one this operation accepts.
             */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listWebhookEndpoints: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpointList"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateWebhookEndpointInput"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedWebhookEndpoint"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request body is too large:
             *
             *     - `REQUEST.BODY_TOO_LARGE`: The request body is larger than this instance accepts.
             */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The body is not of a media type this endpoint accepts:
             *
             *     - `REQUEST.UNSUPPORTED_MEDIA_TYPE`: The body’s Content-Type is not one this operation accepts.
             */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request is well-formed but cannot be processed:
             *
             *     - `WEBHOOK_ENDPOINT.TARGET_REFUSED`: The endpoint URL is not a safe target (https, no credentials, public addresses only); `reason` says which rule it broke.
             */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpoint"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpoint"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["UpdateWebhookEndpointInput"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpoint"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request body is too large:
             *
             *     - `REQUEST.BODY_TOO_LARGE`: The request body is larger than this instance accepts.
             */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The body is not of a media type this endpoint accepts:
             *
             *     - `REQUEST.UNSUPPORTED_MEDIA_TYPE`: The body’s Content-Type is not one this operation accepts.
             */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request is well-formed but cannot be processed:
             *
             *     - `WEBHOOK_ENDPOINT.TARGET_REFUSED`: The endpoint URL is not a safe target (https, no credentials, public addresses only); `reason` says which rule it broke.
             */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    rotateWebhookSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["EmptyBodyInput"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RotatedWebhookSecret"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request body is too large:
             *
             *     - `REQUEST.BODY_TOO_LARGE`: The request body is larger than this instance accepts.
             */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The body is not of a media type this endpoint accepts:
             *
             *     - `REQUEST.UNSUPPORTED_MEDIA_TYPE`: The body’s Content-Type is not one this operation accepts.
             */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listWebhookDeliveries: {
        parameters: {
            query?: {
                /** @description Page size, 1–100 */
                limit?: number;
                /** @description Opaque cursor from the previous page */
                cursor?: string;
                status?: components["schemas"]["WebhookDeliveryStatusInput"];
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDeliveryPage"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getWebhookDelivery: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                deliveryId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDeliveryDetail"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    redeliverWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                deliveryId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["EmptyBodyInput"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDeliveryDetail"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request conflicts with the current state:
             *
             *     - `WEBHOOK_DELIVERY.IN_PROGRESS`: The delivery is still being tried (pending); only a delivery that succeeded or was given up can be sent again.
             */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request body is too large:
             *
             *     - `REQUEST.BODY_TOO_LARGE`: The request body is larger than this instance accepts.
             */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The body is not of a media type this endpoint accepts:
             *
             *     - `REQUEST.UNSUPPORTED_MEDIA_TYPE`: The body’s Content-Type is not one this operation accepts.
             */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getNotificationPreferences: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationPreferences"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateNotificationPreferences: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateNotificationPreferencesInput"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationPreferences"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The request body is too large:
             *
             *     - `REQUEST.BODY_TOO_LARGE`: The request body is larger than this instance accepts.
             */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description The body is not of a media type this endpoint accepts:
             *
             *     - `REQUEST.UNSUPPORTED_MEDIA_TYPE`: The body’s Content-Type is not one this operation accepts.
             */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; quote the requestId when reporting it */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
}
