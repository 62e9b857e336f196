package org.placementtracker.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the OpenAPI document says a value may be: enough of JSON Schema (type, enum, format, length,
 * pattern, range) to tell whether the document forbids a value, plus the rule for all text — no
 * NUL, control characters, lone surrogates or non-characters — that holds for every string field.
 */
final class Schemas {

    private static final Pattern UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    private Schemas() {}

    /** The schema with its $ref resolved, and the keywords written beside the $ref kept. */
    static JsonNode resolved(JsonNode document, JsonNode schema) {
        if (!schema.has("$ref")) {
            return schema;
        }
        String ref = schema.path("$ref").asText();
        ObjectNode merged = ((ObjectNode)
                        document.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1)))
                .deepCopy();
        Iterator<Map.Entry<String, JsonNode>> siblings = schema.fields();
        while (siblings.hasNext()) {
            Map.Entry<String, JsonNode> sibling = siblings.next();
            if (!sibling.getKey().equals("$ref") && !merged.has(sibling.getKey())) {
                merged.set(sibling.getKey(), sibling.getValue());
            }
        }
        return merged;
    }

    /** True when a service that keeps its document must refuse {@code value} for a field of {@code schema}. */
    static boolean forbids(JsonNode schema, JsonNode value) {
        if (value.isTextual() && unstorable(value.asText())) {
            return true;
        }
        if (value.isNull()) {
            return false;
        }
        String type = type(schema);
        if (schema.has("enum")) {
            for (JsonNode allowed : schema.path("enum")) {
                if (allowed.equals(value)) {
                    return false;
                }
            }
            return true;
        }
        switch (type) {
            case "string" -> {
                if (!value.isTextual()) {
                    return true;
                }
                String text = value.asText();
                int length = text.codePointCount(0, text.length());
                if (schema.has("maxLength") && length > schema.path("maxLength").asInt()) {
                    return true;
                }
                if (schema.has("minLength") && length < schema.path("minLength").asInt()) {
                    return true;
                }
                if (schema.has("pattern")
                        && !Pattern.compile(schema.path("pattern").asText())
                                .matcher(text)
                                .find()) {
                    return true;
                }
                return !formatted(schema.path("format").asText(), text);
            }
            case "integer", "number" -> {
                if (!value.isNumber() || (type.equals("integer") && !value.isIntegralNumber())) {
                    return true;
                }
                BigDecimal number = value.decimalValue();
                return (schema.has("minimum")
                                && number.compareTo(schema.path("minimum").decimalValue()) < 0)
                        || (schema.has("maximum")
                                && number.compareTo(schema.path("maximum").decimalValue()) > 0);
            }
            case "boolean" -> {
                return !value.isBoolean();
            }
            case "array" -> {
                return !value.isArray();
            }
            case "object" -> {
                return !value.isObject();
            }
            default -> {
                return false;
            }
        }
    }

    private static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!t.asText().equals("null")) {
                    return t.asText();
                }
            }
        }
        return type.asText("");
    }

    private static boolean formatted(String format, String text) {
        try {
            return switch (format) {
                case "uuid" -> UUID.matcher(text).matches();
                case "date" -> DATE.matcher(text).matches() && LocalDate.parse(text) != null;
                case "date-time" -> OffsetDateTime.parse(text) != null;
                default -> true;
            };
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** The service's rule for all text (org.placementtracker.common.Text#unstorable), stated again. */
    static boolean unstorable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)
                    || c == '\uFFFE'
                    || c == '\uFFFF'
                    || (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r')) {
                return true;
            }
        }
        return false;
    }

    /** A URL part as the service reads it: %XX decoded as UTF-8, invalid bytes as U+FFFD. */
    static String percentDecoded(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length()) {
                bytes.write(Integer.parseInt(raw.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
