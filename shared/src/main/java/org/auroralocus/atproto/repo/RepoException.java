package org.auroralocus.atproto.repo;

/**
 * A repository or commit that is not what it claims to be: malformed, incomplete, or not signed by
 * the expected key. The message names the block, key or field at fault.
 */
public class RepoException extends RuntimeException {
    public RepoException(String message) {
        super(message);
    }

    public RepoException(String message, Throwable cause) {
        super(message, cause);
    }
}
