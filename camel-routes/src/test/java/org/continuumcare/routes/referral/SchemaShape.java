package org.continuumcare.routes.referral;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Checks a JSON document against the parts of our partner JSON Schemas that matter for the contract: required
 * properties, {@code additionalProperties: false}, {@code type}, {@code enum} and {@code const}, recursively
 * through objects and arrays. (Formats and patterns are not checked here.)
 */
public final class SchemaShape {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SchemaShape() {
    }

    public static JsonNode schema(String resource) {
        try (InputStream in = SchemaShape.class.getClassLoader().getResourceAsStream(resource)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Violations of {@code schema} by {@code doc}; empty when it conforms. */
    public static List<String> violations(JsonNode schema, JsonNode doc) {
        List<String> out = new ArrayList<>();
        check(schema, doc, "$", out);
        return out;
    }

    private static void check(JsonNode schema, JsonNode doc, String path, List<String> out) {
        if (schema.has("const") && !schema.get("const").equals(doc)) {
            out.add(path + ": expected " + schema.get("const"));
        }
        if (schema.has("enum")) {
            boolean found = false;
            for (JsonNode allowed : schema.get("enum")) {
                found |= allowed.equals(doc);
            }
            if (!found) {
                out.add(path + ": " + doc + " not in " + schema.get("enum"));
            }
        }
        String type = schema.path("type").asText("");
        switch (type) {
            case "string" -> {
                if (!doc.isTextual()) {
                    out.add(path + ": not a string");
                }
            }
            case "array" -> {
                if (!doc.isArray()) {
                    out.add(path + ": not an array");
                } else if (schema.has("items")) {
                    for (int i = 0; i < doc.size(); i++) {
                        check(schema.get("items"), doc.get(i), path + "[" + i + "]", out);
                    }
                }
            }
            case "object" -> {
                if (!doc.isObject()) {
                    out.add(path + ": not an object");
                    return;
                }
                for (JsonNode required : schema.path("required")) {
                    if (!doc.has(required.asText())) {
                        out.add(path + ": missing " + required.asText());
                    }
                }
                JsonNode props = schema.path("properties");
                Iterator<String> names = doc.fieldNames();
                while (names.hasNext()) {
                    String name = names.next();
                    if (props.has(name)) {
                        check(props.get(name), doc.get(name), path + "." + name, out);
                    } else if (schema.path("additionalProperties").isBoolean()
                            && !schema.get("additionalProperties").asBoolean()) {
                        out.add(path + ": unexpected property " + name);
                    }
                }
            }
            default -> {
            }
        }
    }
}
