package org.placementtracker.common;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** What a JSON body that cannot be read means to the client: which field, and what it must be. */
public final class JsonProblems {

    private JsonProblems() {}

    public static ProblemException of(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            String field = path(unknown);
            return new ProblemException(
                    400,
                    "unknown-field",
                    "Unknown JSON field",
                    "Field '" + field + "' is not part of this resource",
                    List.of(new FieldError(field, "is not a known field")));
        }
        if (e instanceof StrictJson.RefusedValue refused) {
            return ProblemException.invalid(fieldOr(path(refused), "body"), refused.reason());
        }
        if (e instanceof StreamConstraintsException || e.getCause() instanceof StreamConstraintsException) {
            return ProblemException.badRequest(
                    "malformed-json",
                    "Malformed JSON",
                    "The request body is nested too deeply or holds a value too long to read");
        }
        if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field")) {
            return ProblemException.invalid(fieldOr(streamPath(e), "body"), "appears more than once");
        }
        if (e instanceof InputCoercionException || e.getCause() instanceof InputCoercionException) {
            String field = e instanceof JsonMappingException mapping ? path(mapping) : streamPath(e);
            return ProblemException.invalid(fieldOr(field, "body"), "is out of range");
        }
        if (e instanceof MismatchedInputException mismatch) {
            String field = path(mismatch);
            if (field.isEmpty()) {
                return ProblemException.badRequest(
                        "malformed-json",
                        "Malformed JSON",
                        "The request body does not have the expected shape or has data after the JSON document");
            }
            Class<?> target = mismatch.getTargetType();
            String expected = e instanceof InvalidFormatException && target != null && target.isEnum()
                    ? "one of "
                            + Arrays.stream(target.getEnumConstants())
                                    .map(Object::toString)
                                    .collect(Collectors.joining(", "))
                    : "a valid " + friendlyType(target);
            return ProblemException.invalid(field, "must be " + expected);
        }
        if (e instanceof JsonMappingException mapping && !path(mapping).isEmpty()) {
            return ProblemException.invalid(path(mapping), "is not a valid value");
        }
        return ProblemException.badRequest("malformed-json", "Malformed JSON", "The request body is not valid JSON");
    }

    private static String fieldOr(String field, String fallback) {
        return field.isEmpty() ? fallback : field;
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    /** The field a streaming parser was at when it failed (a duplicate key, a number out of range). */
    private static String streamPath(JsonProcessingException e) {
        if (!(e.getProcessor() instanceof JsonParser parser)) {
            return "";
        }
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = parser.getParsingContext(); c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject() && c.getCurrentName() != null) {
                parts.addFirst("." + c.getCurrentName());
            } else if (c.inArray()) {
                parts.addFirst("[" + Math.max(0, c.getCurrentIndex()) + "]");
            }
        }
        String joined = String.join("", parts);
        return joined.startsWith(".") ? joined.substring(1) : joined;
    }

    private static String friendlyType(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (type == LocalDate.class) {
            return "date (YYYY-MM-DD)";
        }
        if (type == Instant.class || type == OffsetDateTime.class) {
            return "timestamp (ISO-8601)";
        }
        if (type == UUID.class) {
            return "id (UUID)";
        }
        if (Number.class.isAssignableFrom(type) || type == int.class || type == long.class) {
            return "number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean";
        }
        if (type == String.class) {
            return "string";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "array";
        }
        return "object";
    }
}
