/**
 * A real HTTP votes route for the element tests, served by the test runner's dev server (Koa middleware):
 * `/mock-api/<namespace>/votes` speaks protocol v1 over an in-memory store, and each test steers its own
 * namespace through `/mock-api/<namespace>/control` to answer with failures of every kind.
 *
 * Control body: `{ "get"?: Mode, "post"?: Mode, "delayMs"?: number, "retryAfter"?: string,
 * "cors"?: boolean, "seed"?: { [id]: { yes, no } } }`; `GET …/requests` lists what the route received
 * (with the mode it answered in); `GET …/counts?item=<id>` reads what the route holds for one item, whatever the
 * modes, without being listed.
 * Modes: "ok", "drop" (socket destroyed: a network error), "stall" (200 and the start of a JSON body,
 * then nothing until the namespace is next steered), "non-json", "wrong-shape", "negative", "fraction",
 * "missing-item", an HTTP status as a string ("500", "429", "400", …), `{ "redirect": url, "status"? }` (the query kept),
 * or a scripted answer `{ "status"?, "type"?, "body": Part[] }` whose parts are strings, `[text, times]`
 * repeats, and where `"$ID"` stands for the (JSON-quoted) id the request was about.
 * `"cors": true` answers as an endpoint on another origin that allows any page: preflights included.
 */
const namespaces = new Map();

function namespace(name) {
  let ns = namespaces.get(name);
  if (!ns) {
    ns = {
      get: 'ok',
      post: 'ok',
      delayMs: 0,
      retryAfter: undefined,
      cors: false,
      seeds: new Map(),
      votes: new Map(),
      requests: [],
      stalled: new Set(),
    };
    namespaces.set(name, ns);
  }
  return ns;
}

function countsOf(ns, id) {
  const seed = ns.seeds.get(id) ?? { yes: 0, no: 0 };
  const counts = { id, yes: seed.yes, no: seed.no };
  for (const [key, vote] of ns.votes) if (key.startsWith(`${id}\u0000`) && vote) counts[vote] += 1;
  return counts;
}

async function readBody(req) {
  let body = '';
  for await (const chunk of req) body += chunk;
  return body;
}

function misbehave(ctx, ns, mode, counts) {
  switch (mode) {
    case 'non-json':
      ctx.type = 'text/html';
      ctx.body = '<html>Service temporarily unavailable</html>';
      return;
    case 'wrong-shape':
      ctx.body = { count: 5 };
      return;
    case 'negative':
      ctx.body = { ...counts[0], yes: -3 };
      return;
    case 'fraction':
      ctx.body = { ...counts[0], yes: 2.5 };
      return;
    default: {
      ctx.status = Number(mode);
      if (ns.retryAfter !== undefined) ctx.set('Retry-After', ns.retryAfter);
      ctx.body = { error: `mock status ${mode}` };
    }
  }
}

/** A scripted answer, byte for byte: `"$ID"` becomes the id asked about, `[text, times]` a repeat. */
function scripted(ctx, { status = 200, type = 'application/json', body = [] }, id) {
  const quotedId = JSON.stringify(id ?? '');
  const parts = [].concat(body).map((part) => (Array.isArray(part) ? part[0].repeat(part[1]) : part));
  ctx.status = status;
  if (status === 204) return;
  ctx.type = type;
  ctx.body = parts.join('').replaceAll('"$ID"', quotedId);
}

/** Answers 200 with the first bytes of a JSON body and never finishes it (until the namespace is steered). */
function stall(ctx, ns, cors) {
  ctx.respond = false;
  const { res } = ctx;
  res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...cors });
  res.write('{"items":[{"id":');
  ns.stalled.add(res);
  // Never longer than a test file may take, whatever the test forgot.
  setTimeout(() => res.destroy(), 60_000).unref();
}

export function votesRoute() {
  return async function votesMiddleware(ctx, next) {
    const match = /^\/mock-api\/([\w-]+)\/(votes|control|requests|counts)$/.exec(ctx.path);
    if (!match) return next();
    const ns = namespace(match[1]);
    ctx.set('Cache-Control', 'no-store');
    if (match[2] === 'control') {
      const control = JSON.parse(await readBody(ctx.req));
      for (const key of ['get', 'post', 'delayMs', 'retryAfter', 'cors']) if (key in control) ns[key] = control[key];
      for (const [id, seed] of Object.entries(control.seed ?? {})) ns.seeds.set(id, seed);
      // Steering a namespace again ends the answers it left hanging: they end as a broken connection.
      for (const res of ns.stalled) res.destroy();
      ns.stalled.clear();
      ctx.body = { ok: true };
      return;
    }
    if (match[2] === 'requests') {
      ctx.body = ns.requests;
      return;
    }
    if (match[2] === 'counts') {
      ctx.body = countsOf(ns, String(ctx.query.item));
      return;
    }
    const cors = ns.cors ? { 'Access-Control-Allow-Origin': '*' } : {};
    for (const [name, value] of Object.entries(cors)) ctx.set(name, value);
    if (ctx.method === 'OPTIONS') {
      ns.requests.push({ method: ctx.method, url: ctx.url, mode: ns.cors ? 'cors' : 'none' });
      if (ns.cors) {
        ctx.set('Access-Control-Allow-Methods', 'GET, POST');
        ctx.set('Access-Control-Allow-Headers', 'Content-Type');
      }
      ctx.status = 204;
      return;
    }
    const body = ctx.method === 'POST' ? await readBody(ctx.req) : undefined;
    const mode = ctx.method === 'POST' ? ns.post : ns.get;
    ns.requests.push({
      method: ctx.method,
      url: ctx.url,
      contentType: ctx.get('content-type'),
      body,
      cookie: ctx.get('cookie'),
      mode,
    });
    if (ns.delayMs) await new Promise((resolve) => setTimeout(resolve, ns.delayMs));
    if (mode === 'drop') {
      ctx.status = 200; // Only so the dev server does not log the dropped request as a 404.
      ctx.req.socket.destroy();
      ctx.respond = false;
      return;
    }
    if (mode === 'stall') return stall(ctx, ns, cors);
    if (mode?.redirect) {
      ctx.status = mode.status ?? 302;
      // As a moved endpoint would: the query (the items asked for) goes along.
      ctx.set('Location', ctx.querystring ? `${mode.redirect}?${ctx.querystring}` : mode.redirect);
      return;
    }
    const askedId = ctx.method === 'POST' ? JSON.parse(body).id : [].concat(ctx.query.item ?? [])[0];
    if (typeof mode === 'object') return scripted(ctx, mode, askedId);
    let counts;
    if (ctx.method === 'GET') {
      counts = [...new Set(ctx.query.item ? [].concat(ctx.query.item) : [])].map((id) => countsOf(ns, id));
    } else if (ctx.method === 'POST') {
      if (mode === 'ok') {
        const { id, vote, voter } = JSON.parse(body);
        ns.votes.set(`${id}\u0000${voter}`, vote);
      }
      counts = [countsOf(ns, askedId)];
    }
    if (mode === 'missing-item') {
      ctx.body = { items: [] };
    } else if (mode !== 'ok') {
      misbehave(ctx, ns, mode, counts);
      if (ctx.method === 'GET' && ['negative', 'fraction'].includes(mode)) ctx.body = { items: [ctx.body] };
    } else {
      ctx.body = ctx.method === 'GET' ? { items: counts } : counts[0];
    }
  };
}
