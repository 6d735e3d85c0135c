package org.dtenge.node.auth;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Optional;

/**
 * Ed25519 verification by libsodium through the foreign function API: about 41 µs a signature on
 * this project's test machine, against 80 to 110 µs for BouncyCastle, and a payment costs one. The
 * library is optional: where it is not installed, {@link Signatures} uses BouncyCastle, which gives
 * the same answers (a test checks both against RFC 8032 and against each other on random input).
 *
 * <p>The call is a critical downcall with heap access: the arrays are passed in place, without
 * copying, and the garbage collector waits for the ~40 µs it takes.
 */
final class Sodium {
    private static final String[] LIBRARY_NAMES = {"libsodium.so.23", "libsodium.so.26", "libsodium.so", "libsodium.dylib"};

    private final MethodHandle verifyDetached;

    private Sodium(MethodHandle verifyDetached) {
        this.verifyDetached = verifyDetached;
    }

    /**
     * libsodium, initialised, if this machine has it and the JVM may call native code; else empty.
     * Restricted methods are what binding a C library takes; the signatures bound are libsodium's
     * documented ones and the arrays' lengths are checked by {@link Signatures} before every call.
     */
    @SuppressWarnings("restricted")
    static Optional<Sodium> load() {
        if (Boolean.getBoolean("dtenge.sodium.disabled")) {
            return Optional.empty();
        }
        for (String name : LIBRARY_NAMES) {
            try {
                SymbolLookup library = SymbolLookup.libraryLookup(name, Arena.global());
                Linker linker = Linker.nativeLinker();
                MethodHandle init = linker.downcallHandle(library.findOrThrow("sodium_init"),
                        FunctionDescriptor.of(ValueLayout.JAVA_INT));
                if ((int) init.invokeExact() < 0) {
                    return Optional.empty();
                }
                MethodHandle verify = linker.downcallHandle(library.findOrThrow("crypto_sign_ed25519_verify_detached"),
                        FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.ADDRESS,
                                ValueLayout.JAVA_LONG, ValueLayout.ADDRESS),
                        Linker.Option.critical(true));
                return Optional.of(new Sodium(verify));
            } catch (IllegalArgumentException | java.util.NoSuchElementException e) {
                // not under this name: try the next
            } catch (IllegalCallerException e) {
                return Optional.empty(); // native access not enabled for this module
            } catch (Throwable e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** Lengths are the caller's to check: a 64-byte signature and a 32-byte key. */
    boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
        try {
            int result = (int) verifyDetached.invokeExact(MemorySegment.ofArray(signature), MemorySegment.ofArray(message),
                    (long) message.length, MemorySegment.ofArray(publicKey));
            return result == 0;
        } catch (Throwable e) {
            throw new IllegalStateException("libsodium's verify failed to run", e);
        }
    }
}
