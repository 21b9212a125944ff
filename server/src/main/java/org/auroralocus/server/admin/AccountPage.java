package org.auroralocus.server.admin;

import java.util.List;
import java.util.Optional;

/** A page of accounts; {@code cursor} asks for the next one, and is absent after the last page. */
public record AccountPage(List<AccountSummary> accounts, Optional<String> cursor) {
    public AccountPage {
        accounts = List.copyOf(accounts);
    }
}
