package org.auroralocus.server.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code pds.env} file: {@code NAME=value} lines as the official installer writes them, with
 * {@code #} comments, an optional {@code export } prefix and optional single or double quotes.
 */
public final class EnvFile {
    private EnvFile() {}

    public static Map<String, String> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException("cannot read the configuration file " + file + ": " + e.getMessage(), e);
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            if (line.startsWith("export ")) line = line.substring(7).strip();
            int eq = line.indexOf('=');
            if (eq <= 0) throw new ConfigException(file + " line " + (i + 1) + ": expected NAME=value");
            values.put(line.substring(0, eq).strip(), unquote(line.substring(eq + 1).strip()));
        }
        return values;
    }

    private static String unquote(String value) {
        if (value.length() >= 2) {
            char first = value.charAt(0);
            if ((first == '"' || first == '\'') && value.charAt(value.length() - 1) == first) {
                return value.substring(1, value.length() - 1);
            }
        }
        return value;
    }

    /**
     * Appends settings to the file, creating it (and its folder) if needed, and makes it readable by
     * its owner only: it holds the server's secrets.
     */
    public static void append(Path file, Map<String, String> values, String comment) {
        StringBuilder text = new StringBuilder();
        text.append("# ").append(comment).append('\n');
        values.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            boolean existed = Files.exists(file);
            if (!existed) Files.createFile(file);
            restrictToOwner(file);
            if (existed && Files.size(file) > 0 && !endsWithNewline(file)) text.insert(0, '\n');
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new ConfigException("cannot write the configuration file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Replaces the file with these settings (in their order), creating its folder if needed; the
     * new file is readable by its owner only before anything is written to it.
     */
    public static void write(Path file, Map<String, String> values, String comment) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new ConfigException("cannot replace the configuration file " + file + ": " + e.getMessage(), e);
        }
        append(file, values, comment);
    }

    static void restrictToOwner(Path file) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } else {
            var f = file.toFile();
            f.setReadable(false, false);
            f.setWritable(false, false);
            f.setReadable(true, true);
            f.setWritable(true, true);
        }
    }

    private static boolean endsWithNewline(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        return bytes.length == 0 || bytes[bytes.length - 1] == '\n';
    }
}
