import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROUTES } from '../../src/routes';

/** The README's API table names every route of the route table, so the docs a newcomer reads cannot fall behind. */
describe('README API table', () => {
  const readme = readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');

  it.each(ROUTES.map((route) => `${route.method.toUpperCase()} ${route.path}`))('lists %s', (route) => {
    expect(readme).toContain(route);
  });
});
