package io.nearcast.app.secrets;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;

/** This process's hold on the data directory; see {@link DataDirectory#lock()}. */
public final class DataDirectoryLock {

    private final FileChannel channel;
    private final FileLock lock;

    DataDirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Lets another process use the directory; safe to call more than once. */
    public void release() {
        try {
            if (lock.isValid()) {
                lock.release();
            }
            channel.close();
        } catch (IOException e) {
            throw new IllegalStateException("cannot release the data directory lock", e);
        }
    }
}
