package org.dtenge.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Samples land in the category of what the stack was doing, innermost frame first. */
class ProfileBreakdownTest {
    private static final String HELIDON = "io.helidon.webserver.http1.Http1Connection.handle";
    private static final String VIRTUAL = "[0x425e9ae8 0x51aff3ba] WebServer socket";

    @Test
    void theRequestSignatureAndThePaymentSignatureAreToldApart() {
        assertThat(ProfileBreakdown.classify(VIRTUAL, List.of("org.bouncycastle.math.ec.rfc7748.X25519Field.mul",
                "org.bouncycastle.math.ec.rfc8032.Ed25519.verify", "org.dtenge.node.auth.Signatures.verify",
                "org.dtenge.node.auth.RequestAuthenticator.authenticate", "org.dtenge.node.http.Signed.authenticate", HELIDON)))
                .isEqualTo("request: auth, Ed25519 verify of the request signature");
        assertThat(ProfileBreakdown.classify(VIRTUAL, List.of("org.bouncycastle.math.ec.rfc7748.X25519Field.sqr",
                "org.dtenge.node.auth.Signatures.verify", "org.dtenge.node.payment.PaymentOrder.verify",
                "org.dtenge.node.service.Payments.signed", HELIDON)))
                .isEqualTo("request: Ed25519 verify of the payment signature");
        assertThat(ProfileBreakdown.classify(VIRTUAL, List.of("java.security.MessageDigest.digest",
                "org.dtenge.node.auth.RequestSigner.sha256Hex", "org.dtenge.node.auth.RequestAuthenticator.authenticate", HELIDON)))
                .startsWith("request: auth, the rest");
    }

    @Test
    void receiptsJsonAndHttpOnRequestThreads() {
        assertThat(ProfileBreakdown.classify(VIRTUAL, List.of("sun.security.provider.SHA2.implCompress",
                "org.dtenge.node.chain.BatchTree.<init>", "org.dtenge.node.chain.RecentBatches.receipt",
                "org.dtenge.node.service.Transfers.committed", HELIDON))).startsWith("request: receipt");
        assertThat(ProfileBreakdown.classify(VIRTUAL, List.of("com.fasterxml.jackson.core.json.UTF8JsonGenerator.writeString",
                "io.helidon.http.media.jackson.JacksonSupport.write", "org.dtenge.node.http.Responses.send", HELIDON)))
                .startsWith("request: JSON write");
        assertThat(ProfileBreakdown.classify(VIRTUAL, List.of("com.fasterxml.jackson.core.json.UTF8StreamJsonParser.nextToken",
                "org.dtenge.node.http.Json.decode", "org.dtenge.node.http.Call.body", HELIDON))).startsWith("request: JSON read");
        assertThat(ProfileBreakdown.classify(VIRTUAL, List.of("sun.nio.ch.SocketDispatcher.read0", HELIDON)))
                .startsWith("request: HTTP server");
    }

    @Test
    void pipelineThreadsAndTheClientByThread() {
        assertThat(ProfileBreakdown.classify("dtenge-projection", List.of("org.sqlite.core.NativeDB.step",
                "org.dtenge.node.projection.Projector.commit"))).isEqualTo("pipeline: projection (SQLite history and statistics)");
        assertThat(ProfileBreakdown.classify("dtenge-sync", List.of("sun.nio.ch.UnixFileDispatcherImpl.force0")))
                .startsWith("pipeline: sync");
        assertThat(ProfileBreakdown.classify("HttpClient-1-Worker-3", List.of("java.lang.String.indexOf")))
                .isEqualTo(ThreadCpu.CLIENT);
        assertThat(ProfileBreakdown.classify("", List.of("java.net.Socket.read", "org.dtenge.bench.SocketTransport.send")))
                .isEqualTo(ThreadCpu.CLIENT);
    }

    @Test
    void anythingElseIsNamedByItsInnermostClass() {
        assertThat(ProfileBreakdown.classify("JFR Periodic Tasks", List.of("jdk.jfr.internal.PlatformRecorder.periodicTask")))
                .isEqualTo("other: jdk.jfr.internal.PlatformRecorder");
        assertThat(ProfileBreakdown.classify("", List.of())).isEqualTo("other: no Java frames");
    }
}
