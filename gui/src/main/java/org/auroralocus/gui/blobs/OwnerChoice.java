package org.auroralocus.gui.blobs;

import java.util.Optional;
import org.auroralocus.atproto.syntax.Did;

/** An entry of the account filter: one account, or every account. */
public record OwnerChoice(Optional<Did> did, String label) {
    public static final OwnerChoice EVERYONE = new OwnerChoice(Optional.empty(), "All accounts");

    @Override public String toString() {
        return label;
    }
}
