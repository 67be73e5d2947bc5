// Who is asking: Fastify's req.ip, taken from X-Forwarded-For only when the connection comes from
// a proxy the operator listed (LINDUNG_TRUSTED_PROXIES: addresses or CIDR ranges, comma-separated;
// default none, so a client cannot claim another address). The per-address limits use req.ip.

/** The trusted proxies from the environment, as Fastify's `trustProxy` takes them; false for none. */
export function trustedProxiesFromEnv(env: NodeJS.ProcessEnv = process.env): string[] | false {
  const list = (env.LINDUNG_TRUSTED_PROXIES ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return list.length > 0 ? list : false;
}
