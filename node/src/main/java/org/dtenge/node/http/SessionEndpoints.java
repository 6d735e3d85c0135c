package org.dtenge.node.http;

import io.helidon.http.HeaderNames;
import java.time.Instant;
import org.dtenge.node.NodeException;
import org.dtenge.node.ProblemType;
import org.dtenge.node.auth.Base64Url;
import org.dtenge.node.auth.SessionSigner;
import org.dtenge.node.auth.Sessions;

/** POST /v1/sessions: session credentials for a participant that signed the request with its own key. */
final class SessionEndpoints {
    private final Sessions sessions;

    SessionEndpoints(Sessions sessions) {
        this.sessions = sessions;
    }

    record SessionView(String session, String participant, String key, String expiresAt) {}

    void register(Routes routes) {
        routes.post("/v1/sessions", this::open);
    }

    private Reply open(Call call) {
        // A session must not extend itself: whoever holds a leaked session key would then hold it forever.
        if (call.request().headers().first(HeaderNames.create(SessionSigner.SESSION)).isPresent()) {
            throw NodeException.of(ProblemType.SESSION_NOT_ALLOWED, "a session cannot open another session;"
                    + " sign POST /v1/sessions with the participant's Ed25519 key");
        }
        if (call.body().length != 0) {
            throw NodeException.of(ProblemType.UNKNOWN_FIELD, "POST /v1/sessions takes no body");
        }
        Sessions.Session session = sessions.open(call.caller().id());
        return Reply.of(201, new SessionView(session.id(), session.participant(), Base64Url.encode(session.key()),
                Instant.ofEpochMilli(session.expiresAtMillis()).toString()));
    }
}
