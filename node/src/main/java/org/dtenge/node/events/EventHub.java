package org.dtenge.node.events;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Fans events out to the participants' open streams. Publishing never blocks: each stream has a
 * bounded queue, and a stream that falls that far behind is closed (its client reconnects), so that
 * one slow client cannot hold up the projection.
 *
 * <p>A client that reconnects names the last event it received (SSE's {@code Last-Event-ID}) and is
 * sent what it missed first. For that the hub keeps the last {@code replayMax} events of every
 * participant that has opened a stream since the node started; a participant that never listened
 * costs nothing, not even the building of its events ({@link #listens}). When the named event is no
 * longer held (or the node restarted), the stream starts with a {@code stream.gap} event: the client
 * reads the history for the missing time instead.
 */
public final class EventHub {
    private final int queueCapacity;
    private final int replayMax;
    private final Map<Long, Listener> listeners = new ConcurrentHashMap<>();

    public EventHub(int queueCapacity, int replayMax) {
        this.queueCapacity = queueCapacity;
        this.replayMax = replayMax;
    }

    /** One participant's open streams and recent events; its monitor orders publishing against opening. */
    private static final class Listener {
        final Set<Stream> streams = ConcurrentHashMap.newKeySet();
        final ArrayDeque<NodeEvent> recent = new ArrayDeque<>();
    }

    /** A new stream for {@code participantCode}, starting after the event {@code lastEventId} if given. */
    public Stream open(long participantCode, Optional<String> lastEventId) {
        Listener listener = listeners.computeIfAbsent(participantCode, code -> new Listener());
        Stream stream = new Stream(participantCode, new ArrayBlockingQueue<>(queueCapacity));
        synchronized (listener) {
            if (lastEventId.isPresent()) {
                stream.backlog = missed(listener, lastEventId.get(), participantCode);
            }
            listener.streams.add(stream);
        }
        return stream;
    }

    /** The events after {@code lastEventId}, or a gap event when it is no longer held. */
    private static List<NodeEvent> missed(Listener listener, String lastEventId, long participantCode) {
        List<NodeEvent> after = new ArrayList<>();
        Iterator<NodeEvent> newestFirst = listener.recent.descendingIterator();
        while (newestFirst.hasNext()) {
            NodeEvent event = newestFirst.next();
            if (event.id().equals(lastEventId)) {
                return after.reversed();
            }
            after.add(event);
        }
        return List.of(new NodeEvent(participantCode, "stream.gap", "", Map.of("after", lastEventId, "detail",
                "the node no longer holds the events after " + lastEventId + " (too many since, or it restarted):"
                        + " read the history for the time in between")));
    }

    /** Whether {@code participantCode} has listened since the node started: only then are its events built. */
    public boolean listens(long participantCode) {
        return listeners.containsKey(participantCode);
    }

    public void publish(List<NodeEvent> events) {
        for (NodeEvent event : events) {
            Listener listener = listeners.get(event.recipient());
            if (listener == null) {
                continue;
            }
            synchronized (listener) {
                listener.recent.addLast(event);
                if (listener.recent.size() > replayMax) {
                    listener.recent.removeFirst();
                }
                for (Stream stream : listener.streams) {
                    if (!stream.queue.offer(event)) {
                        stream.overflowed = true;
                        close(stream);
                    }
                }
            }
        }
    }

    public void close(Stream stream) {
        stream.close();
        Listener listener = listeners.get(stream.participantCode);
        if (listener != null) {
            listener.streams.remove(stream);
        }
    }

    /** Closes every stream: the node is stopping. */
    public void closeAll() {
        listeners.values().forEach(listener -> listener.streams.forEach(Stream::close));
    }

    public int openStreams() {
        return listeners.values().stream().mapToInt(listener -> listener.streams.size()).sum();
    }

    /** One open stream of one participant. */
    public static final class Stream {
        /** Put in the queue on close, to wake a reader waiting for the next event. */
        private static final NodeEvent CLOSING = new NodeEvent(0, "stream.closing", "", java.util.Map.of());

        private final long participantCode;
        private final BlockingQueue<NodeEvent> queue;
        private List<NodeEvent> backlog = List.of();
        private volatile boolean closed;
        private volatile boolean overflowed;

        private Stream(long participantCode, BlockingQueue<NodeEvent> queue) {
            this.participantCode = participantCode;
            this.queue = queue;
        }

        /** What the client missed before this stream opened (or a gap event); to be sent first. */
        public List<NodeEvent> backlog() {
            return backlog;
        }

        /** The next event, or empty after {@code timeoutMillis} (time for a heartbeat). */
        public Optional<NodeEvent> next(long timeoutMillis) throws InterruptedException {
            NodeEvent event = queue.poll(timeoutMillis, TimeUnit.MILLISECONDS);
            return event == CLOSING || closed ? Optional.empty() : Optional.ofNullable(event);
        }

        public boolean isClosed() {
            return closed;
        }

        private void close() {
            closed = true;
            queue.offer(CLOSING); // if the queue is full, the reader is not waiting anyway
        }

        public boolean overflowed() {
            return overflowed;
        }
    }
}
