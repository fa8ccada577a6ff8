// Who may see and change a saved item (selection, attention area, presentation): its owner and a
// beheerder change it; others see it only when it is shared. Items saved before owners were recorded
// (createdBy null) stay readable as they were, and only a beheerder changes them.
import type { Principal } from './roles.ts';

export interface Owned {
  createdBy: string | null;
  shared: boolean;
}

const isOwner = (p: Principal, item: Owned) =>
  item.createdBy !== null && p.username !== null && item.createdBy.toLowerCase() === p.username.toLowerCase();

export function mayReadItem(p: Principal, item: Owned): boolean {
  return item.shared || p.role === 'beheerder' || isOwner(p, item);
}

export function mayChangeItem(p: Principal, item: Owned): boolean {
  return p.role === 'beheerder' || isOwner(p, item);
}
