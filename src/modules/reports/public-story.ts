import { z } from 'zod';

/**
 * A published story as the public reads it: in a project's public report and in the
 * outcomes module's list of stories. Here, below outcomes, so both can use it.
 */
export const PublicStorySchema = z
  .object({
    id: z.uuid(),
    projectId: z.uuid(),
    projectTitle: z.string(),
    title: z.string(),
    text: z.string(),
    publishedAt: z.string(),
  })
  .meta({ id: 'PublicStory' });
export type PublicStory = z.infer<typeof PublicStorySchema>;

export function toPublicStory(row: {
  id: string;
  project_id: string;
  project_title: string;
  title: string;
  body: string;
  decided_at: Date | null;
}): PublicStory {
  return {
    id: row.id,
    projectId: row.project_id,
    projectTitle: row.project_title,
    title: row.title,
    text: row.body,
    publishedAt: row.decided_at!.toISOString(),
  };
}
