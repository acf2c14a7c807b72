import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { components, operations } from '../../../openapi/api.d.ts';
import { api, call } from './client';

/** TanStack Query hooks for the public pages; every request goes through the typed client. */
export type CatalogueProject = components['schemas']['CatalogueProject'];
export type CatalogueProjectDetail = components['schemas']['CatalogueProjectDetail'];
export type CatalogueQuery = NonNullable<operations['listProjects']['parameters']['query']>;
export type Verification = components['schemas']['CertificateVerification'];
export type PdfVerification = components['schemas']['PdfVerification'];

export function useStats() {
  return useQuery({
    queryKey: ['stats'],
    queryFn: () => call(() => api.GET('/v1/stats')),
  });
}

export function useCatalogue(filters: Omit<CatalogueQuery, 'cursor'>) {
  return useInfiniteQuery({
    queryKey: ['catalogue', filters],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call(() =>
        api.GET('/v1/projects', {
          params: { query: { ...filters, ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useProject(id: string) {
  return useQuery({
    queryKey: ['project', id],
    queryFn: () => call(() => api.GET('/v1/projects/{id}', { params: { path: { id } } })),
  });
}

export function useProjectStories(id: string) {
  return useQuery({
    queryKey: ['project', id, 'stories'],
    queryFn: () => call(() => api.GET('/v1/projects/{id}/stories', { params: { path: { id } } })),
  });
}

export function useStories() {
  return useInfiniteQuery({
    queryKey: ['stories'],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call(() =>
        api.GET('/v1/stories', {
          params: { query: { limit: 20, ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function verifyCode(code: string) {
  return call(() => api.GET('/v1/verify/{code}', { params: { path: { code } } }));
}

export function verifyPdf(file: Blob) {
  return call(() =>
    api.POST('/v1/verify/pdf', {
      body: file as unknown as string,
      headers: { 'content-type': 'application/pdf' },
      bodySerializer: (body) => body as unknown as Blob,
    }),
  );
}
