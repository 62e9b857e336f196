package org.placementtracker.common;

import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Path and query parameters arrive as the types their operations declare — ids as UUIDs, counts and
 * years as integers, filters as enums — so the OpenAPI document states their real types, and a value
 * that does not fit is answered here, naming the parameter: 400 for a query parameter, 404 for a
 * path segment (a malformed id names no resource). Without this, JAX-RS would answer either with
 * 404, as its specification asks for an unreadable query parameter.
 *
 * <p>Enums are spelled as in JSON: by their {@code @JsonValue} where they have one, else by name.
 */
@Provider
public class TypedParameters implements ParamConverterProvider {

    private static final Pattern ID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern WHOLE = Pattern.compile("-?[0-9]{1,10}");

    /** A refused parameter; JAX-RS passes a WebApplicationException through, and the problem mapper unwraps it. */
    public static final class Refused extends WebApplicationException {

        Refused(ProblemException problem) {
            super(problem, problem.status());
        }

        public ProblemException problem() {
            return (ProblemException) getCause();
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> type, Type genericType, Annotation[] annotations) {
        String name = null;
        boolean path = false;
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam query) {
                name = query.value();
            } else if (annotation instanceof PathParam segment) {
                name = segment.value();
                path = true;
            }
        }
        if (name == null) {
            return null;
        }
        Parameter parameter = new Parameter(name, path);
        if (type == UUID.class) {
            return (ParamConverter<T>) parameter.converter(
                    UUID.class,
                    UUID::toString,
                    raw -> ID.matcher(raw).matches() ? UUID.fromString(raw) : null,
                    "must be an id (UUID)");
        }
        if (type == Integer.class) {
            return (ParamConverter<T>) parameter.converter(
                    Integer.class, String::valueOf, TypedParameters::whole, "must be a whole number");
        }
        if (type == Boolean.class) {
            return (ParamConverter<T>) parameter.converter(
                    Boolean.class,
                    String::valueOf,
                    raw -> raw.equals("true") ? Boolean.TRUE : raw.equals("false") ? Boolean.FALSE : null,
                    "must be true or false");
        }
        if (type.isEnum()) {
            Map<String, T> byValue = new LinkedHashMap<>();
            for (T constant : type.getEnumConstants()) {
                byValue.put(spelling(constant), constant);
            }
            return parameter.converter(
                    type,
                    TypedParameters::spelling,
                    byValue::get,
                    "must be one of " + String.join(", ", byValue.keySet()));
        }
        return null;
    }

    private static Integer whole(String raw) {
        if (!WHOLE.matcher(raw).matches()) {
            return null;
        }
        long value = Long.parseLong(raw);
        return value < Integer.MIN_VALUE || value > Integer.MAX_VALUE ? null : (int) value;
    }

    /** How an enum constant is written in JSON, and so in a URL. */
    static String spelling(Object constant) {
        for (Method method : constant.getClass().getMethods()) {
            if (method.isAnnotationPresent(JsonValue.class) && method.getParameterCount() == 0) {
                try {
                    return String.valueOf(method.invoke(constant));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return ((Enum<?>) constant).name();
    }

    private record Parameter(String name, boolean path) {

        <T> ParamConverter<T> converter(
                Class<T> type, Function<T, String> writer, Function<String, T> reader, String expected) {
            return new ParamConverter<>() {
                @Override
                public T fromString(String raw) {
                    T value = raw == null ? null : reader.apply(raw);
                    if (value == null && raw != null) {
                        throw new Refused(
                                path
                                        ? new ProblemException(
                                                404, "not-found", "Resource not found", "No resource at this path")
                                        : ProblemException.invalidQuery(name, expected));
                    }
                    return value;
                }

                @Override
                public String toString(T value) {
                    return value == null ? null : writer.apply(value);
                }
            };
        }
    }
}
