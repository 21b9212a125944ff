package org.auroralocus.server;

/**
 * The command line entry point the {@code aurora} launcher runs. Until the server arrives
 * (issue: the PDS server) it only reports the version.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        String verb = args.length == 0 ? "version" : args[0];
        switch (verb) {
            case "version", "--version" -> System.out.println("Aurora Locus " + AuroraVersion.current());
            default -> {
                System.err.println("aurora: unknown command '" + verb + "' (known: version)");
                System.exit(2);
            }
        }
    }
}
