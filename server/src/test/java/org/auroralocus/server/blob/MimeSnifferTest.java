package org.auroralocus.server.blob;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The types found from leading bytes, as the official PDS's file-type finds them for these formats. */
class MimeSnifferTest {

    /** Concatenates text (ISO-8859-1, one byte per character) and byte values. */
    private static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            switch (part) {
                case String s -> out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
                case int[] values -> { for (int v : values) out.write(v); }
                default -> throw new IllegalArgumentException(part.toString());
            }
        }
        return out.toByteArray();
    }

    private static int[] b(int... values) {
        return values;
    }

    private static byte[] image(String format) throws IOException {
        BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    private static byte[] ftyp(String brand) {
        return bytes(b(0, 0, 0, 0x1C), "ftyp", brand, b(0, 0, 0, 0), "isommp41");
    }

    static Stream<Arguments> known() throws IOException {
        int[] png = {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
        int[] ihdr = {0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1F, 0x15, 0xC4, 0x89};
        return Stream.of(
                Arguments.of("PNG", image("png"), "image/png"),
                Arguments.of("animated PNG", bytes(png, ihdr, b(0, 0, 0, 8), "acTL", b(0, 0, 0, 2, 0, 0, 0, 0, 1, 2, 3, 4)), "image/apng"),
                Arguments.of("JPEG", image("jpg"), "image/jpeg"),
                Arguments.of("GIF", image("gif"), "image/gif"),
                Arguments.of("TIFF", image("tiff"), "image/tiff"),
                Arguments.of("WebP", bytes("RIFF", b(0x24, 0, 0, 0), "WEBPVP8 "), "image/webp"),
                Arguments.of("JPEG XL", bytes(b(0xFF, 0x0A, 0xFA)), "image/jxl"),
                Arguments.of("AVIF", ftyp("avif"), "image/avif"),
                Arguments.of("HEIC", ftyp("heic"), "image/heic"),
                Arguments.of("HEIF", ftyp("mif1"), "image/heif"),
                Arguments.of("MP4", ftyp("isom"), "video/mp4"),
                Arguments.of("MP4 (mp42)", ftyp("mp42"), "video/mp4"),
                Arguments.of("QuickTime", ftyp("qt  "), "video/quicktime"),
                Arguments.of("QuickTime without ftyp", bytes(b(0, 0, 0, 8), "wide", b(0, 0, 0, 0), "mdat"), "video/quicktime"),
                Arguments.of("M4V", ftyp("M4V "), "video/x-m4v"),
                Arguments.of("M4A", ftyp("M4A "), "audio/x-m4a"),
                Arguments.of("3GP", ftyp("3gp5"), "video/3gpp"),
                Arguments.of("WebM", bytes(b(0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x86, 0x81, 1, 0x42, 0x82, 0x84), "webm"), "video/webm"),
                Arguments.of("Matroska", bytes(b(0x1A, 0x45, 0xDF, 0xA3, 0x93, 0x42, 0x82, 0x88), "matroska"), "video/matroska"),
                Arguments.of("MPEG program stream", bytes(b(0, 0, 1, 0xBA, 0x44)), "video/mpeg"),
                Arguments.of("AVI", bytes("RIFF", b(0, 0, 0, 0), "AVI LIST"), "video/vnd.avi"),
                Arguments.of("MP3 with ID3", bytes("ID3", b(4, 0, 0, 0, 0, 0, 0)), "audio/mpeg"),
                Arguments.of("MP3 frame", bytes(b(0xFF, 0xFB, 0x90, 0x64)), "audio/mpeg"),
                Arguments.of("AAC (ADTS)", bytes(b(0xFF, 0xF1, 0x50, 0x80)), "audio/aac"),
                Arguments.of("Ogg Opus", bytes("OggS", b(0, 2, 0, 0, 0, 0, 0, 0, 0, 0), "....OpusHead"), "audio/ogg"),
                Arguments.of("FLAC", bytes("fLaC", b(0, 0, 0, 0x22)), "audio/flac"),
                Arguments.of("WAV", bytes("RIFF", b(0x24, 0, 0, 0), "WAVEfmt "), "audio/wav"),
                Arguments.of("PDF", bytes("%PDF-1.7\n"), "application/pdf"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("known")
    void findsTheTypeFromTheLeadingBytes(String name, byte[] content, String expected) {
        assertEquals(Optional.of(expected), MimeSniffer.sniff(content, content.length));
    }

    static Stream<Arguments> unknown() {
        return Stream.of(
                Arguments.of("plain text", bytes("just some text, honestly")),
                Arguments.of("JSON", bytes("{\"a\":1}")),
                Arguments.of("HTML", bytes("<!doctype html><html></html>")),
                Arguments.of("SVG", bytes("<svg xmlns=\"http://www.w3.org/2000/svg\"/>")),
                Arguments.of("nothing", new byte[0]),
                Arguments.of("a cut PNG signature", bytes(b(0x89, 'P', 'N'))),
                Arguments.of("EBML of another kind", bytes(b(0x1A, 0x45, 0xDF, 0xA3, 0x84), "xyzw")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unknown")
    void findsNothingInOtherContent(String name, byte[] content) {
        assertEquals(Optional.empty(), MimeSniffer.sniff(content, content.length));
    }

    @org.junit.jupiter.api.Test
    void looksOnlyAtTheBytesItWasGiven() {
        byte[] buffer = new byte[MimeSniffer.HEAD_LENGTH];
        System.arraycopy(bytes("%PDF-"), 0, buffer, 0, 5);
        assertEquals(Optional.empty(), MimeSniffer.sniff(buffer, 3));
    }
}
