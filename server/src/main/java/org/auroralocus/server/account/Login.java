package org.auroralocus.server.account;

import java.util.Optional;

/** A successful password check: the account, and the app password used if it was not the account's own. */
public record Login(Account account, Optional<AppPasswordGrant> appPassword) {}
