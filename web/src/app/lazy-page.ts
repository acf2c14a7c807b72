import { lazy, type ComponentType } from 'react';
import { loadMessages, type Feature } from '../i18n';

/**
 * A page as its own lazily loaded chunk, like React's `lazy`, that also loads the messages of
 * the features it shows (web/src/features/<feature>/messages.<lang>.json) in the current
 * language: the page renders once both are there, never with untranslated keys. Name every
 * feature whose sections the page (or a component it uses) reads.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the same bound as React's lazy
export function lazyPage<T extends ComponentType<any>>(
  load: () => Promise<{ default: T }>,
  features: readonly Feature[],
) {
  return lazy(async () => {
    const [page] = await Promise.all([load(), loadMessages(features)]);
    return page;
  });
}
