package org.auroralocus.atproto.lexicon.schema;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.auroralocus.atproto.lexicon.LexRecord;
import org.auroralocus.atproto.lexicon.LexiconDoc;
import org.auroralocus.atproto.lexicon.LexiconRegistry;
import org.auroralocus.atproto.syntax.Nsid;

/**
 * The lexicons this PDS validates records with: the record types the official PDS validates on
 * write and everything they reference. A record of any other type is stored without validation
 * (unless validation was asked for, which then fails as the official PDS fails).
 */
public final class BuiltinLexicons {
    private BuiltinLexicons() {}

    /** Every document, each holding only the definitions some record type needs. */
    public static List<LexiconDoc> documents() {
        List<LexiconDoc> all = new ArrayList<>();
        all.addAll(AppBskyActor.documents());
        all.addAll(AppBskyEmbed.documents());
        all.addAll(AppBskyFeed.documents());
        all.addAll(AppBskyGraph.documents());
        all.addAll(AppBskyLabeler.documents());
        all.addAll(AppBskyNotification.documents());
        all.addAll(AppBskyRichtext.documents());
        all.addAll(ChatBskyActor.documents());
        all.addAll(ComAtproto.documents());
        all.addAll(ComGermnetwork.documents());
        return List.copyOf(all);
    }

    /** A registry of {@link #documents()}; build it once, at the composition root, and share it. */
    public static LexiconRegistry registry() {
        return LexiconRegistry.of(documents());
    }

    /** The record types validated on write, in NSID order. */
    public static List<Nsid> recordTypes() {
        return documents().stream()
                .filter(doc -> doc.main().filter(LexRecord.class::isInstance).isPresent())
                .map(LexiconDoc::id)
                .sorted(Comparator.comparing(Nsid::value))
                .toList();
    }
}
