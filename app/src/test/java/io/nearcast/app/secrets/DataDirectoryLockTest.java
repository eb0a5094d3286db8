package io.nearcast.app.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nearcast.app.config.ConfigurationError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** In-process half of the data-dir lock; {@code ServerLifecycleIT} checks it across two processes. */
class DataDirectoryLockTest {

    @TempDir
    Path root;

    @Test
    void aHeldDirectoryIsRefusedNamingTheVariableAndThePid() {
        DataDirectory directory = DataDirectory.open(root);
        DataDirectoryLock held = directory.lock();
        try {
            assertThatThrownBy(directory::lock)
                    .isInstanceOf(ConfigurationError.class)
                    .hasMessageStartingWith("NEARCAST_DATA_DIR: " + root + " is in use by another Nearcast process (pid " + ProcessHandle.current().pid() + ")");
        } finally {
            held.release();
        }
    }

    @Test
    void aReleasedDirectoryCanBeTakenAgain() {
        DataDirectory directory = DataDirectory.open(root);
        directory.lock().release();

        DataDirectoryLock again = directory.lock();
        again.release();
        again.release(); // idempotent
    }

    @Test
    void theLockFileIsOwnerOnly() throws Exception {
        DataDirectory directory = DataDirectory.open(root);
        directory.lock().release();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve(".lock")))).isEqualTo("rw-------");
    }
}
