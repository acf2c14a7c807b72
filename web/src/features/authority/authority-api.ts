import { useQuery } from '@tanstack/react-query';
import type { components } from '../../../../openapi/api.d.ts';
import { api, ApiError, call } from '../../api/client';
import type { Me } from '../../auth/session';

/** The authority's contracts and claims, through the typed client (see docs/web-authority.md). */
export type Contract = components['schemas']['Contract'];
export type Claim = components['schemas']['Claim'];
export type AuditEvent = components['schemas']['AuditEvent'];
export type Verification = components['schemas']['CertificateVerification'];

export const isAuthority = (me: Me) => me.organisation.kind === 'authority';
/** Coordinators act on contracts and claims; viewers only read (the API refuses them too). */
export const isCoordinator = (me: Me) => isAuthority(me) && me.user.role === 'coordinator';

export function useContracts(me: Me) {
  return useQuery({
    queryKey: [me.user.id, 'contracts', 'all'],
    queryFn: async () =>
      (await call(() => api.GET('/v1/contracts', { params: { query: { limit: 100 } } }))).items,
  });
}

export function useContract(me: Me, id: string) {
  return useQuery({
    queryKey: [me.user.id, 'contract', id],
    queryFn: () => call(() => api.GET('/v1/contracts/{id}', { params: { path: { id } } })),
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
  });
}

export function useContractClaims(me: Me, contractId: string) {
  return useQuery({
    queryKey: [me.user.id, 'claims', 'contract', contractId],
    queryFn: async () =>
      (await call(() => api.GET('/v1/claims', { params: { query: { contractId, limit: 100 } } })))
        .items,
  });
}

/** The contract's audit trail; only its authority (and platform admins) may read it. */
export function useContractEvents(me: Me, contractId: string) {
  return useQuery({
    queryKey: [me.user.id, 'contract-events', contractId],
    enabled: isAuthority(me),
    queryFn: async () =>
      (
        await call(() =>
          api.GET('/v1/contracts/{id}/events', {
            params: { path: { id: contractId }, query: { limit: 100 } },
          }),
        )
      ).items,
  });
}

/** The names of the people of the caller's own organisation, to say who did what. */
export function useOwnPeople(me: Me) {
  return useQuery({
    queryKey: [me.user.id, 'own-users'],
    enabled: isAuthority(me),
    staleTime: 5 * 60_000,
    queryFn: async () =>
      (
        await call(() =>
          api.GET('/v1/organisations/{id}/users', {
            params: { path: { id: me.organisation.id } },
          }),
        )
      ).items,
  });
}

/** The verification code at the end of a certificate's public verification link. */
export function verificationCodeOf(url: string): string {
  return decodeURIComponent(url.replace(/\/+$/, '').split('/').pop() ?? '');
}

/** The certificate's status as public verification answers it now (not as the claim remembers it). */
export function useLiveVerification(claim: Claim) {
  const code = verificationCodeOf(claim.certificate.verificationUrl);
  return useQuery({
    queryKey: ['verify', code],
    staleTime: 30_000,
    queryFn: () => call(() => api.GET('/v1/verify/{code}', { params: { path: { code } } })),
  });
}

/**
 * Euros as people type them ("1.250", "1250,50", "€ 1 250") into whole cents; undefined
 * when it is not an amount. A comma is the decimal sign; a dot before three digits at the
 * end is a thousands separator, otherwise a decimal point.
 */
export function parseEuros(input: string): number | undefined {
  let text = input.replace(/[€\s\u00a0]/g, '').replace(/^EUR/i, '');
  if (text === '') return undefined;
  if (text.includes(',')) text = text.replace(/\./g, '').replace(',', '.');
  else if (/\.\d{3}$/.test(text) || (text.match(/\./g) ?? []).length > 1)
    text = text.replace(/\./g, '');
  if (!/^\d+(\.\d{1,2})?$/.test(text)) return undefined;
  const [whole = '0', fraction = ''] = text.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

/** Cents to edit in a text field: "1250" or "1250,50" (no thousands separator). */
export function eurosForInput(cents: number): string {
  const whole = Math.floor(cents / 100);
  const rest = cents % 100;
  return rest === 0 ? String(whole) : `${whole},${String(rest).padStart(2, '0')}`;
}

/** A percentage as people type it ("5", "2,5", "12.5 %") into basis points; undefined otherwise. */
export function parsePercentage(input: string): number | undefined {
  const text = input.replace(/[%\s\u00a0]/g, '').replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(text)) return undefined;
  return Math.round(Number(text) * 100);
}

/** Basis points to edit as a percentage: 500 → "5", 250 → "2,5". */
export function percentageForInput(bp: number): string {
  const whole = Math.floor(bp / 100);
  const rest = bp % 100;
  if (rest === 0) return String(whole);
  return `${whole},${String(rest).padStart(2, '0').replace(/0$/, '')}`;
}

/**
 * What the obligation will be, shown while the coordinator types: the percentage of the
 * contract value, half up to whole cents, as the API computes and stores it (the API's
 * answer is what counts).
 */
export function obligationPreview(valueCents: number, percentageBp: number): number {
  return Math.floor((valueCents * percentageBp + 5_000) / 10_000);
}

/** A TenderNed publication as the API accepts it; the error key for the field otherwise. */
export function checkTenderNed(
  reference: string,
  url: string,
): {
  reference?: 'tenderReference' | 'tenderBoth';
  url?: 'tenderUrl' | 'tenderUrlNumber' | 'tenderBoth';
} {
  const ref = reference.trim();
  const link = url.trim();
  if (!ref && !link) return {};
  if (!ref) return { reference: 'tenderBoth' };
  if (!link) return { url: 'tenderBoth' };
  const result: ReturnType<typeof checkTenderNed> = {};
  if (!/^[0-9]{4,9}$/.test(ref)) result.reference = 'tenderReference';
  let parsed: URL | undefined;
  try {
    parsed = new URL(link);
  } catch {
    parsed = undefined;
  }
  if (
    !parsed ||
    parsed.protocol !== 'https:' ||
    !['tenderned.nl', 'www.tenderned.nl'].includes(parsed.hostname) ||
    parsed.port !== '' ||
    parsed.username ||
    parsed.password
  )
    result.url = 'tenderUrl';
  else if (!result.reference && !parsed.pathname.split('/').includes(ref))
    result.url = 'tenderUrlNumber';
  return result;
}
