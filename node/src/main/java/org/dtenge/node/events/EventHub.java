package org.dtenge.node.events;

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
 * bounded queue, and a stream that falls that far behind is closed (its client reconnects and reads
 * what it missed from the history), so that one slow client cannot hold up the projection.
 */
public final class EventHub {
    private final int queueCapacity;
    private final Map<Long, Set<Stream>> streams = new ConcurrentHashMap<>();

    public EventHub(int queueCapacity) {
        this.queueCapacity = queueCapacity;
    }

    public Stream open(long participantCode) {
        Stream stream = new Stream(participantCode, new ArrayBlockingQueue<>(queueCapacity));
        streams.computeIfAbsent(participantCode, code -> ConcurrentHashMap.newKeySet()).add(stream);
        return stream;
    }

    public void publish(List<NodeEvent> events) {
        for (NodeEvent event : events) {
            Set<Stream> listeners = streams.get(event.recipient());
            if (listeners == null) {
                continue;
            }
            for (Stream stream : listeners) {
                if (!stream.queue.offer(event)) {
                    stream.overflowed = true;
                    close(stream);
                }
            }
        }
    }

    /** Whether {@code participantCode} has an open stream: events for nobody need not be built. */
    public boolean listens(long participantCode) {
        Set<Stream> listeners = streams.get(participantCode);
        return listeners != null && !listeners.isEmpty();
    }

    public void close(Stream stream) {
        stream.close();
        Set<Stream> listeners = streams.get(stream.participantCode);
        if (listeners != null) {
            listeners.remove(stream);
        }
    }

    /** Closes every stream: the node is stopping. */
    public void closeAll() {
        streams.values().forEach(set -> set.forEach(Stream::close));
        streams.clear();
    }

    public int openStreams() {
        return streams.values().stream().mapToInt(Set::size).sum();
    }

    /** One open stream of one participant. */
    public static final class Stream {
        /** Put in the queue on close, to wake a reader waiting for the next event. */
        private static final NodeEvent CLOSING = new NodeEvent(0, "stream.closing", "", java.util.Map.of());

        private final long participantCode;
        private final BlockingQueue<NodeEvent> queue;
        private volatile boolean closed;
        private volatile boolean overflowed;

        private Stream(long participantCode, BlockingQueue<NodeEvent> queue) {
            this.participantCode = participantCode;
            this.queue = queue;
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
