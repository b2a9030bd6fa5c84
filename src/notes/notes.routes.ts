/** Desk notes on a claim: everyone signed in reads and writes them; they are never public. */
import { signedIn } from '../http/access';
import { IdParams } from '../http/common-schemas';
import { created, defineRoute, ok } from '../http/route';
import { pageOf } from '../openapi/registry';
import { AddNoteBody, ListNotesQuery, NoteResponse } from './notes.schema';
import { presentNote } from './notes.service';

export const noteRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/claims/:id/notes',
    operationId: 'listClaimNotes',
    tags: ['Notes'],
    summary: "A claim's desk notes, oldest first",
    access: signedIn,
    request: { params: IdParams, query: ListNotesQuery },
    responses: { 200: { description: 'A page of notes', schema: pageOf(NoteResponse) } },
    handler: async ({ params, query, services }) => {
      await services.claims.access(params.id);
      return ok(await services.notes.list(params.id, query));
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/claims/:id/notes',
    operationId: 'addClaimNote',
    tags: ['Notes'],
    summary: 'Add a desk note to a claim (never public)',
    access: signedIn,
    request: { params: IdParams, body: AddNoteBody },
    responses: { 201: { description: 'Added', schema: NoteResponse } },
    handler: async ({ params, body, actor, services }) => {
      const note = await services.notes.add(params.id, body.body, actor);
      return created(presentNote(note), `/api/claims/${params.id}/notes`);
    },
  }),
];
