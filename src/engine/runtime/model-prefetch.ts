/**
 * A shipped model's files (model.json and its weight shards), fetched as soon
 * as the page says a widget that needs the model is near, while the backend
 * is still starting; `loadModel` then reads them from memory instead of
 * waiting for its own downloads after the backend is ready.
 */
const files = new Map<string, Promise<ArrayBuffer>>();

/** Starts downloading `<baseUrl>/<id>/` and tfjs-layers; errors are left to the real load, which fetches again. */
export function prefetchModel(id: string, baseUrl = '/models'): void {
  if (!/^[a-z0-9-]+$/.test(id)) return;
  const folder = `${baseUrl}/${id}`;
  const url = `${folder}/model.json`;
  if (files.has(url)) return;
  const json = fetchBytes(url);
  files.set(url, json);
  void import('@tensorflow/tfjs-layers').catch(() => undefined);
  void json.then((bytes) => {
    const manifest = (JSON.parse(new TextDecoder().decode(bytes)) as { weightsManifest: { paths: string[] }[] }).weightsManifest;
    for (const path of manifest.flatMap((group) => group.paths)) {
      const shard = `${folder}/${path}`;
      if (!files.has(shard)) files.set(shard, fetchBytes(shard));
    }
  }, () => files.delete(url));
}

/** `fetch` for tfjs's http loader: a prefetched file from memory (each file once), anything else from the network. */
export async function prefetchedFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  const bytes = files.get(url);
  if (!bytes) return fetch(input, init);
  files.delete(url);
  try {
    return new Response(await bytes, { status: 200 });
  } catch {
    return fetch(input, init);
  }
}

async function fetchBytes(url: string): Promise<ArrayBuffer> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.arrayBuffer();
}
