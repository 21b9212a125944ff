package org.auroralocus.server.inspect;

/**
 * Counts for the dashboard.
 *
 * @param diskBytes what the data folder takes on disk (databases, actor stores, blobs kept there)
 * @param lastSeq   the last event's seq (0 before the first)
 */
public record ServerStats(long accounts, long records, long blobs, long diskBytes, long lastSeq) {
    public ServerStats {
        if (accounts < 0 || records < 0 || blobs < 0 || diskBytes < 0 || lastSeq < 0) {
            throw new IllegalArgumentException("counts cannot be negative");
        }
    }
}
