package org.dtenge.node.http;

import io.helidon.common.media.type.MediaTypes;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.sse.SseEvent;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.sse.SseSink;
import java.util.Map;
import java.util.Optional;
import org.dtenge.node.NodeException;
import org.dtenge.node.events.EventHub;
import org.dtenge.node.events.NodeEvent;
import org.dtenge.node.participant.Participant;

/**
 * GET /v1/events: server-sent events for the accounts the caller services, as they are projected
 * (so a history query made on an event finds it). The stream opens with a {@code ready} event, then
 * sends {@code payment.incoming}, {@code payment.outgoing}, {@code wallet.opened}, ... each with the
 * ledger timestamp as its id, and a comment every 15 s so that proxies keep it open. A client that
 * reconnects with {@code Last-Event-ID} first gets what it missed (see {@link EventHub}).
 */
final class EventStream {
    private static final long HEARTBEAT_MILLIS = 15_000;
    private static final HeaderName LAST_EVENT_ID = HeaderNames.create("Last-Event-ID");

    private final EventHub hub;
    private final Signed signed;
    private final Responses responses;

    EventStream(EventHub hub, Signed signed, Responses responses) {
        this.hub = hub;
        this.signed = signed;
        this.responses = responses;
    }

    void register(Routes routes) {
        routes.getStream("/v1/events", handler());
    }

    private static void emit(SseSink sink, NodeEvent event) {
        SseEvent.Builder builder = SseEvent.builder().name(event.type()).data(event.data()).mediaType(MediaTypes.APPLICATION_JSON);
        if (!event.id().isEmpty()) {
            builder.id(event.id());
        }
        sink.emit(builder.build());
    }

    private Handler handler() {
        return (request, response) -> {
            Participant caller;
            try {
                caller = signed.authenticate(request, Signed.body(request, 0));
            } catch (NodeException e) {
                responses.problem(request, response, e.problem());
                return;
            }
            Optional<String> lastEventId = request.headers().first(LAST_EVENT_ID).filter(id -> !id.isBlank());
            EventHub.Stream stream = hub.open(caller.code(), lastEventId);
            try (SseSink sink = response.sink(SseSink.TYPE)) {
                sink.emit(SseEvent.builder().name("ready").data(Map.of("participant", caller.id()))
                        .mediaType(MediaTypes.APPLICATION_JSON).build());
                for (NodeEvent missed : stream.backlog()) {
                    emit(sink, missed);
                }
                while (!stream.isClosed()) {
                    Optional<NodeEvent> next = stream.next(HEARTBEAT_MILLIS);
                    if (next.isPresent()) {
                        emit(sink, next.get());
                    } else {
                        sink.emit(SseEvent.builder().comment("heartbeat").build());
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                // The client went away (a write failed): nothing to answer, just stop listening.
            } finally {
                hub.close(stream);
            }
        };
    }
}
