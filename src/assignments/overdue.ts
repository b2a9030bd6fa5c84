import { REVIEW_STATUSES } from '../workflow/claim-workflow';

/**
 * "This assignment is overdue": past its due date, its verdict not submitted, the claim still under review.
 * SQL over the aliases a (assignments), v (the assignee's verdict, left-joined) and c (the claim).
 */
export const OVERDUE_SQL = `(COALESCE(a.due_at < now(), false) AND (v.status IS NULL OR v.status <> 'submitted') AND c.status::text = ANY('{${REVIEW_STATUSES.join(',')}}'))`;
