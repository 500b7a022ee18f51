// The invite link: /r/<id>#k=<room key>. The key rides in the fragment, which browsers never send to a
// server, so no request line or log holds it; fields are read by name, like the device link's.

/** A room key as it travels: 32 bytes of base64url, no padding. */
const KEY = /^[A-Za-z0-9_-]{43}$/;

export function roomLink(origin: string, roomId: string, key: string): string {
  return `${origin}/r/${roomId}#${new URLSearchParams({ k: key }).toString()}`;
}

/**
 * The room key a fragment carries (with or without its '#'): 'none' when it carries no key field at all,
 * 'malformed' when the field is there but cut short or changed. Unknown fields are left alone.
 */
export function readKeyFragment(fragment: string): { key: string } | 'none' | 'malformed' {
  const key = new URLSearchParams(fragment.startsWith('#') ? fragment.slice(1) : fragment).get('k');
  if (key === null) return 'none';
  return KEY.test(key) ? { key } : 'malformed';
}

export function isKeyText(text: unknown): text is string {
  return typeof text === 'string' && KEY.test(text);
}
