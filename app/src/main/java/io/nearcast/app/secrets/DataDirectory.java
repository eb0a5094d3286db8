package io.nearcast.app.secrets;

import io.nearcast.app.config.ConfigurationError;
import io.nearcast.app.config.Setting;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data directory: embedded database, broker state and generated secrets. Created owner-only
 * ({@code rwx------}); secret files in it are owner-only ({@code rw-------}).
 */
public final class DataDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(DataDirectory.class);
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");

    private static final String LOCK_FILE = ".lock";

    private final Path root;

    private DataDirectory(Path root) {
        this.root = root;
    }

    /**
     * Opens the directory, creating it owner-only if it does not exist.
     *
     * @throws ConfigurationError naming {@code NEARCAST_DATA_DIR} when it cannot be created or written
     */
    public static DataDirectory open(Path root) {
        try {
            if (!Files.isDirectory(root)) {
                Files.createDirectories(root);
                restrict(root, OWNER_DIR);
                LOG.info("Created data directory {}", root);
            }
        } catch (IOException e) {
            throw new ConfigurationError(Setting.DATA_DIR, "cannot create " + root + " (" + describe(e) + ")", e);
        }
        if (!Files.isWritable(root)) {
            throw new ConfigurationError(Setting.DATA_DIR, root + " is not writable by this user");
        }
        return new DataDirectory(root);
    }

    public Path root() {
        return root;
    }

    /**
     * Takes the directory for this process, so two servers never share one embedded database
     * and broker store. The lock is released by {@link DataDirectoryLock#release()} or, if the
     * process dies, by the operating system.
     *
     * @throws ConfigurationError naming {@code NEARCAST_DATA_DIR} when another process holds it
     */
    public DataDirectoryLock lock() {
        Path file = root.resolve(LOCK_FILE);
        try {
            Set<StandardOpenOption> options = Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileChannel channel = POSIX
                    ? FileChannel.open(file, options, PosixFilePermissions.asFileAttribute(OWNER_FILE))
                    : FileChannel.open(file, options);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                String holder = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).strip();
                channel.close();
                throw new ConfigurationError(Setting.DATA_DIR, root + " is in use by another Nearcast process"
                        + (holder.isEmpty() ? "" : " (pid " + holder + ")") + "; stop it or choose another directory");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8)));
            return new DataDirectoryLock(channel, lock);
        } catch (IOException e) {
            throw new ConfigurationError(Setting.DATA_DIR, "cannot lock " + file + " (" + describe(e) + ")", e);
        }
    }

    /** A sub-directory, created owner-only when missing. */
    public Path directory(String name) {
        Path dir = root.resolve(name);
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir);
                restrict(dir, OWNER_DIR);
            }
            return dir;
        } catch (IOException e) {
            throw new ConfigurationError(Setting.DATA_DIR, "cannot create " + dir + " (" + describe(e) + ")", e);
        }
    }

    /**
     * Reads a secret file, or creates it owner-only with {@code generator}'s value.
     *
     * @return the secret and whether this call created it
     */
    public StoredSecret secret(String fileName, Supplier<String> generator) {
        Path file = root.resolve(fileName);
        try {
            Optional<String> existing = read(file);
            if (existing.isPresent()) {
                return new StoredSecret(file, existing.get(), false);
            }
            String value = generator.get();
            if (createExclusively(file, value)) {
                return new StoredSecret(file, value, true);
            }
            // another process created it first: use theirs
            return new StoredSecret(file, read(file).orElseThrow(), false);
        } catch (IOException e) {
            throw new ConfigurationError(Setting.DATA_DIR, "cannot read or write " + file + " (" + describe(e) + ")", e);
        }
    }

    private static Optional<String> read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        tightenIfOpen(file);
        return Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip());
    }

    /** Writes a temp file owner-only, then hard-links it into place: atomic, and never replaces an existing file. */
    private boolean createExclusively(Path file, String value) throws IOException {
        Path temp = POSIX
                ? Files.createTempFile(root, ".secret-", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_FILE))
                : Files.createTempFile(root, ".secret-", ".tmp");
        try {
            Files.writeString(temp, value + "\n", StandardCharsets.UTF_8);
            Files.createLink(file, temp);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (UnsupportedOperationException e) {
            Files.move(temp, file);
            return true;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void tightenIfOpen(Path file) throws IOException {
        if (!POSIX) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        if (!OWNER_FILE.containsAll(permissions)) {
            LOG.warn("{} was readable by others ({}); restricting it to the owner", file, PosixFilePermissions.toString(permissions));
            Files.setPosixFilePermissions(file, OWNER_FILE);
        }
    }

    private static void restrict(Path path, Set<PosixFilePermission> permissions) throws IOException {
        if (POSIX) {
            Files.setPosixFilePermissions(path, permissions);
        }
    }

    private static String describe(IOException e) {
        String kind = e.getClass().getSimpleName().replace("Exception", "");
        return e.getMessage() == null ? kind : kind + ": " + e.getMessage();
    }
}
