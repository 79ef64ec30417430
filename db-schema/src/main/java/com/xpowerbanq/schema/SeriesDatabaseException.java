package com.xpowerbanq.schema;

import java.nio.file.Path;
import java.sql.SQLException;

/** A file that cannot be opened as a series database; the message names the file and why. */
public final class SeriesDatabaseException extends SQLException {

    private final transient Path file;

    public SeriesDatabaseException(Path file, String reason) {
        super("series database " + file + ": " + reason);
        this.file = file;
    }

    public SeriesDatabaseException(Path file, String reason, Throwable cause) {
        super("series database " + file + ": " + reason, cause);
        this.file = file;
    }

    /** The file that was asked for. */
    public Path file() {
        return file;
    }
}
