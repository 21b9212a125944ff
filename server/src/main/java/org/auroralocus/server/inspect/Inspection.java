package org.auroralocus.server.inspect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.auroralocus.atproto.cbor.Cid;
import org.auroralocus.atproto.cbor.DagCbor;
import org.auroralocus.atproto.cbor.DataJson;
import org.auroralocus.atproto.cbor.DataValue;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Handle;
import org.auroralocus.atproto.syntax.Nsid;
import org.auroralocus.server.account.Account;
import org.auroralocus.server.account.AccountService;
import org.auroralocus.server.actor.ActorRead;
import org.auroralocus.server.actor.ActorStores;
import org.auroralocus.server.blob.BlobStore;
import org.auroralocus.server.sequencer.SequencedEvent;
import org.auroralocus.server.sequencer.SqliteSequencer;

/**
 * What the desktop application reads about the running server, through the services and never
 * their databases: counts, an account's records and blobs, and the event stream described for
 * people. Every method may do I/O; callers on a UI thread must call it from a background task.
 */
public final class Inspection {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PAGE = 100;

    private final AccountService accounts;
    private final ActorStores actors;
    private final BlobStore blobStore;
    private final SqliteSequencer sequencer;
    private final EventFeed events;
    private final Path dataDirectory;
    private final Map<Did, Optional<Handle>> handles = new ConcurrentHashMap<>();

    public Inspection(AccountService accounts, ActorStores actors, BlobStore blobStore, SqliteSequencer sequencer,
                      EventFeed events, Path dataDirectory) {
        this.accounts = accounts;
        this.actors = actors;
        this.blobStore = blobStore;
        this.sequencer = sequencer;
        this.events = events;
        this.dataDirectory = dataDirectory;
    }

    /** The in-process event stream. */
    public EventFeed events() {
        return events;
    }

    public ServerStats stats() {
        long[] counts = new long[3];
        forEachAccount(a -> {
            counts[0]++;
            if (!actors.exists(a.did())) return;
            counts[1] += actors.read(a.did(), ActorRead::recordCount);
            counts[2] += actors.read(a.did(), ActorRead::blobCount);
        });
        return new ServerStats(counts[0], counts[1], counts[2], folderSize(dataDirectory), sequencer.head());
    }

    /** What the account's repository store takes on disk, in bytes. */
    public long repositorySize(Did did) {
        return actors.diskSize(did);
    }

    /** The account's collections that hold records, sorted; none when it has no repository. */
    public List<Nsid> collections(Did did) {
        return actors.exists(did) ? actors.read(did, ActorRead::collections) : List.of();
    }

    /** A page of a collection's records, newest first; {@code cursor} is the last record key of the previous page. */
    public List<RecordJson> records(Did did, Nsid collection, Optional<String> cursor, int limit) {
        if (!actors.exists(did)) return List.of();
        return actors.read(did, a -> a.listRecords(collection, limit, cursor, false)).stream()
                .map(r -> new RecordJson(r.uri(), r.cid(), pretty(DataJson.toJson(DagCbor.decode(r.block())))))
                .toList();
    }

    /** Up to {@code limit} blobs of one account, or of every account, each with the records that use it. */
    public List<BlobInfo> blobs(Optional<Did> owner, int limit) {
        List<BlobInfo> found = new ArrayList<>();
        if (owner.isPresent()) {
            addBlobs(owner.get(), limit, found);
        } else {
            forEachAccount(a -> addBlobs(a.did(), limit - found.size(), found));
        }
        return found;
    }

    private void addBlobs(Did did, int limit, List<BlobInfo> into) {
        if (limit <= 0 || !actors.exists(did)) return;
        Optional<Handle> handle = handle(did);
        into.addAll(actors.read(did, a -> {
            List<BlobInfo> page = new ArrayList<>();
            for (var row : a.blobs(Optional.empty(), limit)) {
                page.add(new BlobInfo(did, handle, row.cid(), row.mimeType(), row.size(), row.createdAt(),
                        row.tempKey().isPresent(), a.blobReferences(row.cid()), row.takedownRef()));
            }
            return page;
        }));
    }

