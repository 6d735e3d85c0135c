package org.dtenge.node.auth;

import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Ed25519 batch verification in C ({@code node/src/main/c/ed25519_batch.c}, built into the jar with the
 * machine's C compiler and linked against libsodium): n signatures checked with one multi-scalar
 * multiplication, about 36 µs for one signature, 20 µs each for 8 and 18 µs each for 64, against 38 µs
 * for libsodium's own check of one (this project's test machine).
 *
 * <p>The equation is the cofactored one (as in ZIP 215), so a signature gets the same answer alone as
 * in any batch. It differs from libsodium's only for a signature whose R or key has a component of
 * small order added to it, which only the key's owner can make: such a signature is accepted here and
 * refused by libsodium and BouncyCastle. (The node registers only keys of full order, see
 * {@link Signatures#isValidPublicKey}, so of the two only R remains.) Everything else libsodium refuses
 * is refused here too (s not below L, encodings that are not canonical, points of small order); a test
 * compares the two on random input.
 */
final class BatchEd25519 {
    /** The most signatures in one call; the C code allocates about 3 KiB for each. */
    static final int BATCH_MAX = 256;

    private static final String RESOURCE = "/native/libdtenge_ed25519.so";

    private final MethodHandle verifyBatch;

    private BatchEd25519(MethodHandle verifyBatch) {
        this.verifyBatch = verifyBatch;
    }

    /**
     * The library, initialised, if the jar has one for this machine and the JVM may call native code;
     * else empty. The signature bound is the one in ed25519_batch.c; lengths are checked here before
     * every call.
     */
    @SuppressWarnings("restricted")
    static Optional<BatchEd25519> load() {
        if (Boolean.getBoolean("dtenge.sodium.disabled") || Boolean.getBoolean("dtenge.batch-ed25519.disabled")) {
            return Optional.empty();
        }
        try (InputStream in = BatchEd25519.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return Optional.empty(); // built without a C compiler or libsodium
            }
            Path file = Files.createTempFile("libdtenge_ed25519", ".so");
            SymbolLookup library;
            try {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                library = SymbolLookup.libraryLookup(file, Arena.global());
            } finally {
                // Loaded (mapped) or not, the file is not needed again: none is left behind, even by a kill -9.
                Files.deleteIfExists(file);
            }
            Linker linker = Linker.nativeLinker();
            MethodHandle init = linker.downcallHandle(library.findOrThrow("dtenge_ed25519_init"),
                    FunctionDescriptor.of(ValueLayout.JAVA_INT));
            if ((int) init.invokeExact() != 0) {
                return Optional.empty();
            }
            MethodHandle verify = linker.downcallHandle(library.findOrThrow("dtenge_ed25519_verify_batch"),
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.ADDRESS,
                            ValueLayout.ADDRESS, ValueLayout.JAVA_INT));
            return Optional.of(new BatchEd25519(verify));
        } catch (IOException | IllegalArgumentException | java.util.NoSuchElementException e) {
            return Optional.empty(); // not loadable here (libsodium missing, say)
        } catch (IllegalCallerException e) {
            return Optional.empty(); // native access not enabled for this module
        } catch (Throwable e) {
            return Optional.empty();
        }
    }

    /**
     * Whether every signature in {@code from} to {@code to} verifies; false if any does not (which one,
     * the caller finds by checking them one by one). Keys and signatures of the wrong length answer false.
     */
    boolean allValid(byte[][] keys, byte[][] messages, byte[][] signatures, int from, int to) {
        int n = to - from;
        if (n < 1 || n > BATCH_MAX) {
            throw new IllegalArgumentException("a batch is 1 to " + BATCH_MAX + " signatures, not " + n);
        }
        long messageBytes = 0;
        for (int i = from; i < to; i++) {
            if (keys[i].length != SigningKey.PUBLIC_KEY_SIZE || signatures[i].length != SigningKey.SIGNATURE_SIZE) {
                return false;
            }
            messageBytes += messages[i].length;
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment sigs = arena.allocate((long) n * SigningKey.SIGNATURE_SIZE);
            MemorySegment keyBytes = arena.allocate((long) n * SigningKey.PUBLIC_KEY_SIZE);
            MemorySegment messageAll = arena.allocate(Math.max(1, messageBytes));
            MemorySegment ends = arena.allocate(ValueLayout.JAVA_LONG, n);
            long end = 0;
            for (int i = 0; i < n; i++) {
                MemorySegment.copy(signatures[from + i], 0, sigs, ValueLayout.JAVA_BYTE, (long) i * SigningKey.SIGNATURE_SIZE,
                        SigningKey.SIGNATURE_SIZE);
                MemorySegment.copy(keys[from + i], 0, keyBytes, ValueLayout.JAVA_BYTE, (long) i * SigningKey.PUBLIC_KEY_SIZE,
                        SigningKey.PUBLIC_KEY_SIZE);
                byte[] message = messages[from + i];
                MemorySegment.copy(message, 0, messageAll, ValueLayout.JAVA_BYTE, end, message.length);
                end += message.length;
                ends.setAtIndex(ValueLayout.JAVA_LONG, i, end);
            }
            int result = (int) verifyBatch.invokeExact(sigs, keyBytes, messageAll, ends, n);
            if (result == -2) {
                throw new IllegalStateException("the batch Ed25519 library refused its arguments");
            }
            return result == 0;
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("the batch Ed25519 library failed to run", e);
        }
    }
}
