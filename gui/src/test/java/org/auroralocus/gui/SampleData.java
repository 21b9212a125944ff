package org.auroralocus.gui;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.net.http.HttpRequest;
import org.auroralocus.server.TestImages;
import org.auroralocus.server.TestAccounts;
import org.auroralocus.server.TestPds;

/** Accounts, posts and pictures made over XRPC, as a client would, for the tests and screenshots. */
final class SampleData {
    private SampleData() {}

    static TestAccounts.SignedUp account(TestPds pds, String prefix) {
        return TestAccounts.signUp(pds, prefix, "correct horse battery");
    }

    /** Posts {@code text}; returns the post's URI. */
    static String post(TestPds pds, TestAccounts.SignedUp who, String text) {
        return postRef(pds, who, text).get("uri").asText();
    }

    /** Posts {@code text}; returns its strong reference ({@code uri}, {@code cid}). */
    static com.fasterxml.jackson.databind.JsonNode postRef(TestPds pds, TestAccounts.SignedUp who, String text) {
        var r = pds.post("/xrpc/com.atproto.repo.createRecord", """
                {"repo":"%s","collection":"app.bsky.feed.post","record":{"$type":"app.bsky.feed.post","text":"%s",
                "createdAt":"2026-11-28T12:00:00.000Z"}}""".formatted(who.did(), text), who.auth());
        if (r.status() != 200) throw new AssertionError("post failed: " + r.text());
        return r.json();
    }

    /** Uploads a picture and posts it; returns the post's URI. */
    static String imagePost(TestPds pds, TestAccounts.SignedUp who, byte[] png, String alt) {
        return imagePost(pds, who, upload(pds, who, png), alt);
    }

    /** Uploads a picture; returns the blob object ({@code ref.$link} is its CID). */
    static com.fasterxml.jackson.databind.JsonNode upload(TestPds pds, TestAccounts.SignedUp who, byte[] png) {
        var upload = pds.send(HttpRequest.newBuilder(pds.uri("/xrpc/com.atproto.repo.uploadBlob"))
                .headers(who.auth()).header("Content-Type", "image/png")
                .POST(HttpRequest.BodyPublishers.ofByteArray(png)).build());
        if (upload.status() != 200) throw new AssertionError("upload failed: " + upload.text());
        return upload.json().get("blob");
    }

    /** Posts an uploaded picture; returns the post's URI. */
    static String imagePost(TestPds pds, TestAccounts.SignedUp who, com.fasterxml.jackson.databind.JsonNode blob, String alt) {
        var r = pds.post("/xrpc/com.atproto.repo.createRecord", """
                {"repo":"%s","collection":"app.bsky.feed.post","record":{"$type":"app.bsky.feed.post","text":"%s",
                "createdAt":"2026-11-28T12:00:00.000Z","embed":{"$type":"app.bsky.embed.images",
                "images":[{"alt":"%s","image":%s}]}}}""".formatted(who.did(), alt, alt, blob), who.auth());
        if (r.status() != 200) throw new AssertionError("image post failed: " + r.text());
        return r.json().get("uri").asText();
    }

    static void follow(TestPds pds, TestAccounts.SignedUp who, TestAccounts.SignedUp whom) {
        var r = pds.post("/xrpc/com.atproto.repo.createRecord", """
                {"repo":"%s","collection":"app.bsky.graph.follow","record":{"$type":"app.bsky.graph.follow","subject":"%s",
                "createdAt":"2026-11-28T12:00:00.000Z"}}""".formatted(who.did(), whom.did()), who.auth());
        if (r.status() != 200) throw new AssertionError("follow failed: " + r.text());
    }

    /** A small landscape picture: a sky gradient over a hill, in the given colours. */
    static byte[] picture(Color top, Color bottom, Color hill) {
        BufferedImage image = new BufferedImage(320, 220, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, top, 0, 220, bottom));
        g.fillRect(0, 0, 320, 220);
        g.setColor(Color.WHITE);
        g.fillOval(220, 30, 50, 50);
        g.setColor(hill);
        g.fillOval(-80, 140, 300, 200);
        g.fillOval(120, 160, 320, 200);
        g.dispose();
        return TestImages.png(image);
    }
}
