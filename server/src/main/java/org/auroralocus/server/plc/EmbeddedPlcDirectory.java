package org.auroralocus.server.plc;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import org.auroralocus.atproto.cbor.Cid;
import org.auroralocus.atproto.identity.plc.InvalidPlcOperationException;
import org.auroralocus.atproto.identity.plc.PlcAuditEntry;
import org.auroralocus.atproto.identity.plc.PlcClient;
import org.auroralocus.atproto.identity.plc.PlcData;
import org.auroralocus.atproto.identity.plc.PlcNotFoundException;
import org.auroralocus.atproto.identity.plc.PlcRejectedException;
import org.auroralocus.atproto.identity.plc.PlcVerifier;
import org.auroralocus.atproto.identity.plc.SignedPlcOp;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.server.plc.db.PlcOperationTable;

/**
 * The PLC directory this server embeds: validates and stores operations, and answers with the
 * same results and messages as plc.directory. It is a {@link PlcClient} itself, so the server can
 * use it in process; {@link PlcDirectoryService} serves it over HTTP.
 *
 * <p>Submissions for one DID run one at a time (a striped lock; the table refuses a second
 * operation at the same log position as a backstop), so two updates racing from the same head
 * cannot both be accepted.
 */
public final class EmbeddedPlcDirectory implements PlcClient {
    private static final System.Logger LOG = System.getLogger(EmbeddedPlcDirectory.class.getName());
    private static final int LOCK_STRIPES = 64;
    static final int BAD_REQUEST = 400;
    static final int CONFLICT = 409;

    private final PlcOperationTable operations;
    private final Clock clock;
    private final ReentrantLock[] locks = new ReentrantLock[LOCK_STRIPES];

    public EmbeddedPlcDirectory(PlcOperationTable operations, Clock clock) {
        this.operations = Objects.requireNonNull(operations, "operations");
        this.clock = Objects.requireNonNull(clock, "clock");
        for (int i = 0; i < LOCK_STRIPES; i++) locks[i] = new ReentrantLock();
    }

    /** Accepts {@code op} as the next operation of {@code did}, or throws {@link PlcRejectedException}. */
    @Override
    public void submit(Did did, SignedPlcOp op) {
        ReentrantLock lock = locks[Math.floorMod(did.hashCode(), LOCK_STRIPES)];
        lock.lock();
        try {
            List<PlcAuditEntry> log = operations.log(did);
            try {
                OperationLimits.check(op);
                if (log.isEmpty()) PlcVerifier.genesis(did, op); else checkNext(log, op);
            } catch (InvalidPlcOperationException e) {
                throw new PlcRejectedException(BAD_REQUEST, e.getMessage());
            }
            PlcAuditEntry entry = PlcAuditEntry.accepted(did, op, clock.instant());
            if (!operations.append(entry, log.size())) {
                throw new PlcRejectedException(CONFLICT, "Proposed prev does not match the most recent operation");
            }
            LOG.log(System.Logger.Level.INFO, "PLC operation accepted did={0} type={1} cid={2}", did, op.op().type(), entry.cid());
        } finally {
            lock.unlock();
        }
    }

    @Override
    public ObjectNode document(Did did) {
        return data(did).didDocument();
    }

    @Override
    public PlcData data(Did did) {
        SignedPlcOp last = lastOp(did);
        return PlcData.of(did, last).orElseThrow(() -> new PlcNotFoundException("DID not available: " + did));
    }

    @Override
    public List<SignedPlcOp> log(Did did) {
        return inForce(did).stream().map(PlcAuditEntry::operation).toList();
    }

    @Override
    public List<PlcAuditEntry> auditLog(Did did) {
        List<PlcAuditEntry> log = operations.log(did);
        if (log.isEmpty()) throw notRegistered(did);
        return log;
    }

    @Override
    public SignedPlcOp lastOp(Did did) {
        return inForce(did).getLast().operation();
    }

    /**
     * The log has no forks here, so the only valid {@code prev} is the head. An earlier operation
     * as {@code prev} is a recovery (a higher-authority key overriding recent operations within 72
     * hours), which this directory does not implement.
     */
    private static void checkNext(List<PlcAuditEntry> log, SignedPlcOp op) {
        List<Cid> earlier = log.subList(0, log.size() - 1).stream().map(PlcAuditEntry::cid).toList();
        if (op.op().prev().filter(earlier::contains).isPresent()) {
            throw new InvalidPlcOperationException(
                    "Recovery operations (a prev before the most recent operation) are not supported by this directory");
        }
        PlcVerifier.next(log.getLast().operation(), op);
    }

    private List<PlcAuditEntry> inForce(Did did) {
        List<PlcAuditEntry> entries = operations.log(did).stream().filter(e -> !e.nullified()).toList();
        if (entries.isEmpty()) throw notRegistered(did);
        return entries;
    }

    private static PlcNotFoundException notRegistered(Did did) {
        return new PlcNotFoundException("DID not registered: " + did);
    }
}
