import type { ComponentChildren } from 'preact';
import { onLinkClick } from '../router';

interface Props {
  href: string;
  class?: string;
  current?: boolean;
  children: ComponentChildren;
}

/** An in-app link: navigates with the history API, keeps middle-click and ctrl-click. */
export function Link({ href, class: className, current, children }: Props) {
  return (
    <a href={href} class={className} aria-current={current ? 'page' : undefined} onClick={onLinkClick}>
      {children}
    </a>
  );
}
