/**
 * The page table: path, page, who sees it, and its place in the navigation. The claim panel's sections are in
 * panel/sections.tsx.
 */
import type { FunctionComponent } from 'preact';
import type { Role } from './api/types';
import type { Params } from './lib/routing';
import { ArticlePage } from './pages/ArticlePage';
import { ArticlesPage } from './pages/ArticlesPage';
import { MyAssignmentsPage } from './pages/MyAssignmentsPage';
import { QueuePage } from './pages/QueuePage';
import { ScalesPage } from './pages/ScalesPage';
import { UsersPage } from './pages/UsersPage';

export interface PageProps {
  params: Params;
  query: URLSearchParams;
}

export interface PageRoute {
  path: string;
  page: FunctionComponent<PageProps>;
  /** Label in the top navigation; pages without one are reached by links. */
  nav?: string;
  /** Roles that may open the page (all signed-in users when absent). */
  roles?: readonly Role[];
  /** Which navigation entry is current on this page. */
  section: string;
}

export const PAGES: readonly PageRoute[] = [
  { path: '/', page: ArticlesPage, nav: 'Articles', section: 'articles' },
  { path: '/articles', page: ArticlesPage, section: 'articles' },
  { path: '/articles/:id', page: ArticlePage, section: 'articles' },
  { path: '/assignments', page: MyAssignmentsPage, nav: 'My assignments', section: 'assignments' },
  { path: '/queue', page: QueuePage, nav: 'Desk queue', section: 'queue' },
  { path: '/admin/scales', page: ScalesPage, nav: 'Rating scales', roles: ['admin'], section: 'scales' },
  { path: '/admin/users', page: UsersPage, nav: 'Users', roles: ['admin'], section: 'users' },
];

/** Where each navigation entry points. */
export const NAV_HREF: Record<string, string> = { articles: '/', assignments: '/assignments', queue: '/queue', scales: '/admin/scales', users: '/admin/users' };
