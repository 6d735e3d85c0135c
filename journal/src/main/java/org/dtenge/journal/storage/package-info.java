/**
 * The file operations the journal and snapshots need, as an interface, so that a deterministic
 * simulator can replace the disk. {@link org.dtenge.journal.storage.FileStorage} is the only class of the
 * module that touches {@code java.nio.file}.
 */
package org.dtenge.journal.storage;
