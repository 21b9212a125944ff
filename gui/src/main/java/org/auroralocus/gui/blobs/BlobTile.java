package org.auroralocus.gui.blobs;

import java.util.Optional;
import org.auroralocus.server.inspect.BlobInfo;

/** One tile of the grid: the blob, and its bytes when it is an image small enough for a thumbnail. */
public record BlobTile(BlobInfo info, Optional<byte[]> image) {}
