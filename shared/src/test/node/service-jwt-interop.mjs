// Independent check of the service JWTs Aurora Locus signs when it proxies a call for an account,
// with the official @atproto/crypto: the token must verify against the account's did:key exactly
// as an AppView verifies it (low-S signatures only, the key's own JWT algorithm).
//
//   node service-jwt-interop.mjs verify <jwt> <did:key>   prints {ok, alg, header, payload}
//
// Prints one JSON object on stdout; a failed check prints {"ok": false, ...} and exits 1.
import { parseDidKey, verifySignature } from '@atproto/crypto'

const [command, jwt, didKey] = process.argv.slice(2)

function done(result) {
  process.stdout.write(JSON.stringify(result) + '\n')
  process.exit(result.ok ? 0 : 1)
}

async function verify() {
  const parts = jwt.split('.')
  if (parts.length !== 3) return { ok: false, error: 'not a compact JWS' }
  const [h, p, s] = parts
  const header = JSON.parse(Buffer.from(h, 'base64url').toString('utf8'))
  const payload = JSON.parse(Buffer.from(p, 'base64url').toString('utf8'))
  const { jwtAlg } = parseDidKey(didKey)
  const ok = await verifySignature(didKey, new TextEncoder().encode(`${h}.${p}`),
    new Uint8Array(Buffer.from(s, 'base64url')), { jwtAlg: header.alg })
  return { ok: ok && header.alg === jwtAlg, alg: jwtAlg, header, payload }
}

if (command === 'verify') {
  done(await verify().catch((e) => ({ ok: false, error: String(e?.message ?? e) })))
} else {
  done({ ok: false, error: `unknown command ${command}` })
}
