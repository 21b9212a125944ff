package org.auroralocus.atproto.identity;

import static org.auroralocus.atproto.identity.DidDocumentTest.plcDocument;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.auroralocus.atproto.syntax.AtIdentifier;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Handle;
import org.junit.jupiter.api.Test;

class IdentityResolverTest {
    private static final Did ALICE = Did.parse("did:plc:ewvi7nxzyoun6zhxrhs64oiz");
    private static final Did MALLORY = Did.parse("did:plc:z72i7hdynmk6r22z27h6tvur");

    private final Map<String, Did> handles = new HashMap<>();
    private final Map<Did, DidDocument> documents = new HashMap<>();
    private final IdentityResolver resolver = new IdentityResolver(
            handle -> Optional.ofNullable(handles.get(handle.normalized().value())),
            did -> Optional.ofNullable(documents.get(did)));

    private void document(Did did, String handle) {
        documents.put(did, DidDocument.parse(plcDocument(did.value(), handle, "https://pds.example.com")));
    }

    private Optional<Identity> resolve(String identifier) {
        return resolver.resolve(AtIdentifier.parse(identifier));
    }

    @Test
    void handleConfirmedBothWaysResolves() {
        handles.put("alice.example.com", ALICE);
        document(ALICE, "alice.example.com");

        Identity identity = resolve("alice.example.com").orElseThrow();

        assertEquals(ALICE, identity.did());
        assertEquals(Handle.parse("alice.example.com"), identity.handle());
        assertTrue(identity.hasVerifiedHandle());
        assertEquals(documents.get(ALICE), identity.document());
    }

    @Test
    void handleIsComparedWithoutCase() {
        handles.put("alice.example.com", ALICE);
        document(ALICE, "Alice.Example.com");

        assertEquals(Handle.parse("alice.example.com"), resolve("ALICE.example.COM").orElseThrow().handle());
    }

    @Test
    void handlePointingAtADidThatDoesNotClaimItIsNobodys() {
        // mallory points her domain at alice's DID: alice's document does not name it
        handles.put("mallory.example.com", ALICE);
        document(ALICE, "alice.example.com");

        assertEquals(Optional.empty(), resolve("mallory.example.com"));
    }

    @Test
    void unresolvableHandleIsEmpty() {
        assertEquals(Optional.empty(), resolve("nobody.example.com"));
    }

    @Test
    void handleOfDidWithoutDocumentIsEmpty() {
        handles.put("alice.example.com", ALICE);

        assertEquals(Optional.empty(), resolve("alice.example.com"));
    }

    @Test
    void didGetsItsHandleWhenTheHandlePointsBack() {
        handles.put("alice.example.com", ALICE);
        document(ALICE, "alice.example.com");

        assertEquals(Handle.parse("alice.example.com"), resolve(ALICE.value()).orElseThrow().handle());
    }

    @Test
    void didClaimingSomeoneElsesHandleGetsHandleInvalid() {
        // mallory's document claims alice's handle, which points to alice
        handles.put("alice.example.com", ALICE);
        document(MALLORY, "alice.example.com");

        Identity identity = resolve(MALLORY.value()).orElseThrow();

        assertEquals(Handle.INVALID, identity.handle());
        assertFalse(identity.hasVerifiedHandle());
    }

    @Test
    void didWithoutHandleGetsHandleInvalid() {
        documents.put(ALICE, DidDocument.parse("{\"id\": \"" + ALICE + "\"}"));

        assertEquals(Handle.INVALID, resolve(ALICE.value()).orElseThrow().handle());
    }

    @Test
    void didWithoutDocumentIsEmpty() {
        assertEquals(Optional.empty(), resolve(ALICE.value()));
    }

    @Test
    void stepsAreAvailableOneByOne() {
        handles.put("mallory.example.com", ALICE);
        document(ALICE, "alice.example.com");

        assertEquals(Optional.of(ALICE), resolver.resolveHandle(Handle.parse("mallory.example.com")));
        assertEquals(Optional.of(documents.get(ALICE)), resolver.resolveDid(ALICE));
    }
}
