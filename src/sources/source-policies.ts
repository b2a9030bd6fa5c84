import { isEditor } from '../domain/enums';
import type { Policy } from '../http/access';
import type { ClaimSourceRow } from './sources.queries';

/** The stance and excerpt of a link are edited by whoever attached the source, or by an editor. */
export const linkAuthorOrEditor: Policy<ClaimSourceRow, { id: string; sourceId: string }> = {
  name: 'linkAuthorOrEditor',
  description: 'whoever attached this source to the claim, or an editor',
  who: ['assignedReviewer', 'editor', 'admin'],
  load: (params, services) => services.sources.link(params.id, params.sourceId),
  allows: (actor, link) => isEditor(actor.role) || link.addedById === actor.userId,
};
