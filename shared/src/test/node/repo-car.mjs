// What the interop scripts share: writing a repository built with @atproto/repo to a CAR file.
import { writeFile } from 'node:fs/promises'
import { lexToJson } from '@atproto/lex-json'
import { getFullRepo } from '@atproto/repo'

// Writes the full repository at repo's commit to outPath; returns its records in key order,
// {collection, rkey, cid}, with the value as JSON when withValues.
export async function saveRepo(storage, repo, outPath, withValues) {
  const chunks = []
  for await (const chunk of getFullRepo(storage, repo.cid)) chunks.push(chunk)
  await writeFile(outPath, Buffer.concat(chunks))
  const records = []
  for await (const entry of repo.walkRecords()) {
    const record = { collection: entry.collection, rkey: entry.rkey, cid: entry.cid.toString() }
    if (withValues) record.value = lexToJson(entry.record)
    records.push(record)
  }
  return records
}
