package org.dtenge.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class BackgroundPriorityTest {
    @Test
    void lowersOnlyTheCallingThread() throws Exception {
        assumeTrue(System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).contains("linux"), "Linux only");
        Optional<Integer> before = BackgroundPriority.currentThreadNice();
        assumeTrue(before.isPresent(), "this JVM may not call native code");
        assumeTrue(before.get() < 10, "this test's thread already runs at nice " + before.get());
        AtomicReference<Optional<Integer>> lowered = new AtomicReference<>();
        AtomicReference<Boolean> answered = new AtomicReference<>();
        Thread background = Thread.ofPlatform().start(() -> {
            answered.set(BackgroundPriority.lowerCurrentThread(10));
            lowered.set(BackgroundPriority.currentThreadNice());
        });
        background.join();
        assertTrue(answered.get());
        assertEquals(Optional.of(10), lowered.get());
        assertEquals(before, BackgroundPriority.currentThreadNice(), "the caller's own thread is left alone");
    }

    @Test
    void aVirtualThreadIsLeftAlone() throws Exception {
        AtomicReference<Boolean> answered = new AtomicReference<>();
        Thread.ofVirtual().start(() -> answered.set(BackgroundPriority.lowerCurrentThread(10))).join();
        assertFalse(answered.get(), "a virtual thread's carrier serves other threads too");
    }

    @Test
    void refusesNiceValuesOutsideZeroToNineteen() {
        assertThrows(IllegalArgumentException.class, () -> BackgroundPriority.lowerCurrentThread(20));
        assertThrows(IllegalArgumentException.class, () -> BackgroundPriority.lowerCurrentThread(-1));
    }
}
