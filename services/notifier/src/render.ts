/** A stored event as it goes over the wire, in the subscription's format. */
export interface EventEnvelope {
  id: string;
  type: string;
  createdAt: string;
  data: Record<string, unknown>;
}

interface MentionLike {
  brand?: string;
  label?: string;
  text?: string;
  url?: string;
  status?: string;
  previousStatus?: string;
  author?: { handle?: string; followers?: number };
}

// Slack's mrkdwn treats these three as control characters.
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function mentionLine(type: string, m: MentionLike): string {
  const who = `@${esc(m.author?.handle ?? 'someone')}`;
  const brand = m.brand ? ` for ${esc(m.brand)}` : '';
  const link = m.url ? ` <${m.url}|view>` : '';
  const quote = `“${esc((m.text ?? '').slice(0, 500))}”`;
  if (type === 'mention.status_changed')
    return `Mention by ${who}${brand} moved from ${m.previousStatus} to *${m.status}*: ${quote}${link}`;
  if (type === 'mention.complaint') return `:warning: Complaint${brand} from ${who}: ${quote}${link}`;
  if (type === 'webhook.test') return `:white_check_mark: Test event from Good Chatter: ${quote}`;
  return `:tada: Praise${brand} from ${who}: ${quote}${link}`;
}

/** A Slack incoming-webhook body: `text` is all Slack needs. */
function slackBody(e: EventEnvelope): { text: string } {
  if (e.type === 'mention.digest') {
    const events = (e.data.events ?? []) as EventEnvelope[];
    const lines = events.slice(0, 50).map((x) => `• ${mentionLine(x.type, x.data as MentionLike)}`);
    const more = events.length > 50 ? `\n…and ${events.length - 50} more` : '';
    return { text: `*${events.length} new mentions*\n${lines.join('\n')}${more}` };
  }
  return { text: mentionLine(e.type, e.data as MentionLike) };
}

export const renderBody = (format: string, e: EventEnvelope): string =>
  JSON.stringify(format === 'slack' ? slackBody(e) : e);
