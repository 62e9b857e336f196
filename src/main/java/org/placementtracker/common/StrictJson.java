package org.placementtracker.common;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads request bodies strictly, so that a body means exactly one thing: no trailing data after
 * the document, no duplicate keys (which one would win?), no floats truncated into integers, no
 * numbers for enums, no coercion between JSON types ("2024" is not a number, 12 is not a name, ""
 * is not an absent number), ids only as UUIDs, dates and timestamps only as ISO-8601 strings in
 * years 0–9999 (what PostgreSQL stores), and text
 * only when PostgreSQL can store it as sent ({@link Text#unstorable}). Every refusal names its
 * field through {@link JsonProblems}.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    /** Deeper than any request of this API; a deeply nested body is refused before it costs much. */
    private static final int MAX_NESTING = 64;

    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Pattern TIMESTAMP = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}T.+");
    private static final Pattern ID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** Last, after Quarkus' own customizer has registered the java.time module this one overrides. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    @SuppressWarnings("deprecation") // the mapper is built by Quarkus, not by a builder
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        // A decimal in a tree (a merge patch) keeps its exact value: as a double, 1e-400 would become 0
        // and pass a check that the number as sent fails.
        mapper.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        mapper.disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);
        mapper.getFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.getFactory()
                .setStreamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING)
                        .build());
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        // "" or "  " is not an absent number or id: absent is absent (or null).
        mapper.coercionConfigDefaults()
                .setAcceptBlankAsEmpty(false)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        mapper.registerModule(new SimpleModule("strict-scalars")
                .addDeserializer(String.class, new StrictText())
                .addDeserializer(
                        LocalDate.class,
                        new IsoString<>(LocalDate.class, DATE, LocalDate::parse, "a date (YYYY-MM-DD)"))
                .addDeserializer(
                        Instant.class,
                        new IsoString<>(
                                Instant.class,
                                TIMESTAMP,
                                Instant::parse,
                                "a timestamp (ISO-8601, e.g. 2027-07-31T23:59:59Z)"))
                .addDeserializer(UUID.class, new IsoString<>(UUID.class, ID, UUID::fromString, "an id (UUID)")));
    }

    /**
     * The same reading for text that comes as text: CSV cells, where "2024" must become a number.
     */
    @SuppressWarnings("deprecation")
    public static ObjectMapper forCsvCells(ObjectMapper strict) {
        ObjectMapper lenient = strict.copy();
        lenient.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, true);
        return lenient;
    }

    /** Why a field's value was refused, for {@link JsonProblems}; never carries the value itself. */
    public static final class RefusedValue extends MismatchedInputException {

        private final String reason;

        RefusedValue(JsonParser parser, Class<?> type, String reason) {
            super(parser, reason, type);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    static final class StrictText extends StdScalarDeserializer<String> {

        StrictText() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                throw new RefusedValue(p, String.class, "must be a string");
            }
            String value = p.getText();
            String reason = Text.unstorable(value).orElse(null);
            if (reason != null) {
                throw new RefusedValue(p, String.class, reason);
            }
            return value;
        }
    }

    static final class IsoString<T> extends StdScalarDeserializer<T> {

        private final Pattern shape;
        private final Function<String, T> parse;
        private final String expected;

        IsoString(Class<T> type, Pattern shape, Function<String, T> parse, String expected) {
            super(type);
            this.shape = shape;
            this.parse = parse;
            this.expected = expected;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.hasToken(JsonToken.VALUE_STRING)) {
                String text = p.getText();
                if (shape.matcher(text).matches()) {
                    try {
                        return parse.apply(text);
                    } catch (DateTimeParseException | IllegalArgumentException e) {
                        // refused below, like any other shape
                    }
                }
            }
            throw new RefusedValue(p, handledType(), "must be " + expected);
        }
    }
}
