package org.auroralocus.server.proxy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.auroralocus.atproto.syntax.Did;

/**
 * Links to the images of records the AppView has not seen: through its CDN when
 * {@code PDS_BSKY_APP_VIEW_CDN_URL_PATTERN} is set (a pattern of kind, DID and CID, as the official
 * {@code util.format}), else this server's own getBlob.
 */
record ImageUrls(String publicUrl, Optional<String> cdnUrlPattern) {
    String of(String kind, Did did, String cid) {
        if (cdnUrlPattern.isPresent()) return String.format(cdnUrlPattern.get(), kind, did.value(), cid);
        return publicUrl + "/xrpc/com.atproto.sync.getBlob?did=" + URLEncoder.encode(did.value(), StandardCharsets.UTF_8)
                + "&cid=" + cid;
    }
}
