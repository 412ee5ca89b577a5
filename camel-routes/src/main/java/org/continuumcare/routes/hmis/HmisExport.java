package org.continuumcare.routes.hmis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * An HMIS CSV export as delivered: a zip file (files at the root or in one folder) or a directory.
 * Files are found by name, case-insensitively, and read as UTF-8 streams, one at a time.
 */
public sealed interface HmisExport extends AutoCloseable permits HmisExport.Zip, HmisExport.Folder {

  /**
   * A reader over the named CSV file (e.g. {@code Exit.csv}), or empty when the export has none.
   */
  Optional<BufferedReader> open(String fileName) throws IOException;

  /** Human-readable origin for reports (file name only, no path). */
  String name();

  @Override
  void close() throws IOException;

  static HmisExport of(Path path) throws IOException {
    return Files.isDirectory(path)
        ? new Folder(path)
        : new Zip(
            new ZipFile(path.toFile(), StandardCharsets.UTF_8), path.getFileName().toString());
  }

  /** A zip export. */
  record Zip(ZipFile zip, String name) implements HmisExport {
    @Override
    public Optional<BufferedReader> open(String fileName) throws IOException {
      String wanted = fileName.toLowerCase(Locale.ROOT);
      Optional<? extends ZipEntry> entry =
          zip.stream()
              .filter(e -> !e.isDirectory())
              .filter(
                  e -> {
                    String n = e.getName().toLowerCase(Locale.ROOT);
                    return n.equals(wanted) || n.endsWith("/" + wanted);
                  })
              .findFirst();
      if (entry.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(
          new BufferedReader(
              new InputStreamReader(zip.getInputStream(entry.get()), StandardCharsets.UTF_8),
              1 << 16));
    }

    @Override
    public void close() throws IOException {
      zip.close();
    }
  }

  /** A directory export. */
  record Folder(Path dir) implements HmisExport {
    @Override
    public Optional<BufferedReader> open(String fileName) throws IOException {
      try (var files = Files.list(dir)) {
        Optional<Path> file =
            files.filter(p -> p.getFileName().toString().equalsIgnoreCase(fileName)).findFirst();
        return file.isEmpty()
            ? Optional.empty()
            : Optional.of(Files.newBufferedReader(file.get(), StandardCharsets.UTF_8));
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
    }

    @Override
    public String name() {
      return dir.getFileName().toString();
    }

    @Override
    public void close() {
      // nothing held open
    }
  }
}
