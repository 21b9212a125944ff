// Independent checks of Aurora Locus against the official atproto TypeScript packages.
// Our Java code writing a format and our Java code reading it back can agree on a mistake;
// these commands let the official implementation read what we wrote and write what we must read.
//
//   node interop.mjs verify-repo <car> <did> <did:key>   verify a repository CAR + signed commit we wrote
//   node interop.mjs write-repo <car-out>                  write a repository CAR for us to verify
//   node interop.mjs cbor <cases.json>                     compare our DAG-CBOR bytes and CIDs with theirs
//
// Each command prints one JSON object on stdout; a failed check prints {"ok": false, ...} and exits 1.
import { readFile } from 'node:fs/promises'
import { Secp256k1Keypair } from '@atproto/crypto'
import { cidForLex, encode, decode } from '@atproto/lex-cbor'
import { jsonToLex, lexToJson } from '@atproto/lex-json'
import { MemoryBlockstore, Repo, WriteOpAction, verifyRepoCar } from '@atproto/repo'
import { saveRepo } from './repo-car.mjs'

const [command, ...args] = process.argv.slice(2)

function done(result) {
  process.stdout.write(JSON.stringify(result) + '\n')
  process.exit(result.ok ? 0 : 1)
}

async function verifyRepo(carPath, did, didKey) {
  const car = await readFile(carPath)
  // verifyRepoCar checks the commit signature against the key, the DID, every MST node and record block
  const verified = await verifyRepoCar(new Uint8Array(car), did, didKey)
  const records = verified.creates.map((c) => ({ collection: c.collection, rkey: c.rkey, cid: c.cid.toString() }))
  return {
    ok: true,
    did: verified.commit.did ?? did,
    rev: verified.commit.rev,
    commit: verified.commit.cid.toString(),
    records,
  }
}

async function writeRepo(outPath) {
  const keypair = await Secp256k1Keypair.create({ exportable: true })
  const did = 'did:plc:interopinteropinterop'
  const storage = new MemoryBlockstore()
  const createdAt = '2026-11-28T12:00:00.000Z'
  const initial = []
  for (let i = 0; i < 40; i++) {
    initial.push({
      action: WriteOpAction.Create,
      collection: i % 3 === 0 ? 'app.bsky.feed.like' : 'app.bsky.feed.post',
      rkey: `3k${String(i).padStart(11, 'a').replace(/[0-9]/g, (d) => 'abcdefghij'[d])}`,
      record: jsonToLex({ $type: i % 3 === 0 ? 'app.bsky.feed.like' : 'app.bsky.feed.post', text: `post ${i} ✨`, createdAt, n: i }),
    })
  }
  let repo = await Repo.create(storage, did, keypair, initial)
  // a second commit with an update and a delete, so the tree has history behind it
  repo = await repo.applyWrites(
    [
      { action: WriteOpAction.Update, collection: initial[1].collection, rkey: initial[1].rkey, record: jsonToLex({ $type: 'app.bsky.feed.post', text: 'edited', createdAt }) },
      { action: WriteOpAction.Delete, collection: initial[2].collection, rkey: initial[2].rkey },
      { action: WriteOpAction.Create, collection: 'app.bsky.actor.profile', rkey: 'self', record: jsonToLex({ $type: 'app.bsky.actor.profile', displayName: 'Interop', bytes: { $bytes: 'AAECAw' } }) },
    ],
    keypair,
  )
  const records = await saveRepo(storage, repo, outPath, true)
  return { ok: true, did, didKey: keypair.did(), commit: repo.cid.toString(), rev: repo.commit.rev, records }
}

async function compareCbor(casesPath) {
  const cases = JSON.parse(await readFile(casesPath, 'utf8'))
  const mismatches = []
  for (const [i, c] of cases.entries()) {
    const ours = Buffer.from(c.cborBase64, 'base64')
    const lex = jsonToLex(c.json)
    const theirs = Buffer.from(encode(lex))
    const theirCid = (await cidForLex(lex)).toString()
    let roundTrip
    try {
      roundTrip = JSON.stringify(lexToJson(decode(new Uint8Array(ours))))
    } catch (e) {
      roundTrip = `decode failed: ${e.message}`
    }
    const problems = []
    if (!theirs.equals(ours)) problems.push('bytes differ')
    if (theirCid !== c.cid) problems.push(`cid differs: theirs ${theirCid}`)
    if (roundTrip !== JSON.stringify(lexToJson(lex))) problems.push('our bytes decode to another value')
    if (problems.length) mismatches.push({ index: i, problems, json: c.json, ours: c.cborBase64, theirs: theirs.toString('base64') })
  }
  return { ok: mismatches.length === 0, checked: cases.length, mismatches: mismatches.slice(0, 5), mismatchCount: mismatches.length }
}

try {
  switch (command) {
    case 'verify-repo':
      done(await verifyRepo(args[0], args[1], args[2]))
      break
    case 'write-repo':
      done(await writeRepo(args[0]))
      break
    case 'cbor':
      done(await compareCbor(args[0]))
      break
    default:
      done({ ok: false, error: `unknown command ${command}` })
  }
} catch (e) {
  done({ ok: false, error: String(e?.message ?? e) })
}
