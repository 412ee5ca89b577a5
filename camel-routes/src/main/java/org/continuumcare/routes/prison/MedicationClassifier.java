package org.continuumcare.routes.prison;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Gives a medication named in a partner message its role (MOUD, naloxone, other) from the words of its
 * name, listed in {@code prison/medication-roles.properties}; roles are checked in enum order.
 */
public final class MedicationClassifier {

    private final List<List<String>> words = new ArrayList<>();

    public MedicationClassifier() {
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

    public MedicationRole roleOf(String... names) {
        for (MedicationRole role : MedicationRole.values()) {
            for (String name : names) {
                if (name != null) {
                    String lower = name.toLowerCase(Locale.ROOT);
                    for (String word : words.get(role.ordinal())) {
                        if (lower.contains(word)) {
                            return role;
                        }
                    }
                }
            }
        }
        return MedicationRole.OTHER;
    }
}
