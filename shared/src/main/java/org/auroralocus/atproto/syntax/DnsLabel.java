package org.auroralocus.atproto.syntax;

/**
 * One hostname label, as handles and NSID domain authorities use them (https://atproto.com/specs/handle):
 * 1 to 63 ASCII letters, digits and hyphens, not starting or ending with a hyphen.
 */
final class DnsLabel {
    static final int MAX_LENGTH = 63;

    private DnsLabel() {}

    /**
     * Scans the label that starts at {@code from} and returns the index just after it (a '.' or the end of
     * the string), or -1 when the text there is not a valid label.
     */
    static int end(String s, int from) {
        int i = from;
        int n = s.length();
        while (i < n && s.charAt(i) != '.') {
            char c = s.charAt(i);
            if (!Ascii.alnum(c) && c != '-') return -1;
            i++;
        }
        int length = i - from;
        if (length == 0 || length > MAX_LENGTH) return -1;
        if (s.charAt(from) == '-' || s.charAt(i - 1) == '-') return -1;
        return i;
    }

    /**
     * The number of dot-separated labels that make up {@code s[0, to)} exactly, or -1 when one of them is not a
     * valid label (an empty one included: leading, trailing or doubled dots).
     */
    static int count(String s, int to) {
        int labels = 0;
        int start = 0;
        while (true) {
            int end = end(s, start);
            if (end < 0 || end > to) return -1;
            labels++;
            if (end == to) return labels;
            start = end + 1;
        }
    }
}
