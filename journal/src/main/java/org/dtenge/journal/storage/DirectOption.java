package org.dtenge.journal.storage;

import java.nio.file.OpenOption;

/**
 * The JDK's O_DIRECT open option, {@code com.sun.nio.file.ExtendedOpenOption.DIRECT}, looked up by name:
 * naming the class in code would make javac warn that it is internal API, and this build takes
 * warnings as errors. Null where the JDK has no such option.
 */
final class DirectOption {
    static final OpenOption DIRECT = lookUp();

    private DirectOption() {}

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static OpenOption lookUp() {
        try {
            return (OpenOption) Enum.valueOf((Class) Class.forName("com.sun.nio.file.ExtendedOpenOption"), "DIRECT");
        } catch (ReflectiveOperationException | IllegalArgumentException | ClassCastException e) {
            return null;
        }
    }
}
