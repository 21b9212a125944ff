package org.auroralocus.atproto.identity.plc;

import java.util.List;

/**
 * Operations with known DIDs and CIDs, from public PLC logs: the audit log plc.directory serves for
 * did:plc:yk4dd2qkboz2yv6tpubpc6co (the DID the spec uses as its identifier example; it starts with
 * a legacy create), and logs of the go-didplc test data (a tombstoned DID, and genesis operations
 * whose signatures are not in the one canonical form: high-S, DER, padded or otherwise
 * non-canonical base64url).
 */
final class PlcVectors {
    private PlcVectors() {}

    /** A genesis operation whose signature the directory must refuse, though it hashes to its DID. */
    record BadSignature(String name, String did, String json) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final String LEGACY_DID = "did:plc:yk4dd2qkboz2yv6tpubpc6co";
    static final String LEGACY_GENESIS = """
            {"sig": "7QTzqO1BcL3eDzP4P_YBxMmv5U4brHzAItkM9w5o8gZA7ElZkrVYEwsfQCfk5EoWLk58Z1y6fyNP9x1pthJnlw",
             "prev": null, "type": "create", "handle": "dan.bsky.social", "service": "https://bsky.social",
             "signingKey": "did:key:zQ3shP5TBe1sQfSttXty15FAEHV1DZgcxRZNxvEWnPfLFwLxJ",
             "recoveryKey": "did:key:zQ3shhCGUqDKjStzuDxPkTxN6ujddP4RkEKJJouJGRRkaLGbg"}""";
    static final String LEGACY_GENESIS_CID = "bafyreigcxay6ucqlwowfpu35alyxqtv3c4vsj7gmdtmnidsnqs6nblyarq";
    static final String LEGACY_UPDATE = """
            {"sig": "n-VWsPZY4xkFN8wlg-kJBU_yzWTNd2oBnbjkjxXu3HdjbBLaEB7K39JHIPn_DZVALKRjts6bUicjSEecZy8eIw",
             "prev": "bafyreigcxay6ucqlwowfpu35alyxqtv3c4vsj7gmdtmnidsnqs6nblyarq", "type": "plc_operation",
             "services": {"atproto_pds": {"type": "AtprotoPersonalDataServer", "endpoint": "https://bsky.social"}},
             "alsoKnownAs": ["at://dholms.xyz"],
             "rotationKeys": ["did:key:zQ3shhCGUqDKjStzuDxPkTxN6ujddP4RkEKJJouJGRRkaLGbg",
                              "did:key:zQ3shP5TBe1sQfSttXty15FAEHV1DZgcxRZNxvEWnPfLFwLxJ"],
             "verificationMethods": {"atproto": "did:key:zQ3shP5TBe1sQfSttXty15FAEHV1DZgcxRZNxvEWnPfLFwLxJ"}}""";
    static final String LEGACY_UPDATE_CID = "bafyreiho5sanautvnw3det66jcwic4vkeabc35y7iou3ygwj2l3xqcxdau";

    static final String TOMBSTONED_DID = "did:plc:6adr3q2labdllanslzhqkqd3";
    static final String TOMBSTONED_GENESIS = """
            {"sig": "ZznbxHinpBI3NgEYWzXUXLA65s2U1ezJooreZlscHYQRfd4EMlijqhpikGMabs-81Tsy4Mt9Iscpmk7Uz13aAg",
             "prev": null, "type": "plc_operation", "services": {}, "alsoKnownAs": ["at://op0"],
             "rotationKeys": ["did:key:zQ3shmWf4f6ZwzNyjUDYw4oFQjgHWZoYZDjJYtz75YfYYrphB",
                              "did:key:zQ3shr2PwdoF6kbuYYymyZq6YbGWShiTXAkdMioCPdSdPL9NV"],
             "verificationMethods": {}}""";
    static final String TOMBSTONED_GENESIS_CID = "bafyreihqa4o4gsyai22ydms6j4cua6yr6tuc7trq2temvnycadk2daniru";
    static final String TOMBSTONE = """
            {"sig": "iKFOLyEujXdHWujAAnwFhKfb9kkIcpMDGOV15eNWqlxLM2GtdQD3lVWCshTKWi0dF7InXGseVFDexS0kg0KmEQ",
             "prev": "bafyreihqa4o4gsyai22ydms6j4cua6yr6tuc7trq2temvnycadk2daniru", "type": "plc_tombstone"}""";
    static final String TOMBSTONE_CID = "bafyreifafe44xylxagcom47xb3lrya5pysu3b7zfjmmmitiuimhmgmerze";

