/**
 * A worked solution travels sealed (AES-GCM) so that neither the page source,
 * the DOM nor a search of the built site shows it before the reader has earned
 * it. The key is derived from the exercise's public salt: this is a seal, not
 * a secret, since a static page that can open the solution after three tries
 * holds everything needed to open it. Sealing is deterministic, so a rebuild
 * of the same lesson gives the same bytes.
 */

async function keyAndIv(salt: string): Promise<{ key: CryptoKey; iv: Uint8Array<ArrayBuffer> }> {
  const hash = async (text: string) => new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  const key = await crypto.subtle.importKey('raw', await hash(`glassbox-seal-key|${salt}`), 'AES-GCM', false, ['encrypt', 'decrypt']);
  return { key, iv: (await hash(`glassbox-seal-iv|${salt}`)).slice(0, 12) };
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

/** `text` sealed for the exercise with this salt, as base64. */
export async function seal(salt: string, text: string): Promise<string> {
  const { key, iv } = await keyAndIv(salt);
  const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(text));
  return toBase64(new Uint8Array(sealed));
}

/** The text `seal` sealed; throws when the bytes were altered (GCM checks them). */
export async function unseal(salt: string, sealed: string): Promise<string> {
  const { key, iv } = await keyAndIv(salt);
  const bytes = Uint8Array.from(atob(sealed), (c) => c.charCodeAt(0));
  return new TextDecoder().decode(await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, key, bytes));
}
