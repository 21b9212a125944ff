/**
 * Blobs: the bytes behind images and videos, kept outside the repository in a
 * {@link org.auroralocus.server.blob.BlobStore} (disk by default, or any S3 API). An upload lands in
 * a temporary area under a random key; the commit of a record that references it makes it permanent
 * under its CID; an upload no record takes up within the hour is deleted by the {@code BlobCleanup};
 * when the last record referencing a blob goes, it is deleted. The actor store's
 * {@code blob} and {@code record_blob} tables say which is which.
 */
package org.auroralocus.server.blob;
