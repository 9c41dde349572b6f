package org.safecity.anchors.internal;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.util.Selector;

/**
 * An RFC 3161 time-stamping client: asks a TSA to sign the SHA-256 of an anchor's statement and
 * checks what comes back (status, our nonce and digest, the token's signature by the certificate it
 * carries). A TSA is an independent witness: it holds a signed, dated copy of each head even if
 * everything on this machine is rewritten.
 */
final class TimeStamping {

    private final URI tsa;
    private final Duration timeout;
    private final HttpClient http;
    private final SecureRandom random = new SecureRandom();

    TimeStamping(URI tsa, Duration timeout) {
        this.tsa = tsa;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** A verified time-stamp token. */
    record Stamp(byte[] token, Instant at) {
    }

    Stamp stamp(byte[] sha256) throws IOException {
        var generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        var request = generator.generate(TSPAlgorithms.SHA256, sha256, new BigInteger(64, random));
        HttpResponse<byte[]> answer;
        try {
            answer = http.send(HttpRequest.newBuilder(tsa).timeout(timeout)
                .header("Content-Type", "application/timestamp-query")
                .POST(HttpRequest.BodyPublishers.ofByteArray(request.getEncoded())).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the time-stamping authority", e);
        }
        if (answer.statusCode() != 200) {
            throw new IOException("the time-stamping authority answered HTTP " + answer.statusCode());
        }
        try {
            var response = new TimeStampResponse(answer.body());
            response.validate(request); // status granted, our nonce, our digest, the token's certificate fit for time-stamping
            var token = response.getTimeStampToken();
            verify(token, sha256);
            return new Stamp(token.getEncoded(), token.getTimeStampInfo().getGenTime().toInstant());
        } catch (TSPException e) {
            throw new IOException("the time-stamping authority's answer is not a valid time-stamp: " + e.getMessage(), e);
        }
    }

    /**
     * Checks a stored token: it vouches for exactly this digest and its signature verifies with the
     * TSA certificate it carries. Throws with the reason otherwise.
     */
    static TimeStampToken verify(byte[] encoded, byte[] sha256) throws IOException {
        try {
            var token = new TimeStampToken(new org.bouncycastle.cms.CMSSignedData(encoded));
            verify(token, sha256);
            return token;
        } catch (TSPException | org.bouncycastle.cms.CMSException e) {
            throw new IOException("the time-stamp token is not valid: " + e.getMessage(), e);
        }
    }

    private static void verify(TimeStampToken token, byte[] sha256) throws TSPException, IOException {
        if (!MessageDigest.isEqual(token.getTimeStampInfo().getMessageImprintDigest(), sha256)) {
            throw new TSPException("the time-stamp is for another statement");
        }
        @SuppressWarnings("unchecked")
        var certificates = token.getCertificates().getMatches((Selector<X509CertificateHolder>) token.getSID());
        if (certificates.isEmpty()) {
            throw new TSPException("the time-stamp carries no certificate of its signer");
        }
        try {
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(certificates.iterator().next()));
        } catch (org.bouncycastle.operator.OperatorCreationException | java.security.cert.CertificateException e) {
            throw new TSPException("the time-stamp's signature cannot be checked: " + e.getMessage(), e);
        }
    }
}
