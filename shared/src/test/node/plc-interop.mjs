// Independent checks of Aurora Locus's did:plc operations against the official @did-plc/lib.
// Our Java code writes operations and our Java code verifies them; both could share one mistake.
// These commands let the official library verify what we wrote, and write what we must verify.
//
//   node plc-interop.mjs verify-log <log.json>   {did, ops: [signed op JSON, oldest first]}: check the log
//                                                as a directory admits it, op by op, and as a whole
//   node plc-interop.mjs write-log <out.json>    create, update and tombstone a DID, and sign a legacy create
//
// Each command prints one JSON object on stdout; a failed check prints {"ok": false, ...} and exits 1.
import { readFile, writeFile } from 'node:fs/promises'
import { P256Keypair, Secp256k1Keypair } from '@atproto/crypto'
import * as plc from '@did-plc/lib'

const [command, ...args] = process.argv.slice(2)

function done(result) {
  process.stdout.write(JSON.stringify(result) + '\n')
  process.exit(result.ok ? 0 : 1)
}

// the library's own CID of an operation (dag-cbor, sha-256)
async function cidOf(op) {
  return (await plc.getLastOpWithCid([op])).cid
}

async function verifyLog(path) {
  const { did, ops } = JSON.parse(await readFile(path, 'utf8'))
  const derivedDid = await plc.didForCreateOp(ops[0])
  // as a directory admits operations: each must be a valid next operation of the log so far
  const indexed = []
  for (const [i, op] of ops.entries()) {
    try {
      await plc.assureValidNextOp(did, indexed, op)
    } catch (e) {
      return { ok: false, rejectedIndex: i, error: String(e?.message ?? e), derivedDid }
    }
    indexed.push({ did, operation: op, cid: await cidOf(op), nullified: false, createdAt: new Date() })
  }
  // and the whole log at once, as a resolver audits it
  const data = await plc.validateOperationLog(did, ops)
  return { ok: true, derivedDid, cids: indexed.map((entry) => entry.cid.toString()), data }
}

async function writeLog(outPath) {
  const rotation = await Secp256k1Keypair.create()
  const recovery = await P256Keypair.create()
  const signing = await Secp256k1Keypair.create()
  const { op: genesis, did } = await plc.createOp({
    signingKey: signing.did(),
    handle: 'alice.example.com',
    pds: 'https://pds.example.com',
    rotationKeys: [recovery.did(), rotation.did()],
    signer: recovery,
  })
  const renamed = await plc.updateHandleOp(genesis, rotation, 'bob.example.com')
  const moved = await plc.updatePdsOp(renamed, recovery, 'https://other.example.net')
  const ops = [genesis, renamed, moved]
  const tombstone = await plc.tombstoneOp(await cidOf(moved), rotation)
  const data = await plc.validateOperationLog(did, ops)

  const legacyOp = await plc.deprecatedSignCreate(
    { type: 'create', signingKey: signing.did(), recoveryKey: recovery.did(), handle: 'carol.example.com', service: 'pds.example.com', prev: null },
    signing,
  )
  const legacy = { did: await plc.didForCreateOp(legacyOp), op: legacyOp, cid: (await cidOf(legacyOp)).toString() }

  const cids = []
  for (const op of ops) cids.push((await cidOf(op)).toString())
  const result = { did, ops, cids, data, tombstone, tombstoneCid: (await cidOf(tombstone)).toString(), legacy }
  await writeFile(outPath, JSON.stringify(result))
  return { ok: true, did }
}

try {
  switch (command) {
    case 'verify-log':
      done(await verifyLog(args[0]))
      break
    case 'write-log':
      done(await writeLog(args[0]))
      break
    default:
      done({ ok: false, error: `unknown command ${command}` })
  }
} catch (e) {
  done({ ok: false, error: String(e?.message ?? e) })
}
