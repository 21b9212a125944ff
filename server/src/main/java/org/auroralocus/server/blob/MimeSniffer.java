package org.auroralocus.server.blob;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The media type of an upload, from its first bytes (magic numbers), for the formats people post:
 * images, video and audio, plus PDF. The official PDS stores what the file-type library finds and
 * uses the request's Content-Type only when it finds nothing; this finds the same types for these
 * formats (text finds nothing, so text declared {@code image/png} stays {@code image/png}).
 */
final class MimeSniffer {
    /** How many leading bytes {@link #sniff} looks at. */
    static final int HEAD_LENGTH = 512;

    private MimeSniffer() {}

    static Optional<String> sniff(byte[] head, int length) {
        byte[] b = Arrays.copyOf(head, Math.min(length, head.length));
        return Optional.ofNullable(image(b)).or(() -> Optional.ofNullable(container(b)))
                .or(() -> Optional.ofNullable(audioOrOther(b)));
    }

    private static String image(byte[] b) {
        if (starts(b, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) return animatedPng(b) ? "image/apng" : "image/png";
        if (starts(b, 0, 0xFF, 0xD8, 0xFF)) return "image/jpeg";
        if (ascii(b, 0, "GIF87a") || ascii(b, 0, "GIF89a")) return "image/gif";
        if (starts(b, 0, 0xFF, 0x0A) || starts(b, 0, 0, 0, 0, 0x0C, 'J', 'X', 'L', ' ', 0x0D, 0x0A, 0x87, 0x0A)) return "image/jxl";
        if (starts(b, 0, 'I', 'I', 0x2A, 0) || starts(b, 0, 'M', 'M', 0, 0x2A)) return "image/tiff";
        return null;
    }

    /** RIFF, ISO base media (MP4, QuickTime, HEIF, AVIF), EBML (WebM, Matroska) and MPEG streams. */
    private static String container(byte[] b) {
        if (ascii(b, 0, "RIFF")) {
            if (ascii(b, 8, "WEBP")) return "image/webp";
            if (ascii(b, 8, "WAVE")) return "audio/wav";
            if (ascii(b, 8, "AVI ")) return "video/vnd.avi";
        }
        if (ascii(b, 4, "ftyp") && b.length >= 12) return isoBrand(brand(b));
        if (ascii(b, 4, "moov") || ascii(b, 4, "mdat") || ascii(b, 4, "wide")) return "video/quicktime";
        if (starts(b, 0, 0x1A, 0x45, 0xDF, 0xA3)) {
            if (contains(b, "webm")) return "video/webm";
            if (contains(b, "matroska")) return "video/matroska";
        }
        if (starts(b, 0, 0, 0, 1, 0xBA) || starts(b, 0, 0, 0, 1, 0xB3)) return "video/mpeg";
        return null;
    }

    private static String audioOrOther(byte[] b) {
        if (ascii(b, 0, "ID3")) return "audio/mpeg";
        // an MPEG audio frame: 11 sync bits, then a layer other than the reserved 00 (which is AAC's ADTS)
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xE0) == 0xE0) {
            if ((b[1] & 0x06) != 0) return "audio/mpeg";
            if ((b[1] & 0xF6) == 0xF0) return "audio/aac";
        }
        if (ascii(b, 0, "OggS")) {
            if (contains(b, "OpusHead") || contains(b, "vorbis")) return "audio/ogg";
            if (contains(b, "theora")) return "video/ogg";
            return "application/ogg";
        }
        if (ascii(b, 0, "fLaC")) return "audio/flac";
        if (ascii(b, 0, "%PDF-")) return "application/pdf";
        return null;
    }

    /** The major brand of an ISO base media file ({@code ftyp} box), which names the format. */
    private static String isoBrand(String brand) {
        return switch (brand) {
            case "avif", "avis" -> "image/avif";
            case "mif1" -> "image/heif";
            case "msf1" -> "image/heif-sequence";
            case "heic", "heix" -> "image/heic";
            case "hevc", "hevx" -> "image/heic-sequence";
            case "qt" -> "video/quicktime";
            case "M4V", "M4VH", "M4VP" -> "video/x-m4v";
            case "M4A" -> "audio/x-m4a";
            case "M4B", "F4A", "F4B" -> "audio/mp4";
            case "crx" -> "image/x-canon-cr3";
            default -> brand.startsWith("3g2") ? "video/3gpp2" : brand.startsWith("3g") ? "video/3gpp" : "video/mp4";
        };
    }

    private static String brand(byte[] b) {
        return new String(b, 8, 4, StandardCharsets.ISO_8859_1).replace('\0', ' ').strip();
    }

    /** An animated PNG has an {@code acTL} chunk before its first {@code IDAT}. */
    private static boolean animatedPng(byte[] b) {
        int at = 8;
        while (at + 8 <= b.length) {
            long chunkLength = ((b[at] & 0xFFL) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
            if (ascii(b, at + 4, "acTL")) return true;
            if (ascii(b, at + 4, "IDAT")) return false;
            at += 12 + (int) Math.min(chunkLength, b.length);
        }
        return false;
    }

    private static boolean starts(byte[] b, int offset, int... expected) {
        if (b.length < offset + expected.length) return false;
        for (int i = 0; i < expected.length; i++) {
            if ((b[offset + i] & 0xFF) != expected[i]) return false;
        }
        return true;
    }

    private static boolean ascii(byte[] b, int offset, String expected) {
        if (b.length < offset + expected.length()) return false;
        for (int i = 0; i < expected.length(); i++) {
            if (b[offset + i] != expected.charAt(i)) return false;
        }
        return true;
    }

    private static boolean contains(byte[] b, String needle) {
        for (int i = 0; i + needle.length() <= b.length; i++) {
            if (ascii(b, i, needle)) return true;
        }
        return false;
    }
}
