/**
 * A real HTTP votes route for the element tests, served by the test runner's dev server (Koa middleware):
 * `/mock-api/<namespace>/votes` speaks protocol v1 over an in-memory store, and each test steers its own
 * namespace through `/mock-api/<namespace>/control` to answer with failures of every kind.
 *
 * Control body: `{ "get"?: Mode, "post"?: Mode, "delayMs"?: number, "retryAfter"?: string,
 * "seed"?: { [id]: { yes, no } } }`; `GET …/requests` lists what the route received.
 * Modes: "ok", "drop" (socket destroyed: a network error), "non-json", "wrong-shape", "negative",
 * "fraction", "missing-item", or an HTTP status as a string ("500", "429", "400", …).
 */
const namespaces = new Map();

function namespace(name) {
  let ns = namespaces.get(name);
  if (!ns) {
    ns = { get: 'ok', post: 'ok', delayMs: 0, retryAfter: undefined, seeds: new Map(), votes: new Map(), requests: [] };
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

export function votesRoute() {
  return async function votesMiddleware(ctx, next) {
    const match = /^\/mock-api\/([\w-]+)\/(votes|control|requests)$/.exec(ctx.path);
    if (!match) return next();
    const ns = namespace(match[1]);
    ctx.set('Cache-Control', 'no-store');
    if (match[2] === 'control') {
      const control = JSON.parse(await readBody(ctx.req));
      for (const key of ['get', 'post', 'delayMs', 'retryAfter']) if (key in control) ns[key] = control[key];
      for (const [id, seed] of Object.entries(control.seed ?? {})) ns.seeds.set(id, seed);
      ctx.body = { ok: true };
      return;
    }
    if (match[2] === 'requests') {
      ctx.body = ns.requests;
      return;
    }
    const body = ctx.method === 'POST' ? await readBody(ctx.req) : undefined;
    ns.requests.push({ method: ctx.method, url: ctx.url, contentType: ctx.get('content-type'), body, cookie: ctx.get('cookie') });
    const mode = ctx.method === 'POST' ? ns.post : ns.get;
    if (ns.delayMs) await new Promise((resolve) => setTimeout(resolve, ns.delayMs));
    if (mode === 'drop') {
      ctx.status = 200; // Only so the dev server does not log the dropped request as a 404.
      ctx.req.socket.destroy();
      ctx.respond = false;
      return;
    }
    let counts;
    if (ctx.method === 'GET') {
      counts = [...new Set(ctx.query.item ? [].concat(ctx.query.item) : [])].map((id) => countsOf(ns, id));
    } else if (ctx.method === 'POST') {
      if (mode === 'ok') {
        const { id, vote, voter } = JSON.parse(body);
        ns.votes.set(`${id}\u0000${voter}`, vote);
      }
      counts = [countsOf(ns, JSON.parse(body).id)];
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
