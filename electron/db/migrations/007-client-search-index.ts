import type { Migration } from './index';

// Client search as an indexed lookup (issue 17). Filled in below.
export const clientSearchIndex: Migration = {
  version: 7,
  name: 'client search index',
  up() {},
};
