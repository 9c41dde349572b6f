package org.safecity.anchors.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.safecity.anchors.Anchor;
import org.safecity.anchors.AnchorSigner;
import org.safecity.anchors.Anchors;
import org.safecity.anchors.LogHead;
import org.safecity.anchors.SealedLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Seals each log, signs where it ended, has a TSA time-stamp it when one is configured, and appends
 * the anchor to the log's file; verification reads the newest anchor back and asks the log whether
 * it still reaches that head. Only a head that moved gets a new anchor, so a quiet log adds nothing.
 */
@Component
class Anchoring implements Anchors {

    private static final Logger log = LoggerFactory.getLogger(Anchoring.class);
    private final List<SealedLog> logs;
    private final AnchorSigner signer;
    private final AnchorFile file;
    private final Optional<TimeStamping> timeStamping;
    private final Clock clock;

    Anchoring(List<SealedLog> logs, AnchorSigner signer, AnchorFile file, AnchorSettings settings, Clock clock) {
        this.logs = List.copyOf(logs);
        this.signer = signer;
        this.file = file;
        this.timeStamping = Optional.ofNullable(settings.tsaUrl()).filter(url -> !url.toString().isBlank()).map(url -> new TimeStamping(url, settings.tsaTimeout()));
        this.clock = clock;
    }

    @Override
    public synchronized List<Anchor> anchorNow() {
        var newest = new ArrayList<Anchor>();
        for (SealedLog sealed : logs) {
            try {
                anchor(sealed).ifPresent(newest::add);
            } catch (RuntimeException e) {
                log.error("Could not anchor the {} log; trying again at the next interval", sealed.name(), e);
            }
        }
        return newest;
    }

    private Optional<Anchor> anchor(SealedLog sealed) {
        var head = sealed.seal();
        var last = file.newest(sealed.name(), 1).stream().findFirst();
        if (head.isEmpty()) {
            return last;
        }
        if (last.isPresent() && last.get().logHead().equals(head.get())) {
            return last;
        }
        var at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        long seq = last.map(a -> a.seq() + 1).orElse(1L);
        String previous = last.map(Anchor::statementHashHex).orElse(Anchor.GENESIS);
        LogHead h = head.get();
        String statement = Anchor.statement(sealed.name(), seq, at, h.position(), h.entries(), h.head(), previous);
        var encoder = Base64.getEncoder();
        var anchor = new Anchor(sealed.name(), seq, at, h.position(), h.entries(), h.head(), previous, publicKey(),
            encoder.encodeToString(signer.sign(statement.getBytes(StandardCharsets.UTF_8))), null, null);
        if (timeStamping.isPresent()) {
            try {
                var stamp = timeStamping.get().stamp(anchor.statementHash());
                anchor = new Anchor(anchor.log(), seq, at, h.position(), h.entries(), h.head(), previous, anchor.publicKey(),
                    anchor.signature(), encoder.encodeToString(stamp.token()), stamp.at());
            } catch (IOException e) {
                // the anchor on disk still counts; the TSA's copy is an extra witness, not a condition
                log.warn("The time-stamping authority did not time-stamp anchor {} of the {} log: {}", seq, sealed.name(), e.getMessage());
            }
        }
        file.append(anchor);
        return Optional.of(anchor);
    }

    @Override
    public AnchorCheck check(String name) {
        var sealed = logs.stream().filter(l -> l.name().equals(name)).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no log is called " + name));
        var newest = file.newest(name, 2);
        if (newest.isEmpty()) {
            return new AnchorCheck(null, null);
        }
        var anchor = newest.getLast();
        String where = "the newest anchor of the " + name + " log (anchor " + anchor.seq() + " of " + anchor.at() + ", in "
            + file.of(name) + ")";
        if (!signedByTheAuthority(anchor)) {
            return new AnchorCheck(anchor, where + " does not match its signature by the Authority's key: the anchor file was edited");
        }
        if (newest.size() == 2 && !anchor.previous().equals(newest.getFirst().statementHashHex())) {
            return new AnchorCheck(anchor, where + " does not follow anchor " + newest.getFirst().seq() + ": the anchor file was edited");
        }
        if (anchor.timestamp() != null) {
            try {
                TimeStamping.verify(Base64.getDecoder().decode(anchor.timestamp()), anchor.statementHash());
            } catch (IOException | IllegalArgumentException e) {
                return new AnchorCheck(anchor, where + " carries a time-stamp that does not verify: " + e.getMessage());
            }
        }
        return new AnchorCheck(anchor, sealed.missing(anchor.logHead())
            .map(missing -> missing + ", although " + where + " says the log reached " + anchor.entries()
                + " entries ending in " + anchor.head())
            .orElse(null));
    }

    private boolean signedByTheAuthority(Anchor anchor) {
        if (!anchor.publicKey().equals(publicKey())) {
            return false;
        }
        try {
            var key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(anchor.publicKey())));
            var verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(anchor.statement().getBytes(StandardCharsets.UTF_8));
            return verifier.verify(Base64.getDecoder().decode(anchor.signature()));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private String publicKey() {
        return signer.publicKeyPem().replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
    }
}
