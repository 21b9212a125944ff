package org.auroralocus.server.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.server.account.Account;
import org.auroralocus.server.account.AccountService;

/**
 * Builds, from the account's own records, the views an AppView would return for them (as the official
 * PDS's LocalViewer): a post view with zero counts, and profile views updated with the local profile
 * record. Record embeds would need the AppView; they are shown as not found.
 */
final class LocalViewer {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final AccountService accounts;
    private final ImageUrls images;

    LocalViewer(AccountService accounts, ImageUrls images) {
        this.accounts = accounts;
        this.images = images;
    }

    /** The post view of a local post record; empty when the account is gone. */
    Optional<ObjectNode> post(Did author, LocalRecords.Local post, Optional<LocalRecords.Local> profile) {
        Optional<Account> account = accounts.findByDid(author);
        if (account.isEmpty()) return Optional.empty();
        ObjectNode view = NODES.objectNode();
        view.put("uri", post.uri().toString());
        view.put("cid", post.cid().toString());
        ObjectNode basic = view.putObject("author");
        basic.put("did", author.value());
        basic.put("handle", account.get().handle().toString());
        profile.ifPresent(p -> updateBasic(basic, author, p.record()));
        view.set("record", post.record());
        embed(author, post.record().path("embed")).ifPresent(e -> view.set("embed", e));
        // counts are presumed zero right after the post was made
        view.put("replyCount", 0);
        view.put("repostCount", 0);
        view.put("likeCount", 0);
        view.put("quoteCount", 0);
        view.put("indexedAt", post.indexedAt().toString());
        return Optional.of(view);
    }

    /** Display name and avatar from the profile record (removed when the record has none). */
    void updateBasic(ObjectNode view, Did did, ObjectNode profile) {
        copyText(profile, "displayName", view);
        image(did, profile.path("avatar"), "avatar").ifPresentOrElse(url -> view.put("avatar", url), () -> view.remove("avatar"));
    }

    /** As {@link #updateBasic}, and the description and banner of a detailed profile view. */
    void updateDetailed(ObjectNode view, Did did, ObjectNode profile) {
        updateBasic(view, did, profile);
        copyText(profile, "description", view);
        image(did, profile.path("banner"), "banner").ifPresentOrElse(url -> view.put("banner", url), () -> view.remove("banner"));
    }

    private static void copyText(ObjectNode from, String field, ObjectNode to) {
        JsonNode value = from.path(field);
        if (value.isTextual()) to.put(field, value.asText());
        else to.remove(field);
    }

    private Optional<String> image(Did did, JsonNode blob, String kind) {
        JsonNode link = blob.path("ref").path("$link");
        if (link.isTextual()) return Optional.of(images.of(kind, did, link.asText()));
        JsonNode legacy = blob.path("cid");
        return legacy.isTextual() ? Optional.of(images.of(kind, did, legacy.asText())) : Optional.empty();
    }

    private Optional<ObjectNode> embed(Did did, JsonNode embed) {
        String type = embed.path("$type").asText("");
        return switch (type) {
            case "app.bsky.embed.images", "app.bsky.embed.external" -> media(did, embed);
            case "app.bsky.embed.record" -> Optional.of(recordView(embed.path("record")));
            case "app.bsky.embed.recordWithMedia" -> media(did, embed.path("media")).map(media -> {
                ObjectNode view = NODES.objectNode().put("$type", "app.bsky.embed.recordWithMedia#view");
                view.set("record", recordView(embed.path("record").path("record")));
                view.set("media", media);
                return view;
            });
            default -> Optional.empty();
        };
    }

    private Optional<ObjectNode> media(Did did, JsonNode embed) {
        String type = embed.path("$type").asText("");
        if (type.equals("app.bsky.embed.images")) {
            ObjectNode view = NODES.objectNode().put("$type", "app.bsky.embed.images#view");
            ArrayNode out = view.putArray("images");
            for (JsonNode img : embed.path("images")) {
                ObjectNode o = out.addObject();
                image(did, img.path("image"), "feed_thumbnail").ifPresent(u -> o.put("thumb", u));
                image(did, img.path("image"), "feed_fullsize").ifPresent(u -> o.put("fullsize", u));
                if (img.has("aspectRatio")) o.set("aspectRatio", img.get("aspectRatio"));
                o.put("alt", img.path("alt").asText(""));
            }
            return Optional.of(view);
        }
        if (type.equals("app.bsky.embed.external")) {
            JsonNode ext = embed.path("external");
            ObjectNode view = NODES.objectNode().put("$type", "app.bsky.embed.external#view");
            ObjectNode o = view.putObject("external");
            o.put("uri", ext.path("uri").asText(""));
            o.put("title", ext.path("title").asText(""));
            o.put("description", ext.path("description").asText(""));
            image(did, ext.path("thumb"), "feed_thumbnail").ifPresent(u -> o.put("thumb", u));
            return Optional.of(view);
        }
        return Optional.empty();
    }

    private static ObjectNode recordView(JsonNode strongRef) {
        ObjectNode view = NODES.objectNode().put("$type", "app.bsky.embed.record#view");
        view.putObject("record").put("$type", "app.bsky.embed.record#viewNotFound")
                .put("uri", strongRef.path("uri").asText("")).put("notFound", true);
        return view;
    }
}
