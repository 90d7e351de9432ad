package fr.prefecture.accueil.db;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The data and backup folders hold names, e-mail addresses, password and token hashes and the signing keys: they
 * are private to the account that runs the server, folders 0700 and files 0600, whatever the umask. SQLite gives
 * its WAL and shared-memory files the mode of the store file, so creating the store 0600 makes them private too.
 * On a file system without POSIX modes (Windows) nothing is changed or checked. Every method blocks.
 */
public final class DataFiles {
  public static final String STORE = "accueil.db";
  private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
      PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
      PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

  private DataFiles() {}

  /** The data folder (0700) and its store file (0600), each created if absent; existing ones are left as they are. */
  public static Path prepare(Path dataDir) throws IOException {
    folder(dataDir);
    Path store = dataDir.resolve(STORE);
    file(store);
    return store;
  }

  /** Creates the folder and any missing parent, each one created 0700. */
  public static void folder(Path dir) throws IOException {
    Path absolute = dir.toAbsolutePath();
    if (Files.isDirectory(absolute)) {
      return;
    }
    if (absolute.getParent() != null) {
      folder(absolute.getParent());
    }
    try {
      Files.createDirectory(absolute);
      restrict(absolute, FOLDER);
    } catch (FileAlreadyExistsException raced) {
      // Created meanwhile by another process: its mode is checked at start.
    }
  }

  /** Creates an empty file 0600 if it does not exist. */
  public static void file(Path file) throws IOException {
    try {
      Files.createFile(file);
      restrict(file, FILE);
    } catch (FileAlreadyExistsException exists) {
      // Kept as it is: its mode is checked at start.
    }
  }

  /** Makes an existing file 0600 (a copied or restored file). */
  public static void restrict(Path file) throws IOException {
    restrict(file, FILE);
  }

  /**
   * What in the data folder (itself, its files, one level of sub-folders) other local users may read or enter,
   * each as "path (mode)": the start warns about each one.
   */
  public static List<String> looser(Path dataDir) throws IOException {
    List<String> found = new ArrayList<>();
    if (!posix(dataDir)) {
      return found;
    }
    check(dataDir, found);
    try (Stream<Path> top = Files.list(dataDir)) {
      for (Path path : (Iterable<Path>) top::iterator) {
        check(path, found);
        if (Files.isDirectory(path)) {
          try (Stream<Path> inner = Files.list(path)) {
            for (Path nested : (Iterable<Path>) inner::iterator) {
              check(nested, found);
            }
          }
        }
      }
    }
    return found;
  }

  private static void check(Path path, List<String> found) throws IOException {
    Set<PosixFilePermission> mode = Files.getPosixFilePermissions(path);
    if (mode.stream().anyMatch(OTHERS::contains)) {
      found.add(path + " (" + PosixFilePermissions.toString(mode) + ", expected "
          + (Files.isDirectory(path) ? "rwx------" : "rw-------") + ")");
    }
  }

  private static void restrict(Path path, Set<PosixFilePermission> mode) throws IOException {
    if (posix(path)) {
      Files.setPosixFilePermissions(path, mode);
    }
  }

  private static boolean posix(Path path) {
    return Files.getFileAttributeView(path, PosixFileAttributeView.class) != null;
  }
}
