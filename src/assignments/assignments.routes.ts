/**
 * Assignments: editors assign reviewers (or editors) to a claim with an optional due date, and remove them while
 * they have not submitted. Who is assigned shows in the claim detail; each user lists their own assignments.
 */
import { editors, signedIn } from '../http/access';
import { IdParams } from '../http/common-schemas';
import { defineRoute, noContent, ok } from '../http/route';
import { pageOf } from '../openapi/registry';
import { presentAssignment } from './assignments.presenter';
import { AssignBody, AssignmentParams, AssignmentResponse, MyAssignmentResponse, MyAssignmentsQuery } from './assignments.schema';

export const assignmentRoutes = [
  defineRoute({
    method: 'post',
    path: '/api/claims/:id/assignments',
    operationId: 'assignReviewer',
    tags: ['Assignments'],
    summary: 'Assign a reviewer (or an editor) to a claim, or change their due date',
    description:
      'The first assignment moves an unreviewed claim to in_review. Assigning someone already assigned changes the due ' +
      'date (200). Refused with 409 CLAIM_DECIDED once the claim is approved or later.',
    access: editors,
    errors: [409],
    request: { params: IdParams, body: AssignBody },
    responses: {
      201: { description: 'Assigned', schema: AssignmentResponse },
      200: { description: 'Already assigned; the due date is as sent', schema: AssignmentResponse },
    },
    handler: async ({ params, body, actor, services }) => {
      const { assignment, created } = await services.assignments.assign(params.id, body, actor);
      return { status: created ? 201 : 200, body: presentAssignment(assignment) };
    },
  }),
  defineRoute({
    method: 'delete',
    path: '/api/claims/:id/assignments/:reviewerId',
    operationId: 'unassignReviewer',
    tags: ['Assignments'],
    summary: 'Remove an assignee who has not submitted (their draft verdict goes too)',
    access: editors,
    errors: [409],
    request: { params: AssignmentParams },
    responses: { 204: { description: 'Removed' } },
    handler: async ({ params, actor, services }) => {
      await services.assignments.unassign(params.id, params.reviewerId, actor);
      return noContent();
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/me/assignments',
    operationId: 'listMyAssignments',
    tags: ['Assignments'],
    summary: 'My assignments, due soonest first',
    description: '`?pending=true` for those still waiting for my verdict, `?overdue=true` for those past due.',
    access: signedIn,
    request: { query: MyAssignmentsQuery },
    responses: { 200: { description: 'A page of assignments', schema: pageOf(MyAssignmentResponse) } },
    handler: async ({ query, actor, services }) => ok(await services.assignments.mine(actor, query)),
  }),
];
