package com.xpowerbanq.api;

import com.xpowerbanq.schema.SchemaState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The databases of the db path: every {@code NAME.db} directly in it (usually a link into the state
 * directory) is served as {@code NAME}. The directory is looked at on every request, so a link that
 * appears is served at once and one that is removed is withdrawn, its pool closed. A link may lead
 * to a file directly in the db path or under a state directory, nowhere else.
 */
final class DatabaseDirectory implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseDirectory.class);
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,128}");
    private static final String SUFFIX = ".db";

    private final Path dir;
    private final List<Path> stateDirs;
    private final PoolSettings settings;
    private final ConcurrentHashMap<String, ServedDatabase> open = new ConcurrentHashMap<>();
    private final Set<String> warnedLegacy = ConcurrentHashMap.newKeySet();
    private final Map<String, Path> refused = new ConcurrentHashMap<>();

    /** A database ready to be queried and the state of its file at this moment. */
    record Lease(ServedDatabase db, FileStamp stamp) {}

    DatabaseDirectory(Path dir, List<Path> stateDirs, PoolSettings settings) {
        this.dir = dir.toAbsolutePath().normalize();
        this.stateDirs = stateDirs.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        this.settings = settings;
    }

    Path path() {
        return dir;
    }

    List<Path> stateDirs() {
        return stateDirs;
    }

    /**
     * Refuses any name that is not a plain file name: no separators, dots, encoded bytes or control
     * characters ever reach the file system.
     */
    static void checkName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new BadRequestException(
                    "Invalid database name. Use 1 to 128 letters, digits, '_' or '-'");
        }
    }

    /** The names served now, sorted. */
    List<String> names() {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
            for (Path entry : entries) {
                String file = entry.getFileName().toString();
                String name = file.substring(0, file.length() - SUFFIX.length());
                if (NAME.matcher(name).matches() && Files.isRegularFile(entry)) {
                    names.add(name);
                }
            }
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the db path " + dir, e);
        }
        Collections.sort(names);
        return names;
    }

    /**
     * The database {@code name} (already checked), opened on first use or after its file changed.
     */
    Lease lease(String name) {
        Path link = dir.resolve(name + SUFFIX);
        try {
            ServedDatabase current = open.get(name);
            if (current != null) {
                FileStamp stamp = FileStamp.of(link, current.wal(), current.counters());
                if (stamp == null) {
                    withdraw(current, "its file is gone");
                    throw notAvailable();
                }
                if (stamp.identity().equals(current.identity())) {
                    return new Lease(current, stamp);
                }
                withdraw(current, "its file was replaced");
            }
            return reopen(name, link, servedFile(name, link));
        } catch (IOException e) {
            throw new UnavailableException("Database not available", e);
        }
    }

    /**
     * The file {@code link} leads to, when the API may open it: a file directly in the db path, or
     * one under a state directory (the operator's links). Anything else is refused with the answer
     * of a missing name, 503 "Database not available": the database is not served, as if the link
     * were not there, and a client cannot tell a refused link from an absent one, so answers reveal
     * nothing of the file system. The log names the link and where it leads, once per target.
     */
    private Path servedFile(String name, Path link) throws IOException {
        Path real;
        try {
            real = link.toRealPath();
        } catch (NoSuchFileException e) {
            throw notAvailable();
        }
        if (allowed(real)) {
            refused.remove(name);
            return real;
        }
        if (!real.equals(refused.put(name, real))) {
            LOG.warn(
                    "Refused {}{}: it leads to {}, which is neither directly in the db path {} nor"
                            + " under a state directory {} (-S, --state-dir)",
                    name,
                    SUFFIX,
                    real,
                    dir,
                    stateDirs);
        }
        throw notAvailable();
    }

    private boolean allowed(Path real) {
        if (realPath(dir).equals(real.getParent())) {
            return true;
        }
        for (Path root : stateDirs) {
            if (real.startsWith(realPath(root))) {
                return true;
            }
        }
        return false;
    }

    private static Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path; // not there (yet): nothing real lies under it
        }
    }

    private synchronized Lease reopen(String name, Path link, Path real) throws IOException {
        ServedDatabase current = open.get(name);
        Path wal = real.resolveSibling(real.getFileName() + "-wal");
        FileStamp stamp = FileStamp.of(link, wal);
        if (stamp == null || !sameCase(link)) {
            throw notAvailable();
        }
        if (current != null && stamp.identity().equals(current.identity())) {
            return new Lease(current, stamp); // another request opened it meanwhile
        }
        ServedDatabase db;
        try {
            db = ServedDatabase.open(name, real, stamp.identity(), settings);
        } catch (SQLException e) {
            throw new UnavailableException("Database not available", e);
        }
        db.inspected(stamp);
        open.put(name, db);
        LOG.info("Serving {}{} from {} ({})", name, SUFFIX, real, db.layout());
        warnIfLegacy(db);
        warnIfUnservable(db);
        return new Lease(db, stamp);
    }

    private boolean sameCase(Path link) throws IOException {
        // names are case-sensitive as on disk, also on a file system that ignores case
        Path onDisk = link.toRealPath(LinkOption.NOFOLLOW_LINKS);
        return onDisk.getFileName().toString().equals(link.getFileName().toString());
    }

    /** Looks at the schema again, once per change of the file: a legacy file may get migrated. */
    void refreshLayout(Lease lease) throws SQLException {
        ServedDatabase db = lease.db();
        if (db.layout() != SchemaState.CURRENT && db.needsInspection(lease.stamp())) {
            db.inspect();
            db.inspected(lease.stamp());
            warnIfLegacy(db);
            warnIfUnservable(db);
        }
    }

    /** Said once per state of the file: it is inspected again only when it changes. */
    private static void warnIfUnservable(ServedDatabase db) {
        String problem = db.problem();
        if (problem != null) {
            LOG.warn("{}{} answers 503 until its file changes: {}", db.name(), SUFFIX, problem);
        }
    }

    private void warnIfLegacy(ServedDatabase db) {
        if (db.layout() == SchemaState.LEGACY && warnedLegacy.add(db.name())) {
            LOG.warn(
                    "{}{} has only the original raw_logs (no daily_rollup): it is answered on the"
                            + " slow path. Migrate it by opening it once with the index writer"
                            + " (banq-batch), which adds the rollup and typed columns.",
                    db.name(),
                    SUFFIX);
        }
    }

    /** Closes the pool after a failure, so that the next request opens the file afresh. */
    void evict(ServedDatabase db, String reason) {
        withdraw(db, reason);
    }

    private void withdraw(ServedDatabase db, String reason) {
        if (open.remove(db.name(), db)) {
            LOG.info("Withdrew {}{}: {}", db.name(), SUFFIX, reason);
            db.close();
        }
    }

    private static UnavailableException notAvailable() {
        return new UnavailableException("Database not available");
    }

    @Override
    public void close() {
        open.values().forEach(ServedDatabase::close);
        open.clear();
    }
}