    /** Mathematically valid, but its s is above n/2: the directory must refuse it. */
    static final String HIGH_S_DID = "did:plc:t63fj6hb7mahe7qcvgbqhdnk";
    static final String HIGH_S_GENESIS = """
            {"type": "plc_operation", "rotationKeys": ["did:key:zQ3shTBEaSruX6DJNAH3W9Weu95PYwrdQvmrHCSW9bLLZXrnw"],
             "verificationMethods": {}, "alsoKnownAs": ["at://high_s_k256"], "services": {}, "prev": null,
             "sig": "cDdgXcFwiJFhTzUyEhmvG4uCqy_UEqTXiWN29O3CiMXtfPnNo7Mg_BsK1iv4VBt010RwJg5mnDOK20T6m8ltDw"}""";
    static final String HIGH_S_GENESIS_CID = "bafyreie7wzkpryp3abzh4avjqmby3kuznuz3dwlqqgyfui25pecveba5oe";

    static final List<BadSignature> BAD_SIGNATURES = List.of(
            new BadSignature("k256 high-S", HIGH_S_DID, HIGH_S_GENESIS),
            new BadSignature("p256 high-S", "did:plc:svbmkmqgxdr4i5cnt5y5lq5h", """
                    {"type":"plc_operation","rotationKeys":["did:key:zDnaefqvvRQsME5c7LvxdghHeARNWEFbg2PfrAYiHhKVf9rH9"],
                     "verificationMethods":{},"alsoKnownAs":["at://high_s_p256"],"services":{},"prev":null,
                     "sig":"v5pzK205KUu88-3lrYRoLmw_3TJL0xK3uCNUJXged7zEEjAQcndRh4rlglwVeMQa_UH-3XArH1Oh5T_3QGLzbg"}"""),
            new BadSignature("k256 DER-encoded", "did:plc:ru3i4kqbprtzmfydm3vmn57w", """
                    {"sig":"MD4CHRiHVHmnqoitzAIq5NZXEkmBbtbfayatOLATwgsOAh1OFK0fSdkgNJGXpMkXMumSu0smNfVZPzElCm1jkA","prev":null,
                     "type":"plc_operation","services":{"atproto_pds":{"type":"AtprotoPersonalDataServer",
                     "endpoint":"https://mrSTdKI0ilD_bR23p5wCOfKGUSsbOSnI.example.com"}},"alsoKnownAs":["at://merry.xmas.from.retr0.id"],
                     "rotationKeys":["did:key:zQ3shaTh3deVkniqT1r413817rJ3JDvTG61bzGX13dSwCkvGC"],
                     "verificationMethods":{"atproto":"did:key:zQ3shaTh3deVkniqT1r413817rJ3JDvTG61bzGX13dSwCkvGC"}}"""),
            new BadSignature("base64 padding characters", "did:plc:vllxembwgplesifkkab6dopf", """
                    {"type":"plc_operation","rotationKeys":["did:key:zDnaefqvvRQsME5c7LvxdghHeARNWEFbg2PfrAYiHhKVf9rH9"],
                     "verificationMethods":{},"alsoKnownAs":["at://weird_sig_padding"],"services":{},"prev":null,
                     "sig":"QHEeFBpqab-LHQzXL59DpQohJxaZt0tjwRqRGegX6vYfo3g9KlZZskecnZZietchQIBsN8DwBLgfkCGSxS7YKA=="}"""),
            new BadSignature("base64 non-zero padding bits", "did:plc:3hhmazwcb2hbcjn3thxamwrk", """
                    {"type":"plc_operation","rotationKeys":["did:key:zDnaefqvvRQsME5c7LvxdghHeARNWEFbg2PfrAYiHhKVf9rH9"],
                     "verificationMethods":{},"alsoKnownAs":["at://weird_sig_padding"],"services":{},"prev":null,
                     "sig":"yRcZOnrdCdTMIWVbM-HX8ByF0Rk1SOkivl3A3YbmzT4saxyk_nERJSJ-CqKlNP4CmMdVL5Cvc1vSM_Fe5HBbmR"}"""),
            new BadSignature("base64 trailing newline", "did:plc:vyuosvns3imj4hqisd77qfop", """
                    {"type":"plc_operation","rotationKeys":["did:key:zDnaefqvvRQsME5c7LvxdghHeARNWEFbg2PfrAYiHhKVf9rH9"],
                     "verificationMethods":{},"alsoKnownAs":["at://weird_sig_padding"],"services":{},"prev":null,
                     "sig":"j0i5fYQ3fJfjXzIAcb1RoiA-F9xtzU838cU890NEC9xYmHFO4nbQMrZ6ihRu7kZPGf22q4590-3N5Q9IS-BdiA\\n"}"""));
}
