import type { KudosMention } from '../../api/types';
import { formatDay } from '../../format';

/** One customer's words about one person; printed one per page, to paste up. */
export function ComplimentCard({ mention: m, staff }: { mention: KudosMention; staff: string }) {
  return (
    <figure class="compliment card">
      <p class="print-only compliment-for">
        For <strong>{staff}</strong>
        {m.brand ? ` · ${m.brand}` : ''}
      </p>
      <blockquote>{m.text}</blockquote>
      <figcaption>
        — @{m.authorHandle}, <time dateTime={m.postedAt}>{formatDay(m.postedAt)}</time>
        {m.url && (
          <>
            {' · '}
            <a href={m.url} target="_blank" rel="noopener noreferrer" class="no-print">
              View post<span class="visually-hidden"> (opens in a new tab)</span>
            </a>
          </>
        )}
      </figcaption>
    </figure>
  );
}
