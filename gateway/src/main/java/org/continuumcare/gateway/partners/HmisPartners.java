package org.continuumcare.gateway.partners;

import java.util.Map;
import java.util.Optional;

/** The HMIS import of each partner that sends HMIS exports, by Organization id. */
final class HmisPartners {

  private final Map<String, HmisImports> imports;
  private final Map<String, HmisUploads> uploads;

  HmisPartners(Map<String, HmisImports> imports, Map<String, HmisUploads> uploads) {
    this.imports = Map.copyOf(imports);
    this.uploads = Map.copyOf(uploads);
  }

  Optional<HmisImports> imports(String partnerId) {
    return Optional.ofNullable(imports.get(partnerId));
  }

  Optional<HmisUploads> uploads(String partnerId) {
    return Optional.ofNullable(uploads.get(partnerId));
  }
}
