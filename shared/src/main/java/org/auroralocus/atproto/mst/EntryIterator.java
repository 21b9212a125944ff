package org.auroralocus.atproto.mst;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Walks the entries in key order, loading each node only when the walk reaches it, so a caller that
 * stops early (a page of records, a prefix scan) reads only the nodes it passed.
 */
final class EntryIterator implements Iterator<MstEntry> {
    /** Walk position in a node: even positions 2i are gap i, odd positions 2i+1 are entry i. */
    private static final class Frame {
        final MstNode node;
        int position;

        Frame(MstNode node, int position) {
            this.node = node;
            this.position = position;
        }
    }

    private final byte[] from;
    private final Deque<Frame> stack = new ArrayDeque<>();
    private MstEntry next;

    /** Entries from {@code from} (inclusive) on; null {@code from} walks them all. */
    EntryIterator(MstNode root, byte[] from) {
        this.from = from;
        enter(root);
    }

    private void enter(MstNode node) {
        int start = 0;
        if (from != null) {
            // skip what sorts before `from`; only nodes on its path can hold such keys
            int found = node.search(from);
            start = found >= 0 ? 2 * found + 1 : 2 * (-found - 1);
        }
        stack.push(new Frame(node, start));
    }

    @Override public boolean hasNext() {
        if (next == null) next = advance();
        return next != null;
    }

    @Override public MstEntry next() {
        if (!hasNext()) throw new NoSuchElementException();
        MstEntry entry = next;
        next = null;
        return entry;
    }

    private MstEntry advance() {
        while (!stack.isEmpty()) {
            Frame top = stack.peek();
            if (top.position > 2 * top.node.size()) {
                stack.pop();
                continue;
            }
            int position = top.position++;
            int i = position / 2;
            if (position % 2 == 1) return new MstEntry(MstKey.text(top.node.key(i)), top.node.value(i));
            MstNode gap = top.node.gap(i);
            if (gap != null) enter(gap);
        }
        return null;
    }
}
