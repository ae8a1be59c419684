/**
 * Statuses and accounts in Mastodon's REST format (REST::StatusSerializer and
 * REST::AccountSerializer): snake_case keys, every field a client may read, nulls where
 * Mastodon sends nulls.
 */
import type { FakeAccount, FakeStatus } from './statuses.js';

function renderAccount(account: FakeAccount): Record<string, unknown> {
  return {
    id: account.id,
    username: account.username,
    acct: account.acct,
    display_name: account.displayName,
    locked: false,
    bot: false,
    discoverable: true,
    indexable: true,
    group: false,
    created_at: '2022-11-01T00:00:00.000Z',
    note: '',
    url: account.url,
    uri: account.url.replace(/\/@([^/]+)$/, '/users/$1'),
    avatar: `${account.url}/avatar.png`,
    avatar_static: `${account.url}/avatar.png`,
    header: `${account.url}/header.png`,
    header_static: `${account.url}/header.png`,
    followers_count: account.followers,
    following_count: 3,
    statuses_count: 40,
    last_status_at: '2026-01-01',
    emojis: [],
    fields: [],
  };
}

export function renderStatus(status: FakeStatus, origin: string): Record<string, unknown> {
  return {
    id: status.id,
    created_at: status.createdAt,
    in_reply_to_id: null,
    in_reply_to_account_id: null,
    sensitive: false,
    spoiler_text: '',
    visibility: status.visibility,
    language: status.language,
    uri: status.uri,
    url: status.url,
    replies_count: 0,
    reblogs_count: 0,
    favourites_count: 0,
    edited_at: null,
    content: status.content,
    reblog: status.reblog ? renderStatus(status.reblog, origin) : null,
    application: null,
    account: renderAccount(status.account),
    media_attachments: [],
    mentions: [],
    tags: status.tags.map((name) => ({ name, url: `${origin}/tags/${name}` })),
    emojis: [],
    card: null,
    poll: null,
  };
}