    /** The blob's bytes when it is stored permanently and not larger than {@code maxBytes} (for thumbnails). */
    public Optional<byte[]> blobBytes(Did owner, Cid cid, int maxBytes) {
        try {
            Optional<InputStream> in = blobStore.open(owner, cid);
            if (in.isEmpty()) return Optional.empty();
            try (InputStream stream = in.get()) {
                byte[] bytes = stream.readNBytes(maxBytes + 1);
                return bytes.length > maxBytes ? Optional.empty() : Optional.of(bytes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading blob " + cid + " of " + owner, e);
        }
    }

    /** The last {@code count} events, oldest first. */
    public List<FirehoseEntry> recentEvents(int count) {
        long from = Math.max(0, sequencer.head() - count);
        return sequencer.events(from, count).stream().map(this::describe).toList();
    }

    /** The event for people: the account's handle, a summary of the operations, the body as JSON. */
    public FirehoseEntry describe(SequencedEvent event) {
        // these two change what the handle is, so the cached one is stale from here on
        if (event.type().equals("#identity") || event.type().equals("#account")) handles.remove(event.did());
        return new FirehoseEntry(event, handle(event.did()), EventText.ops(event.body()));
    }

    /** The event as its subscribers receive it, as indented JSON, with its CAR blocks replaced by their size. */
    public String json(FirehoseEntry entry) {
        Map<String, DataValue> frame = new LinkedHashMap<>();
        frame.put("$type", DataValue.of("com.atproto.sync.subscribeRepos" + entry.type()));
        frame.put("seq", DataValue.of(entry.seq()));
        frame.put("time", DataValue.of(entry.event().timestamp()));
        frame.putAll(EventText.withoutBlocks(entry.event().body()).entries());
        return pretty(DataJson.toJson(new DataValue.MapValue(frame)));
    }

    /**
     * How many events were sequenced in each of the last {@code minutes} whole minutes before
     * {@code now}, oldest first (the dashboard's chart), from the log's seq at each minute's start.
     */
    public List<Long> eventsPerMinute(java.time.Instant now, int minutes) {
        java.time.Instant end = now.truncatedTo(java.time.temporal.ChronoUnit.MINUTES).plusSeconds(60);
        long head = sequencer.head();
        List<Long> counts = new ArrayList<>(minutes);
        long next = head + 1;
        for (int i = 0; i < minutes; i++) {
            java.time.Instant start = end.minusSeconds(60L * (i + 1));
            long first = sequencer.firstSeqAtOrAfter(start).orElse(head + 1);
            counts.addFirst(Math.max(0, next - first));
            next = first;
        }
        return counts;
    }

    /** The account's current handle (cached; the firehose asks for it per event). */
    public Optional<Handle> handle(Did did) {
        return handles.computeIfAbsent(did, d -> accounts.findByDid(d).map(Account::handle));
    }

    private void forEachAccount(Consumer<Account> action) {
        Optional<Did> after = Optional.empty();
        List<Account> page;
        do {
            page = accounts.list(after, PAGE);
            page.forEach(action);
            if (!page.isEmpty()) after = Optional.of(page.getLast().did());
        } while (page.size() == PAGE);
    }

    private static long folderSize(Path folder) {
        if (!Files.isDirectory(folder)) return 0;
        try (var files = Files.walk(folder)) {
            return files.mapToLong(Inspection::sizeOf).sum();
        } catch (NoSuchFileException e) {
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException("measuring " + folder, e);
        } catch (UncheckedIOException e) {
            // a file removed while walking (a temp upload, a journal) is simply not counted
            return 0;
        }
    }

    private static long sizeOf(Path p) {
        try {
            return Files.isRegularFile(p) ? Files.size(p) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    static String pretty(String json) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(json));
        } catch (JsonProcessingException e) {
            return json;
        }
    }
}
