package org.continuumcare.gateway.partners;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * Turns an HMIS upload into an export on disk for {@link HmisImports}: a zip body ({@code
 * application/zip} or {@code application/octet-stream}), one CSV body ({@code text/csv} with {@code
 * ?file=Exit.csv} naming it), or a multipart form holding one zip or several CSV files (named by
 * their file names). Uploads are bounded by the partner's maximum upload size and deleted after the
 * import.
 */
final class HmisUploads {

  private final HmisImports imports;
  private final long maxBytes;
  private final String maxSetting;

  HmisUploads(HmisImports imports, long maxBytes, String maxSetting) {
    this.imports = imports;
    this.maxBytes = maxBytes;
    this.maxSetting = maxSetting;
  }

  /** The upload is not something the import can read; nothing was changed. */
  static final class BadUploadException extends RuntimeException {
    BadUploadException(String message) {
      super(message);
    }
  }

  HmisImportResult importBody(String partnerId, HttpServletRequest request, String fileName)
      throws IOException {
    String type =
        request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
    Path dir = Files.createTempDirectory("hmis-upload");
    try {
      if (type.startsWith("application/zip")
          || type.startsWith("application/x-zip")
          || type.startsWith("application/octet-stream")) {
        Path zip = dir.resolve("upload.zip");
        copy(request.getInputStream(), zip);
        return importPath(partnerId, zip);
      }
      if (type.startsWith("text/csv")) {
        copy(request.getInputStream(), dir.resolve(csvName(fileName)));
        return importPath(partnerId, dir);
      }
      throw new BadUploadException(
          "Send the export as application/zip, as text/csv with"
              + " ?file=<name>.csv, or as multipart/form-data (got '"
              + type
              + "')");
    } finally {
      delete(dir);
    }
  }

  HmisImportResult importMultipart(String partnerId, MultipartHttpServletRequest request)
      throws IOException {
    Path dir = Files.createTempDirectory("hmis-upload");
    try {
      var files =
          request.getMultiFileMap().values().stream().flatMap(java.util.List::stream).toList();
      if (files.isEmpty()) {
        throw new BadUploadException("the form holds no file");
      }
      if (files.size() == 1 && isZip(files.get(0))) {
        Path zip = dir.resolve("upload.zip");
        copy(files.get(0).getInputStream(), zip);
        return importPath(partnerId, zip);
      }
      for (MultipartFile file : files) {
        copy(file.getInputStream(), dir.resolve(csvName(file.getOriginalFilename())));
      }
      return importPath(partnerId, dir);
    } finally {
      delete(dir);
    }
  }

  private HmisImportResult importPath(String partnerId, Path export) throws IOException {
    try {
      return imports.importExport(partnerId, export);
    } catch (ZipException notZip) {
      throw new BadUploadException("the body is not a zip file");
    }
  }

  private static boolean isZip(MultipartFile file) {
    String name =
        file.getOriginalFilename() == null
            ? ""
            : file.getOriginalFilename().toLowerCase(Locale.ROOT);
    String type = file.getContentType() == null ? "" : file.getContentType();
    return name.endsWith(".zip") || type.contains("zip");
  }

  /** A plain CSV file name (no path), as HMIS names its files. */
  private static String csvName(String name) {
    String base = name == null ? "" : Path.of(name.replace('\\', '/')).getFileName().toString();
    if (!base.matches("[A-Za-z]{1,64}\\.csv")) {
      throw new BadUploadException(
          "CSV files must be named as in the HMIS export, e.g. Exit.csv"
              + " (got '"
              + (name == null ? "" : base)
              + "')");
    }
    return base;
  }

  private void copy(InputStream in, Path target) throws IOException {
    try (InputStream source = in;
        OutputStream out = Files.newOutputStream(target)) {
      byte[] buffer = new byte[1 << 16];
      long total = 0;
      for (int n; (n = source.read(buffer)) > 0; ) {
        total += n;
        if (total > maxBytes) {
          throw new BadUploadException(
              "the upload exceeds " + maxBytes + " bytes (" + maxSetting + ")");
        }
        out.write(buffer, 0, n);
      }
    }
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
