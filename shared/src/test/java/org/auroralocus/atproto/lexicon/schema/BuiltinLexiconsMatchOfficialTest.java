package org.auroralocus.atproto.lexicon.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.auroralocus.atproto.kit.Kit;
import org.auroralocus.atproto.lexicon.LexDef;
import org.auroralocus.atproto.lexicon.LexObject;
import org.auroralocus.atproto.lexicon.LexRecord;
import org.auroralocus.atproto.lexicon.LexString;
import org.auroralocus.atproto.lexicon.LexiconDoc;
import org.auroralocus.atproto.lexicon.LexiconParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each of our definitions against the official document of the same NSID in the kit: the same
 * properties with the same types, required and nullable lists, constraints, references, union
 * members and key rules. Drift between the two is a failure with the definition's name.
 */
class BuiltinLexiconsMatchOfficialTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("ourDefinitions")
    void matchesTheOfficialDefinition(String name, LexDef ours) {
        String nsid = name.substring(0, name.indexOf('#'));
        String defName = name.substring(name.indexOf('#') + 1);
        LexDef official = official(nsid).def(defName)
                .orElseThrow(() -> new AssertionError("the official " + nsid + " has no definition " + defName));
        assertEquals(OfficialForm.of(official, nsid), OfficialForm.of(ours, nsid), name + " differs from the official definition");
    }

    static Stream<Arguments> ourDefinitions() {
        List<Arguments> cases = new ArrayList<>();
        for (LexiconDoc doc : BuiltinLexicons.documents()) {
            doc.defs().forEach((name, def) -> cases.add(Arguments.of(doc.id() + "#" + name, def)));
        }
        return cases.stream();
    }

    @Test
    void aChangedConstraintMakesTheFormsDiffer() {
        LexRecord post = (LexRecord) AppBskyFeed.post().main().orElseThrow();
        LexObject longer = post.record().optional("subtitle", LexString.plain());
        LexObject shorter = LexObject.empty().required("text", LexString.plain().maxLength(3001).maxGraphemes(300));
        LexDef official = OfficialForm.of(official("app.bsky.feed.post").main().orElseThrow(), "app.bsky.feed.post");
        assertEquals(official, OfficialForm.of(post, "app.bsky.feed.post"));
        assertNotEquals(official, OfficialForm.of(new LexRecord(post.key(), longer), "app.bsky.feed.post"));
        assertNotEquals(official, OfficialForm.of(new LexRecord(post.key(), shorter), "app.bsky.feed.post"));
    }

    private static LexiconDoc official(String nsid) {
        Path file = Kit.lexicons().resolve(nsid.replace('.', '/') + ".json");
        return LexiconParser.parse(Kit.read(file));
    }
}
