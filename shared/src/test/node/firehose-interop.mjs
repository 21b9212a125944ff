// Independent check of Aurora Locus's firehose (com.atproto.sync.subscribeRepos) with the official
// atproto packages: our Java code writes the frames and our Java tests read them back with our own
// DAG-CBOR and CAR code, so both could share one mistake. Here Node 22's own WebSocket receives the
// stream and @atproto/lex-cbor, @atproto/repo check it, as a relay would.
//
//   node firehose-interop.mjs firehose <port> <until-seq> <keys.json>
//       keys.json: {"<did>": "did:key:z..."}, each account's signing key. Connects with cursor=0,
//       reads until the frame with seq <until-seq>, and checks every frame: exactly two DAG-CBOR
//       items (header, body), op 1, gapless seq, the time format; for #commit and #sync the CAR in
//       `blocks` (every block's CID checked), the signed commit against the account's key, its rev and
//       DID; for #commit each op's record block present under the op's CID and in the new tree,
//       `since` and `prevData` equal to the previous commit's rev and data root, and the ops inverted
//       on the tree built only from the event's blocks giving `prevData` back (a relay's inductive check).
//
// Prints one JSON object on stdout; a failed check prints {"ok": false, "errors": [...]} and exits 1.
import { readFile } from 'node:fs/promises'
import { decodeAll } from '@atproto/lex-cbor'
import { MST, MemoryBlockstore, cborToLex, readCar, verifyCommitSig } from '@atproto/repo'

const [command, ...args] = process.argv.slice(2)
const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/
const TIMEOUT_MS = 60_000

function done(result) {
  process.stdout.write(JSON.stringify(result) + '\n')
  process.exit(result.ok ? 0 : 1)
}

const same = (a, b) => a != null && b != null && String(a) === String(b)

// Receives frames until `untilSeq`, the server closes, or the time runs out.
function receive(url, untilSeq) {
  return new Promise((resolve) => {
    const frames = []
    const ws = new WebSocket(url)
    ws.binaryType = 'arraybuffer'
    const timer = setTimeout(() => finish(`timed out after ${TIMEOUT_MS} ms`), TIMEOUT_MS)
    function finish(problem) {
      clearTimeout(timer)
      try { ws.close() } catch { /* already closed */ }
      resolve({ frames, problem })
    }
    ws.onmessage = (message) => {
      const bytes = new Uint8Array(message.data)
      frames.push(bytes)
      let seq = -1
      try {
        const [, body] = decodeAll(bytes)
        seq = body?.seq ?? -1
      } catch { /* reported by the checks */ }
      if (seq >= untilSeq) finish(null)
    }
    ws.onerror = (e) => finish(`websocket error: ${e?.message ?? e}`)
    ws.onclose = (e) => finish(`closed by the server: ${e.code} ${e.reason}`)
  })
}

async function checkCommitBlock(car, cid, did, rev, didKey, where, errors) {
  const bytes = car.blocks.get(cid)
  if (!bytes) {
    errors.push(`${where}: the commit block ${cid} is not in blocks`)
    return null
  }
  const commit = cborToLex(bytes)
  if (commit.did !== did) errors.push(`${where}: commit did ${commit.did}, expected ${did}`)
  if (commit.rev !== rev) errors.push(`${where}: commit rev ${commit.rev}, event rev ${rev}`)
  if (!didKey) errors.push(`${where}: no key given for ${did}`)
  else if (!(await verifyCommitSig(commit, didKey))) errors.push(`${where}: the commit signature does not verify against ${didKey}`)
  return commit
}

async function checkOps(body, car, commit, previous, where, summary, errors) {
  const storage = new MemoryBlockstore(car.blocks)
  let tree = MST.load(storage, commit.data)
  for (const op of body.ops) {
    const opWhere = `${where} op ${op.action} ${op.path}`
    if (op.action === 'create' || op.action === 'update') {
      if (!op.cid) errors.push(`${opWhere}: no cid`)
      else if (!car.blocks.has(op.cid)) errors.push(`${opWhere}: record block ${op.cid} missing from blocks`)
      else if (!same(await tree.get(op.path), op.cid)) errors.push(`${opWhere}: the new tree does not map the path to ${op.cid}`)
    } else if (op.action === 'delete') {
      if (op.cid !== null) errors.push(`${opWhere}: a delete must have cid null`)
      if ((await tree.get(op.path)) !== null) errors.push(`${opWhere}: the new tree still has the path`)
    } else {
      errors.push(`${opWhere}: unknown action`)
    }
    if (op.action !== 'create' && !op.prev) errors.push(`${opWhere}: no prev`)
    summary.opsChecked++
  }
  if (!body.prevData) return
  if (previous && !same(body.prevData, previous.data)) {
    errors.push(`${where}: prevData ${body.prevData} but the previous commit's data root is ${previous.data}`)
  } else if (previous) {
    summary.prevDataChecked++
  }
  // invert the ops, newest state to oldest, using only the blocks this event carries
  try {
    for (const op of [...body.ops].reverse()) {
      if (op.action === 'create') tree = await tree.delete(op.path)
      else if (op.action === 'update') tree = await tree.update(op.path, op.prev)
      else tree = await tree.add(op.path, op.prev)
    }
    const inverted = await tree.getPointer()
    if (!same(inverted, body.prevData)) errors.push(`${where}: inverting the ops gives ${inverted}, not prevData ${body.prevData}`)
    else summary.inversionsChecked++
  } catch (e) {
    errors.push(`${where}: cannot invert the ops from the event's blocks alone: ${e?.message ?? e}`)
  }
}

