/**
 * The page table: path, page, who sees it, and its place in the navigation. The review workflow's pages
 * ("My assignments", rating-scale admin) slot in as rows here; the claim panel's sections in panel/sections.ts.
 */
import type { FunctionComponent } from 'preact';
import type { Role } from './api/types';
import type { Params } from './lib/routing';
import { ArticlePage } from './pages/ArticlePage';
import { ArticlesPage } from './pages/ArticlesPage';
import { QueuePage } from './pages/QueuePage';
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
  { path: '/queue', page: QueuePage, nav: 'Desk queue', section: 'queue' },
  { path: '/admin/users', page: UsersPage, nav: 'Users', roles: ['admin'], section: 'users' },
];

/** Where each navigation entry points. */
export const NAV_HREF: Record<string, string> = { articles: '/', queue: '/queue', users: '/admin/users' };
