// A repository written by the official @atproto/repo for a given account, for importRepo to take in.
// interop.mjs write-repo makes one for a made-up DID with a fresh key; an import must be the importing
// account's own repository, so this script takes the DID and its secp256k1 private key.
//
//   node import-interop.mjs write-repo <car-out> <did> <private-key-hex> <blob-cid> <blob-size>
//
// The repository has two commits (creates, then an update and a delete) and a post whose image embed
// references the blob <blob-cid> (image/png, <blob-size> bytes), which the importing server does not hold.
// Prints one JSON object: {"ok": true, commit, rev, data, records: [{collection, rkey, cid}]}; on failure
// {"ok": false, error} and exit 1.
import { Secp256k1Keypair } from '@atproto/crypto'
import { jsonToLex } from '@atproto/lex-json'
import { MemoryBlockstore, Repo, WriteOpAction } from '@atproto/repo'
import { saveRepo } from './repo-car.mjs'

const [command, ...args] = process.argv.slice(2)

function done(result) {
  process.stdout.write(JSON.stringify(result) + '\n')
  process.exit(result.ok ? 0 : 1)
}

async function writeRepo(outPath, did, keyHex, blobCid, blobSize) {
  const keypair = await Secp256k1Keypair.import(keyHex)
  const storage = new MemoryBlockstore()
  const createdAt = '2026-11-28T12:00:00.000Z'
  const post = (text) => jsonToLex({ $type: 'app.bsky.feed.post', text, createdAt })
  const initial = []
  for (let i = 0; i < 12; i++) {
    initial.push({ action: WriteOpAction.Create, collection: 'app.bsky.feed.post', rkey: `3kaaaaaaaaa${'abcdefghijkl'[i]}2`, record: post(`imported ${i}`) })
  }
  initial.push({
    action: WriteOpAction.Create,
    collection: 'app.bsky.feed.post',
    rkey: '3kzzzzzzzzzz2',
    record: jsonToLex({
      $type: 'app.bsky.feed.post',
      text: 'with a picture',
      createdAt,
      embed: {
        $type: 'app.bsky.embed.images',
        images: [{ alt: 'a pixel', image: { $type: 'blob', ref: { $link: blobCid }, mimeType: 'image/png', size: blobSize } }],
      },
    }),
  })
  let repo = await Repo.create(storage, did, keypair, initial)
  repo = await repo.applyWrites(
    [
      { action: WriteOpAction.Update, collection: 'app.bsky.feed.post', rkey: initial[1].rkey, record: post('edited') },
      { action: WriteOpAction.Delete, collection: 'app.bsky.feed.post', rkey: initial[2].rkey },
      { action: WriteOpAction.Create, collection: 'app.bsky.actor.profile', rkey: 'self', record: jsonToLex({ $type: 'app.bsky.actor.profile', displayName: 'Imported' }) },
    ],
    keypair,
  )
  const records = await saveRepo(storage, repo, outPath, false)
  return { ok: true, commit: repo.cid.toString(), rev: repo.commit.rev, data: repo.commit.data.toString(), records }
}

try {
  switch (command) {
    case 'write-repo':
      done(await writeRepo(args[0], args[1], args[2], args[3], Number(args[4])))
      break
    default:
      done({ ok: false, error: `unknown command ${command}` })
  }
} catch (e) {
  done({ ok: false, error: String(e?.stack ?? e?.message ?? e) })
}
