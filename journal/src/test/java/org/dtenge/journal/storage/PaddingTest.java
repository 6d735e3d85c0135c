package org.dtenge.journal.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class PaddingTest {
    @Test
    void paddingTakesALogToAWholeBlockWithRoomForItsHeader() {
        assertThat(Padding.lengthAfter(0, 4096)).isEqualTo(4096);
        assertThat(Padding.lengthAfter(1, 4096)).isEqualTo(4095);
        assertThat(Padding.lengthAfter(4088, 4096)).isEqualTo(8);
        assertThat(Padding.lengthAfter(4089, 4096)).as("the header does not fit: the next block too").isEqualTo(4096 + 7);
        assertThat(Padding.lengthAfter(4096, 4096)).isEqualTo(4096);
        assertThat(Padding.lengthAfter(10_000, 512)).isEqualTo(240);
    }

    @Test
    void aTrailerIsExactlyTheRestOfTheFile() {
        ByteBuffer file = ByteBuffer.allocate(100);
        Padding.write(file, 40, 60);
        assertThat(Padding.is(file.duplicate().position(40))).isTrue();
        assertThat(Padding.is(file.duplicate().position(40).limit(99))).as("shorter than its length").isFalse();
        assertThat(Padding.is(file.duplicate().position(39))).as("not where it starts").isFalse();
        assertThat(Padding.is(ByteBuffer.allocate(60))).as("zeros alone").isFalse();
        for (int at = 40; at < 100; at++) {
            ByteBuffer damaged = ByteBuffer.allocate(100);
            Padding.write(damaged, 40, 60);
            damaged.put(at, (byte) (damaged.get(at) ^ 1));
            assertThat(Padding.is(damaged.position(40))).as("a bit flipped at %d", at).isFalse();
        }
        ByteBuffer longest = ByteBuffer.allocate(Padding.LENGTH_MAX + 1);
        Padding.write(longest, 1, Padding.LENGTH_MAX);
        assertThat(Padding.is(longest.position(1))).isTrue();
        ByteBuffer tooLong = ByteBuffer.allocate(Padding.LENGTH_MAX + 1);
        Padding.write(tooLong, 0, Padding.LENGTH_MAX + 1);
        assertThat(Padding.is(tooLong)).isFalse();
    }
}
