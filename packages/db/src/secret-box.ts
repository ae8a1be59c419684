import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * Webhook signing secrets at rest: AES-256-GCM under GOODCHATTER_SECRET_KEY (32 bytes,
 * base64 or hex), stored as `gcenc:v1:<key id>:<iv>:<tag>:<ciphertext>`. The key id (first
 * bytes of the key's SHA-256) says which key sealed a value, so a rotation can keep the
 * old key in GOODCHATTER_SECRET_KEY_PREVIOUS (comma-separated) until every row has been
 * re-sealed (`resealWebhookSecrets`, run with the migrations at every start). Without a
 * key, secrets are stored as they are (development); rows stored that way are sealed at
 * the first start with a key.
 */
export interface SecretKeys {
  current?: string;
  previous?: string[];
}

interface Key {
  id: string;
  bytes: Buffer;
}

const PREFIX = 'gcenc:v1:';

function parseKey(value: string, variable: string): Key {
  const v = value.trim();
  const bytes = /^[0-9a-f]{64}$/i.test(v) ? Buffer.from(v, 'hex') : Buffer.from(v, 'base64');
  if (bytes.length !== 32) throw new Error(`${variable}: must be 32 bytes, as 64 hex digits or base64`);
  return { id: createHash('sha256').update(bytes).digest('hex').slice(0, 8), bytes };
}

class Keyring {
  readonly current?: Key;
  private readonly byId = new Map<string, Key>();
  constructor(keys: SecretKeys) {
    if (keys.current) this.current = parseKey(keys.current, 'GOODCHATTER_SECRET_KEY');
    for (const k of [this.current, ...(keys.previous ?? []).map((p) => parseKey(p, 'GOODCHATTER_SECRET_KEY_PREVIOUS'))])
      if (k) this.byId.set(k.id, k);
  }
  key(id: string) {
    return this.byId.get(id);
  }
}

let keyring: Keyring | undefined;

const fromEnv = (env = process.env): SecretKeys => ({
  current: env.GOODCHATTER_SECRET_KEY || undefined,
  previous: env.GOODCHATTER_SECRET_KEY_PREVIOUS?.split(',').filter((s) => s.trim() !== ''),
});

/** Sets the keys explicitly (tests); otherwise they are read from the environment on first use. */
export function useSecretKeys(keys: SecretKeys): void {
  keyring = new Keyring(keys);
}

const ring = () => {
  keyring ??= new Keyring(fromEnv());
  return keyring;
};

/** Seals a secret for storage (as it is when no key is configured). */
export function sealSecret(plain: string): string {
  const key = ring().current;
  if (!key) return plain;
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key.bytes, iv);
  const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  const parts = [iv, cipher.getAuthTag(), ct].map((b) => b.toString('base64url'));
  return `${PREFIX}${key.id}:${parts.join(':')}`;
}

export const isSealed = (stored: string) => stored.startsWith(PREFIX);

/** The secret a stored value holds; throws when it was sealed under a key we do not have. */
export function openSecret(stored: string): string {
  if (!isSealed(stored)) return stored;
  const [id = '', iv = '', tag = '', ct = ''] = stored.slice(PREFIX.length).split(':');
  const key = ring().key(id);
  if (!key) throw new Error(`webhook secret sealed under key ${id}, which is not configured`);
  const decipher = createDecipheriv('aes-256-gcm', key.bytes, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString('utf8');
}

/** True when a stored value should be sealed again: plain, or sealed under an older key. */
export function needsReseal(stored: string): boolean {
  const key = ring().current;
  if (!key) return false;
  return !stored.startsWith(`${PREFIX}${key.id}:`);
}
