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

/** A project's published stories, from the public story bank. */
export function useProjectStories(projectId: string) {
  return useQuery({
    queryKey: ['project', projectId, 'stories'],
    queryFn: () =>
      call(() => api.GET('/v1/stories', { params: { query: { projectId, limit: 20 } } })),
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
      body: file,
      headers: { 'content-type': 'application/pdf' },
      bodySerializer: (body) => body,
    }),
  );
}

/** The municipalities of the public projects, by name, for the catalogue's filter. */
export function useMunicipalities() {
  return useQuery({
    queryKey: ['catalogue', 'municipalities'],
    staleTime: 5 * 60_000,
    queryFn: async () => (await call(() => api.GET('/v1/municipalities'))).items,
  });
}

export type ProjectOutcomes = components['schemas']['PublicProjectOutcomes'];

/** A project's outcomes reported so far: published (rounded) counts only. */
export function useProjectOutcomes(projectId: string) {
  return useQuery({
    queryKey: ['project', projectId, 'outcomes'],
    queryFn: () =>
      call(() => api.GET('/v1/projects/{id}/outcomes', { params: { path: { id: projectId } } })),
  });
}
