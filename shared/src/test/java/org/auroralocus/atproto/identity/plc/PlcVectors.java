package org.auroralocus.atproto.identity.plc;

/**
 * Operations with known DIDs and CIDs, from public PLC logs: the audit log plc.directory serves for
 * did:plc:yk4dd2qkboz2yv6tpubpc6co (the DID the spec uses as its identifier example; it starts with
 * a legacy create), and two logs of the go-didplc test data (a tombstoned DID, and a genesis whose
 * signature is valid but high-S).
 */
final class PlcVectors {
    private PlcVectors() {}

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
}
