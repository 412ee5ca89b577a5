package org.continuumcare.routes.prison;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import org.continuumcare.routes.prison.ReleaseHandoff.Coded;
import org.continuumcare.terminology.ConceptMapTranslator;
import org.continuumcare.terminology.ContinuumTerminology;
import org.continuumcare.terminology.Translation;

/**
 * Gives a medication named in a partner message its role (MOUD, naloxone, other).
 *
 * <ol>
 *   <li>By code: the medication's codes, in the order given, go through the terminology ConceptMap
 *       {@code medication-role} (RxNorm -> medication-role). The first code the map lists decides,
 *       including codes it lists as {@code unmatched} (buprenorphine for pain, naloxone/naltrexone
 *       in other combinations): those are OTHER whatever their name says.
 *   <li>Fallback by name, only when none of the codes is listed (no code at all, as many prison
 *       systems send free text; a local code; an RxNorm code the map does not know yet): the
 *       ingredient and brand words of {@code prison/medication-roles.properties} found in the drug
 *       name, roles checked in enum order.
 * </ol>
 */
public final class MedicationClassifier {

  /** How a role was decided. */
  public enum Basis {
    /** A code of the medication is listed in the ConceptMap medication-role. */
    CONCEPT_MAP,
    /** No code was listed; a word of the drug name gave the role. */
    DRUG_NAME,
    /** Neither a listed code nor a known word: OTHER. */
    NOT_RECOGNISED
  }

  /** The role of a medication and how it was decided. */
  public record Classification(MedicationRole role, Basis basis) {
    public Classification {
      Objects.requireNonNull(role, "role");
      Objects.requireNonNull(basis, "basis");
    }
  }

  private final ConceptMapTranslator translator;
  private final List<List<String>> words = new ArrayList<>();

  public MedicationClassifier(ConceptMapTranslator translator) {
    this.translator = Objects.requireNonNull(translator, "translator");
    Properties properties = ClasspathProperties.load("prison/medication-roles.properties");
    for (MedicationRole role : MedicationRole.values()) {
      List<String> list = new ArrayList<>();
      for (String word : properties.getProperty(role.name(), "").split(",")) {
        if (!word.isBlank()) {
          list.add(word.trim().toLowerCase(Locale.ROOT));
        }
      }
      words.add(list);
    }
  }

  /**
   * The role of a medication from its codes (primary first, then alternates; null entries and
   * entries without system or code are skipped) and, failing those, from its names.
   */
  public Classification classify(List<Coded> codes, String... names) {
    for (Coded code : codes) {
      if (code == null || code.system() == null || code.code() == null) {
        continue;
      }
      if (translator.lists(ContinuumTerminology.MEDICATION_ROLE_MAP, code.system(), code.code())) {
        MedicationRole role =
            translator
                .translate(
                    ContinuumTerminology.MEDICATION_ROLE_MAP,
                    code.system(),
                    code.code(),
                    ContinuumTerminology.MEDICATION_ROLE)
                .map(Translation::code)
                .flatMap(MedicationRole::fromCode)
                .orElse(MedicationRole.OTHER);
        return new Classification(role, Basis.CONCEPT_MAP);
      }
    }
    return byName(names)
        .map(role -> new Classification(role, Basis.DRUG_NAME))
        .orElse(new Classification(MedicationRole.OTHER, Basis.NOT_RECOGNISED));
  }

  private Optional<MedicationRole> byName(String... names) {
    for (MedicationRole role : MedicationRole.values()) {
      for (String name : names) {
        if (name != null) {
          String lower = name.toLowerCase(Locale.ROOT);
          for (String word : words.get(role.ordinal())) {
            if (lower.contains(word)) {
              return Optional.of(role);
            }
          }
        }
      }
    }
    return Optional.empty();
  }
}
