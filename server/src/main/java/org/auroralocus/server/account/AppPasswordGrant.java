package org.auroralocus.server.account;

/** The app password a login used: its name, and whether it may reach privileged methods. */
public record AppPasswordGrant(String name, boolean privileged) {}
