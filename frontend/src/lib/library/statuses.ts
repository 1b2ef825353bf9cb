// The editorial statuses the library knows (backend/store), in workflow order.
export const statuses = ['draft', 'in_review', 'ready', 'published'] as const;
export type Status = (typeof statuses)[number];

export function isStatus(s: string): s is Status {
  return (statuses as readonly string[]).includes(s);
}
