package org.casepulse.reference.file;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * A YAML or JSON reference file bound with Jackson, which also remembers the line of every field.
 *
 * <p>Jackson reports where a value failed to bind, but checks made after binding (a negative
 * threshold, a duplicate id) only know the field they looked at. A first streaming pass therefore
 * records, for each field path such as {@code indicators[3].parameters.withinWorkingDays}, the
 * line it starts on; {@link #error(String, String)} then turns a field path into a
 * {@code file:line: field: problem} exception. The files are small, so reading them twice is free.
 */
public final class ReferenceFile {
    private static final ObjectMapper YAML = configure(YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());
    private static final ObjectMapper JSON = configure(JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());

    private final String name;
    private final String text;
    private final ObjectMapper mapper;
    private final ReferenceFileException.Factory errors;
    private final Map<String, Integer> lines;

    private ReferenceFile(String name, String text, ObjectMapper mapper, ReferenceFileException.Factory errors) {
        this.name = name;
        this.text = text;
        this.mapper = mapper;
        this.errors = errors;
        this.lines = indexLines();
    }

    /** A YAML file; errors name it as the user wrote the path. */
    public static ReferenceFile yaml(Path path, ReferenceFileException.Factory errors) {
        return new ReferenceFile(path.toString(), read(path, errors), YAML, errors);
    }

    /** A YAML resource shipped on the class path, named {@code classpath:<resource>} in errors. */
    public static ReferenceFile yamlResource(String resource, ReferenceFileException.Factory errors) {
        return new ReferenceFile("classpath:" + resource, readResource(resource, errors), YAML, errors);
    }

    /** A JSON file; errors name it as the user wrote the path. */
    public static ReferenceFile json(Path path, ReferenceFileException.Factory errors) {
        return new ReferenceFile(path.toString(), read(path, errors), JSON, errors);
    }

    /** The file as errors name it. */
    public String name() {
        return name;
    }

    /**
     * Binds the whole file to {@code type}; a value of the wrong kind or an unknown field is an
     * error naming its line and field, and so is an empty file.
     */
    public <T> T bind(Class<T> type) {
        if (lines.isEmpty()) {
            // Nothing but comments or blank lines: no token at all was read.
            throw error(null, "the file is empty");
        }
        T value;
        try {
            value = mapper.readValue(text, type);
        } catch (UnrecognizedPropertyException e) {
            throw errorAt(e, "unknown field; expected one of " + sorted(e.getKnownPropertyIds()));
        } catch (InvalidFormatException e) {
            throw errorAt(e, "must be " + describe(e.getTargetType()) + ", got " + e.getValue());
        } catch (MismatchedInputException e) {
            throw errorAt(e, e.getTargetType() == null ? firstLine(e.getOriginalMessage())
                    : "must be " + describe(e.getTargetType()));
        } catch (JsonMappingException e) {
            throw errorAt(e, firstLine(e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            throw syntaxError(e);
        }
        if (value == null) {
            throw error(null, "the file is empty");
        }
        return value;
    }

    /** The line a field starts on, or of its nearest enclosing field when it is absent; 0 if none. */
    public int lineOf(String fieldPath) {
        String path = fieldPath == null ? "" : fieldPath;
        while (true) {
            Integer line = lines.get(path);
            if (line != null) {
                return line;
            }
            if (path.isEmpty()) {
                return 0;
            }
            path = path.substring(0, Math.max(0, Math.max(path.lastIndexOf('.'), path.lastIndexOf('['))));
        }
    }

    /** An error in a field (null for the whole file), located at that field's line. */
    public ReferenceFileException error(String fieldPath, String problem) {
        return errors.create(name, lineOf(fieldPath), fieldPath, problem, null);
    }

    private ReferenceFileException errorAt(JsonMappingException e, String problem) {
        String field = fieldPath(e.getPath());
        int line = field.isEmpty() && e.getLocation() != null ? e.getLocation().getLineNr() : lineOf(field);
        return errors.create(name, line, field, problem, e);
    }

    private ReferenceFileException syntaxError(JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
            // SnakeYAML's message spans lines with excerpts; its context and problem say it in one.
            String problem = yaml.getContext() == null ? yaml.getProblem() : yaml.getContext() + ": " + yaml.getProblem();
            return errors.create(name, yaml.getProblemMark().getLine() + 1, null, problem, e);
        }
        int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
        return errors.create(name, line, null, firstLine(e.getOriginalMessage()), e);
    }

    private Map<String, Integer> indexLines() {
        Map<String, Integer> index = new HashMap<>();
        try (JsonParser parser = mapper.createParser(text)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (!token.isStructEnd()) {
                    // The first token seen for a path is its key (or its array element): that line.
                    index.putIfAbsent(fieldPath(parser.getParsingContext()), parser.currentTokenLocation().getLineNr());
                }
            }
        } catch (JsonProcessingException e) {
            throw syntaxError(e);
        } catch (IOException e) {
            throw errors.create(name, 0, null, "cannot read: " + e, e);
        }
        return index;
    }

    private static String fieldPath(JsonStreamContext context) {
        Deque<String> segments = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject() && c.getCurrentName() != null) {
                segments.addFirst("." + c.getCurrentName());
            } else if (c.inArray() && c.getCurrentIndex() >= 0) {
                segments.addFirst("[" + c.getCurrentIndex() + "]");
            }
        }
        return stripLeadingDot(String.join("", segments));
    }

    private static String fieldPath(Collection<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                path.append('.').append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return stripLeadingDot(path.toString());
    }

    private static String stripLeadingDot(String path) {
        return path.startsWith(".") ? path.substring(1) : path;
    }

    private static String describe(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == BigInteger.class) {
            return "a whole number";
        }
        if (type == BigDecimal.class || type == Double.class || type == double.class) {
            return "a number";
        }
        if (type == String.class) {
            return "text";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "a block of fields";
    }

    private static String sorted(Collection<Object> names) {
        return names.stream().map(Objects::toString).collect(Collectors.toCollection(TreeSet::new)).toString();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "cannot be read";
        }
        int end = message.indexOf('\n');
        return (end < 0 ? message : message.substring(0, end)).strip();
    }

    private static String read(Path path, ReferenceFileException.Factory errors) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw errors.create(path.toString(), 0, null, "cannot read the file: " + e, e);
        }
    }

    private static String readResource(String resource, ReferenceFileException.Factory errors) {
        try (InputStream in = ReferenceFile.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw errors.create("classpath:" + resource, 0, null, "the resource is missing from the class path", null);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw errors.create("classpath:" + resource, 0, null, "cannot read the resource: " + e, e);
        }
    }

    private static ObjectMapper configure(ObjectMapper mapper) {
        // Exact decimals for targets and tolerances; 2.5 is not silently an integer 2.
        return mapper.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }
}
