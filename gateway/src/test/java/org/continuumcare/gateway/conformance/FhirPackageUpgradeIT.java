package org.continuumcare.gateway.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.continuumcare.gateway.support.GatewayIntegrationTest;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeSystem;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A new build of a package version the store already holds (a definition added or changed, as when
 * the gateway is upgraded) reaches the store; the same build started again changes nothing.
 */
class FhirPackageUpgradeIT extends GatewayIntegrationTest {

  private static final String URL = "https://continuumcare.org/fhir/CodeSystem/upgrade-probe";

  @Autowired FhirPackageInstaller installer;

  @Test
  void aNewBuildOfTheSameVersionReplacesTheStoredDefinitionsAndTheSameBuildChangesNothing()
      throws IOException {
    installer.install("first build", probePackage("First title"));
    assertThat(stored().getTitle()).isEqualTo("First title");

    byte[] second = probePackage("Second title");
    installer.install("second build", second);
    CodeSystem afterUpgrade = stored();
    assertThat(afterUpgrade.getTitle()).isEqualTo("Second title");

    installer.install("second build again", second);
    assertThat(stored().getMeta().getVersionId()).isEqualTo(afterUpgrade.getMeta().getVersionId());
  }

  private CodeSystem stored() {
    Bundle found =
        fhir().search().byUrl("CodeSystem?url=" + URL).returnBundle(Bundle.class).execute();
    assertThat(found.getEntry()).hasSize(1);
    return (CodeSystem) found.getEntryFirstRep().getResource();
  }

  /** A FHIR package continuum.test.upgrade-probe#0.0.1 holding one CodeSystem. */
  private static byte[] probePackage(String title) throws IOException {
    String manifest =
        """
        {"name": "continuum.test.upgrade-probe", "version": "0.0.1", "fhirVersions": ["4.0.1"],
         "type": "fhir.ig", "dependencies": {}}
        """;
    String codeSystem =
        """
        {"resourceType": "CodeSystem", "id": "upgrade-probe", "url": "%s", "version": "0.0.1",
         "name": "UpgradeProbe", "title": "%s", "status": "active", "content": "complete",
         "concept": [{"code": "a", "display": "A"}]}
        """
            .formatted(URL, title);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(bytes))) {
      add(tar, "package/package.json", manifest);
      add(tar, "package/CodeSystem-upgrade-probe.json", codeSystem);
    }
    return bytes.toByteArray();
  }

  private static void add(TarArchiveOutputStream tar, String name, String text) throws IOException {
    byte[] data = text.getBytes(StandardCharsets.UTF_8);
    TarArchiveEntry entry = new TarArchiveEntry(name);
    entry.setSize(data.length);
    tar.putArchiveEntry(entry);
    tar.write(data);
    tar.closeArchiveEntry();
  }
}
