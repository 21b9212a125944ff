package org.auroralocus.server.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/** Where blobs are kept: on disk (the default) or in an S3-compatible bucket. */
public sealed interface BlobstoreSetting {

    /**
     * {@code PDS_BLOBSTORE_DISK_LOCATION} (default {@code <data>/blobs}) and
     * {@code PDS_BLOBSTORE_DISK_TMP_LOCATION} (default {@code <location>/temp}).
     */
    record Disk(Path location, Path tempLocation) implements BlobstoreSetting {
        public Disk {
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(tempLocation, "tempLocation");
        }
    }

    /**
     * {@code PDS_BLOBSTORE_S3_*}. Without a region or credentials the AWS SDK's usual lookup applies
     * ({@code AWS_REGION}, {@code AWS_ACCESS_KEY_ID}, profiles, instance roles), as in the official PDS.
     *
     * @param endpoint       another S3-compatible service (MinIO, R2, B2, ...) instead of AWS
     * @param forcePathStyle {@code <endpoint>/<bucket>/<key>} URLs instead of {@code <bucket>.<endpoint>}
     */
    record S3(String bucket, Optional<String> region, Optional<URI> endpoint, boolean forcePathStyle,
              Optional<S3Credentials> credentials) implements BlobstoreSetting {
        public S3 {
            if (bucket == null || bucket.isBlank()) throw new IllegalArgumentException("an S3 bucket name is required");
        }
    }

    /** Static credentials; the secret's {@code toString} hides it. */
    record S3Credentials(String accessKeyId, Secret secretAccessKey) {
        public S3Credentials {
            if (accessKeyId == null || accessKeyId.isBlank()) throw new IllegalArgumentException("an access key id is required");
            Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        }
    }
}
