package org.dtenge.node.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.dtenge.node.NodeException;
import org.dtenge.node.participant.Participant;
import org.dtenge.node.participant.ParticipantRegistry;
import org.dtenge.node.participant.Role;
import org.junit.jupiter.api.Test;

/** Session expiry and the node secret, with a clock the test moves. */
class SessionsTest {
    private final AtomicLong nowMillis = new AtomicLong(1_764_068_400_000L);
    private final InstantSource clock = () -> Instant.ofEpochMilli(nowMillis.get());
    private final SigningKey halykKey = SigningKey.generate(new SecureRandom());
    private final ParticipantRegistry registry = new ParticipantRegistry();

    SessionsTest() {
        registry.add(new Participant("halyk", 2, "Halyk Bank", Role.BANK, halykKey.publicKey()));
    }

    private static String problem(Runnable call) {
        try {
            call.run();
            return "accepted";
        } catch (NodeException e) {
            return e.problem().type().slug;
        }
    }

    @Test
    void aSessionWorksUntilItExpiresAndNotAfter() {
        Sessions sessions = new Sessions(new SecureRandom(), clock, Duration.ofMinutes(10));
        RequestAuthenticator auth = new RequestAuthenticator(registry, sessions, clock, 60_000);
        Sessions.Session session = sessions.open("halyk");
        SessionSigner signer = new SessionSigner(session.id(), session.key());
        Map<String, String> fresh = signer.headers("GET", "/v1/supply", new byte[0], nowMillis.get(), RequestSigner.randomNonce());
        assertThat(auth.authenticate("GET", "/v1/supply", name -> Optional.ofNullable(fresh.get(name)), new byte[0]).id())
                .isEqualTo("halyk");
        nowMillis.addAndGet(Duration.ofMinutes(10).toMillis());
        Map<String, String> late = signer.headers("GET", "/v1/supply", new byte[0], nowMillis.get(), RequestSigner.randomNonce());
        assertThat(problem(() -> auth.authenticate("GET", "/v1/supply", name -> Optional.ofNullable(late.get(name)),
                new byte[0]))).isEqualTo("invalid-session");
    }

    @Test
    void anotherNodeSecretDoesNotKnowTheSession() {
        Sessions issued = new Sessions(new SecureRandom(), clock, Duration.ofMinutes(10));
        Sessions restarted = new Sessions(new SecureRandom(), clock, Duration.ofMinutes(10));
        Sessions.Session session = issued.open("halyk");
        assertThat(restarted.resolve(session.id()).orElseThrow().key()).isNotEqualTo(session.key());
        RequestAuthenticator auth = new RequestAuthenticator(registry, restarted, clock, 60_000);
        Map<String, String> headers = new SessionSigner(session.id(), session.key()).headers("GET", "/v1/supply", new byte[0],
                nowMillis.get(), RequestSigner.randomNonce());
        assertThat(problem(() -> auth.authenticate("GET", "/v1/supply", name -> Optional.ofNullable(headers.get(name)),
                new byte[0]))).isEqualTo("invalid-session");
    }

    @Test
    void malformedIdsResolveToNothing() {
        Sessions sessions = new Sessions(new SecureRandom(), clock, Duration.ofMinutes(10));
        for (String id : new String[] {"", "halyk", ".1.x", "halyk.x.y", "halyk.1", "a".repeat(300) + ".1.x"}) {
            assertThat(sessions.resolve(id)).as(id).isEmpty();
        }
        assertThatThrownBy(() -> new Sessions(new SecureRandom(), clock, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
