package org.dtenge.node.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import java.io.IOException;
import java.util.stream.Collectors;
import org.dtenge.node.NodeException;
import org.dtenge.node.ProblemType;

/**
 * JSON as the API speaks it: strict on the way in (unknown fields, duplicate keys, trailing data,
 * a number where a string belongs or the reverse are all errors, never guessed at), and without
 * absent optionals on the way out.
 */
public final class Json {
    private Json() {}

    public static ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper();
        mapper.registerModule(new Jdk8Module());
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
        mapper.setDefaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_ABSENT, JsonInclude.Include.NON_ABSENT));
        // Amounts are strings so that nobody rounds them through a double: refuse numbers for strings,
        // and strings or booleans for numbers, instead of coercing.
        for (CoercionInputShape shape : new CoercionInputShape[] {CoercionInputShape.Integer, CoercionInputShape.Float,
            CoercionInputShape.Boolean}) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        for (LogicalType number : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            mapper.coercionConfigFor(number).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
            mapper.coercionConfigFor(number).setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        return mapper;
    }

    /** Reads {@code body} as {@code type}, answering every kind of bad JSON with a specific 400. */
    public static <T> T decode(ObjectMapper mapper, byte[] body, Class<T> type) {
        if (body.length == 0) {
            throw NodeException.of(ProblemType.MALFORMED_JSON, "the body is empty; this operation takes a JSON object");
        }
        try {
            T value = mapper.readValue(body, type);
            if (value == null) {
                throw NodeException.of(ProblemType.MALFORMED_JSON, "the body is JSON null; this operation takes a JSON object");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            String known = e.getKnownPropertyIds() == null ? "" : "; known fields: "
                    + e.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.joining(", "));
            throw NodeException.of(ProblemType.UNKNOWN_FIELD, "unknown field \"" + path(e) + "\"" + known);
        } catch (MismatchedInputException e) {
            String expected = e.getTargetType() == null ? "another type" : describe(e.getTargetType());
            String where = path(e);
            throw NodeException.of(ProblemType.WRONG_TYPE, (where.isEmpty() ? "the body" : "field \"" + where + "\"")
                    + " must be " + expected);
        } catch (JsonMappingException e) {
            throw NodeException.of(ProblemType.WRONG_TYPE, "field \"" + path(e) + "\": " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw NodeException.of(ProblemType.MALFORMED_JSON, "not valid JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw NodeException.of(ProblemType.MALFORMED_JSON, "the body could not be read: " + e.getMessage());
        }
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            } else if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            }
        }
        return path.toString();
    }

    private static String describe(Class<?> type) {
        if (type == String.class) {
            return "a JSON string (amounts too are strings, such as \"1500.00\")";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a JSON integer";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (java.util.List.class.isAssignableFrom(type)) {
            return "a JSON array";
        }
        return "a JSON object";
    }
}
