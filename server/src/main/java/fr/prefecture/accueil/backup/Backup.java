package fr.prefecture.accueil.backup;

import fr.prefecture.accueil.db.DataFiles;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;

/**
 * Online backup and restore of a data directory. The backup is a consistent snapshot taken with
 * SQLite's VACUUM INTO while the server keeps running, plus a copy of the signing keys; folders 0700, files 0600
 * (see {@link DataFiles}).
 */
public final class Backup {
  static final String DB = "accueil.db";
  static final String KEYS = "keys";

  private Backup() {}

  /** Writes {@code target/accueil.db} and {@code target/keys/}; the target must not exist yet. */
  public static void backup(Path dataDir, Path target) throws IOException, SQLException {
    Path db = dataDir.resolve(DB);
    if (!Files.isRegularFile(db)) {
      throw new IOException("no store at " + db);
    }
    if (Files.exists(target)) {
      throw new FileAlreadyExistsException(target + " already exists: choose a new directory");
    }
    DataFiles.folder(target);
    // VACUUM INTO fills an empty file as it is: created private, the copy of names and hashes stays private.
    DataFiles.file(target.resolve(DB));
    try (
        Connection connection = DriverManager
            .getConnection("jdbc:sqlite:" + db.toAbsolutePath() + "?busy_timeout=10000");
        Statement statement = connection.createStatement()) {
      String into = target.resolve(DB).toAbsolutePath().toString().replace("'", "''");
      statement.execute("VACUUM INTO '" + into + "'");
    }
    copyTree(dataDir.resolve(KEYS), target.resolve(KEYS));
  }

  /** Restores a backup into a data directory that has no store yet (stop the server first). */
  public static void restore(Path backup, Path dataDir) throws IOException, SQLException {
    Path db = backup.resolve(DB);
    if (!Files.isRegularFile(db)) {
      throw new IOException("no backup at " + db);
    }
    if (Files.exists(dataDir.resolve(DB))) {
      throw new FileAlreadyExistsException(dataDir.resolve(DB)
          + " exists: restore into an empty data directory, then point --data at it");
    }
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
        Statement statement = connection.createStatement()) {
      var result = statement.executeQuery("PRAGMA integrity_check");
      if (!result.next() || !"ok".equals(result.getString(1))) {
        throw new IOException("the backup " + db + " fails SQLite's integrity check");
      }
    }
    DataFiles.folder(dataDir);
    Files.copy(db, dataDir.resolve(DB), StandardCopyOption.COPY_ATTRIBUTES);
    DataFiles.restrict(dataDir.resolve(DB));
    copyTree(backup.resolve(KEYS), dataDir.resolve(KEYS));
  }

  private static void copyTree(Path from, Path to) throws IOException {
    if (!Files.isDirectory(from)) {
      return;
    }
    try (Stream<Path> files = Files.walk(from)) {
      for (Path source : (Iterable<Path>) files::iterator) {
        Path destination = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          DataFiles.folder(destination);
        } else {
          Files.copy(source, destination, StandardCopyOption.COPY_ATTRIBUTES);
          DataFiles.restrict(destination);
        }
      }
    }
  }
}