async function firehose(port, untilSeqText, keysPath) {
  const untilSeq = Number(untilSeqText)
  const keys = JSON.parse(await readFile(keysPath, 'utf8'))
  const url = `ws://localhost:${port}/xrpc/com.atproto.sync.subscribeRepos?cursor=0`
  const { frames, problem } = await receive(url, untilSeq)
  const errors = problem ? [problem] : []
  const summary = {
    frames: frames.length, firstSeq: null, lastSeq: null, types: {},
    commitsVerified: 0, syncsVerified: 0, opsChecked: 0, prevDataChecked: 0, inversionsChecked: 0,
  }
  const repos = new Map() // did -> {rev, data} of its last commit seen
  for (const [i, bytes] of frames.entries()) {
    let items
    try {
      items = [...decodeAll(bytes)]
    } catch (e) {
      errors.push(`frame ${i}: not DAG-CBOR: ${e?.message ?? e}`)
      continue
    }
    if (items.length !== 2) {
      errors.push(`frame ${i}: ${items.length} DAG-CBOR items, expected a header and a body`)
      continue
    }
    const [header, body] = items
    if (header.op !== 1) {
      errors.push(`frame ${i}: op ${header.op}: ${JSON.stringify(body)}`)
      continue
    }
    const where = `seq ${body.seq} ${header.t}`
    const errorsBefore = errors.length
    summary.types[header.t] = (summary.types[header.t] ?? 0) + 1
    if (summary.lastSeq !== null && body.seq !== summary.lastSeq + 1) errors.push(`${where}: follows seq ${summary.lastSeq}`)
    summary.firstSeq ??= body.seq
    summary.lastSeq = body.seq
    if (!TIME.test(body.time)) errors.push(`${where}: time ${body.time} is not ISO 8601 with milliseconds`)
    try {
      if (header.t === '#commit') {
        const car = await readCar(body.blocks)
        if (!same(car.roots[0], body.commit)) errors.push(`${where}: the CAR root is ${car.roots[0]}, not the commit ${body.commit}`)
        if (body.rebase !== false || body.tooBig !== false) errors.push(`${where}: rebase and tooBig must be false`)
        const commit = await checkCommitBlock(car, body.commit, body.repo, body.rev, keys[body.repo], where, errors)
        if (!commit) continue
        const previous = repos.get(body.repo)
        if (previous && body.since !== previous.rev) errors.push(`${where}: since ${body.since}, previous rev ${previous.rev}`)
        if (previous && !body.prevData) errors.push(`${where}: no prevData on a commit after ${previous.rev}`)
        await checkOps(body, car, commit, previous, where, summary, errors)
        repos.set(body.repo, { rev: commit.rev, data: commit.data })
        if (errors.length === errorsBefore) summary.commitsVerified++
      } else if (header.t === '#sync') {
        const car = await readCar(body.blocks)
        const commit = await checkCommitBlock(car, car.roots[0], body.did, body.rev, keys[body.did], where, errors)
        if (!commit) continue
        repos.set(body.did, { rev: commit.rev, data: commit.data })
        if (errors.length === errorsBefore) summary.syncsVerified++
      } else if (header.t === '#identity' || header.t === '#account') {
        if (typeof body.did !== 'string' || !body.did.startsWith('did:')) errors.push(`${where}: no did`)
        if (header.t === '#account' && typeof body.active !== 'boolean') errors.push(`${where}: active is not a boolean`)
      }
    } catch (e) {
      errors.push(`${where}: ${e?.message ?? e}`)
    }
  }
  if (summary.lastSeq === null || summary.lastSeq < untilSeq) errors.push(`stream ended at seq ${summary.lastSeq}, expected ${untilSeq}`)
  return { ok: errors.length === 0, ...summary, errors }
}

try {
  if (command === 'firehose') done(await firehose(...args))
  else done({ ok: false, errors: [`unknown command ${command}`] })
} catch (e) {
  done({ ok: false, errors: [String(e?.stack ?? e)] })
}
