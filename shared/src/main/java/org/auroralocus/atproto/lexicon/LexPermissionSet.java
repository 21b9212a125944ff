package org.auroralocus.atproto.lexicon;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.auroralocus.atproto.cbor.DataValue;

/**
 * A named bundle of OAuth permissions (https://atproto.com/specs/permission). Titles and details
 * may be translated per language tag.
 */
public record LexPermissionSet(Optional<String> title, Map<String, String> titleLang, Optional<String> detail,
                               Map<String, String> detailLang, List<Permission> permissions) implements LexDef {

    public LexPermissionSet {
        Objects.requireNonNull(title);
        titleLang = Map.copyOf(titleLang);
        Objects.requireNonNull(detail);
        detailLang = Map.copyOf(detailLang);
        permissions = List.copyOf(permissions);
    }

    /**
     * One permission: the resource it is about ({@code repo}, {@code rpc}, ...) and its other
     * parameters, each a string, integer or boolean or a list of them.
     */
    public record Permission(String resource, Map<String, DataValue> parameters) {
        public Permission {
            if (resource.isEmpty()) throw new InvalidLexiconException("a permission's resource must not be empty");
            parameters = Map.copyOf(parameters);
        }
    }
}
