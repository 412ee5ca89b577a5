package org.continuumcare.gateway.partners;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports one HMIS export dropped into its partner's HMIS drop directory and writes its report next
 * to where the file goes: {@code .done/<name>.report.json} after an import (rejected rows
 * included), {@code .failed/<name>.report.json} when the file could not be imported at all (then
 * the exception moves the file to {@code .failed/}).
 */
final class HmisDropImporter {

  private static final Logger log = LoggerFactory.getLogger(HmisDropImporter.class);

  private final HmisImports imports;
  private final String partnerId;
  private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  HmisDropImporter(HmisImports imports, String partnerId) {
    this.imports = imports;
    this.partnerId = partnerId;
  }

  public void importFile(File file) throws IOException {
    Path path = file.toPath();
    Path dir = path.getParent();
    String name = path.getFileName().toString();
    try {
      HmisImportResult result = imports.importExport(partnerId, path);
      write(dir.resolve(".done"), name, result);
    } catch (IOException | RuntimeException failed) {
      log.warn(
          "HMIS export {} dropped for {} could not be imported: {}",
          name,
          partnerId,
          failed.getClass().getSimpleName());
      write(
          dir.resolve(".failed"),
          name,
          Map.of(
              "export",
              name,
              "error",
              failed.getMessage() == null
                  ? failed.getClass().getSimpleName()
                  : failed.getMessage()));
      throw failed;
    }
  }

  private void write(Path dir, String name, Object report) throws IOException {
    Files.createDirectories(dir);
    json.writeValue(dir.resolve(name + ".report.json").toFile(), report);
  }
}
