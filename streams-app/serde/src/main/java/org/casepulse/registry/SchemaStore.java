package org.casepulse.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.avro.Schema;

/**
 * The embedded registry's state with Confluent's semantics: global ids shared across subjects,
 * versions per subject, soft and hard deletes, compatibility levels. In memory; one lock.
 */
final class SchemaStore {
    /** Version reference meaning the newest version ({@code latest} or {@code -1} in the API). */
    static final int LATEST = -1;

    record Version(String subject, int version, int id, String schema) {}

    private static final class Entry {
        final int version;
        final int id;
        boolean deleted;

        Entry(int version, int id) {
            this.version = version;
            this.id = id;
        }
    }

    private final Map<String, List<Entry>> subjects = new TreeMap<>();
    /** Parsed schemas and their canonical text (Avro's {@code toString()}), which decides identity. */
    private record Stored(Schema schema, String canonical) {}

    private final Map<Integer, Stored> schemaById = new HashMap<>();
    private final Map<String, Integer> idByCanonical = new HashMap<>();
    private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
    private CompatibilityLevel globalLevel = CompatibilityLevel.BACKWARD;
    private int nextId = 1;

    /** Registers a schema (or finds it among the subject's live versions) and returns its global id. */
    synchronized int register(String subject, String schemaText) {
        Schema schema = parse(schemaText);
        String canonical = schema.toString();
        List<Entry> entries = subjects.getOrDefault(subject, List.of());
        List<Entry> live = newestFirst(entries, false);
        for (Entry entry : live) {
            if (canonical(entry.id).equals(canonical)) {
                return entry.id;
            }
        }
        CompatibilityLevel level = level(subject);
        List<String> problems = incompatibilities(level, schema,
                level.transitive() || live.isEmpty() ? live : live.subList(0, 1));
        if (!problems.isEmpty()) {
            throw new RegistryError(409, ErrorCodes.INCOMPATIBLE_SCHEMA,
                    "Schema being registered is incompatible with an earlier schema for subject \"" + subject
                            + "\", details: " + problems);
        }
        int id = idByCanonical.computeIfAbsent(canonical, c -> nextId++);
        schemaById.putIfAbsent(id, new Stored(schema, canonical));
        int version = entries.stream().mapToInt(entry -> entry.version).max().orElse(0) + 1;
        subjects.computeIfAbsent(subject, s -> new ArrayList<>()).add(new Entry(version, id));
        return id;
    }

    /** The newest version of {@code subject} holding this schema. */
    synchronized Version lookUp(String subject, String schemaText, boolean includeDeleted) {
        List<Entry> visible = visible(subject, includeDeleted);
        String canonical = parse(schemaText).toString();
        return visible.stream()
                .filter(entry -> canonical(entry.id).equals(canonical))
                .findFirst()
                .map(entry -> version(subject, entry))
                .orElseThrow(() -> RegistryError.schemaNotFound("Schema not found"));
    }

    synchronized List<String> subjects(boolean includeDeleted) {
        return subjects.entrySet().stream()
                .filter(subject -> includeDeleted || subject.getValue().stream().anyMatch(entry -> !entry.deleted))
                .map(Map.Entry::getKey)
                .toList();
    }

    synchronized List<Integer> versions(String subject, boolean includeDeleted) {
        return visible(subject, includeDeleted).stream().map(entry -> entry.version).sorted().toList();
    }

    synchronized Version version(String subject, int version, boolean includeDeleted) {
        List<Entry> visible = visible(subject, includeDeleted);
        if (version == LATEST) {
            return version(subject, visible.get(0));
        }
        return visible.stream()
                .filter(entry -> entry.version == version)
                .findFirst()
                .map(entry -> version(subject, entry))
                .orElseThrow(() -> RegistryError.versionNotFound(version));
    }

    synchronized String schema(int id) {
        Stored stored = schemaById.get(id);
        if (stored == null) {
            throw RegistryError.schemaNotFound("Schema " + id + " not found");
        }
        return stored.canonical();
    }

    /**
     * Soft delete marks every live version deleted; permanent delete then removes the subject, and
     * the ids no other subject uses. Returns the versions deleted.
     */
    synchronized List<Integer> deleteSubject(String subject, boolean permanent) {
        List<Entry> entries = subjects.get(subject);
        if (entries == null) {
            throw RegistryError.subjectNotFound(subject);
        }
        boolean anyLive = entries.stream().anyMatch(entry -> !entry.deleted);
        if (!permanent) {
            if (!anyLive) {
                throw new RegistryError(404, ErrorCodes.SUBJECT_SOFT_DELETED, "Subject '" + subject
                        + "' was soft deleted.Set permanent=true to delete permanently");
            }
            List<Integer> deleted = entries.stream().filter(entry -> !entry.deleted).map(entry -> entry.version).toList();
            entries.forEach(entry -> entry.deleted = true);
            return deleted;
        }
        if (anyLive) {
            throw new RegistryError(404, ErrorCodes.SUBJECT_NOT_SOFT_DELETED, "Subject '" + subject
                    + "' was not deleted first before being permanently deleted");
        }
        subjects.remove(subject);
        subjectLevels.remove(subject);
        for (Entry removed : entries) {
            boolean stillUsed = subjects.values().stream().flatMap(List::stream).anyMatch(entry -> entry.id == removed.id);
            if (!stillUsed) {
                idByCanonical.remove(canonical(removed.id));
                schemaById.remove(removed.id);
            }
        }
        return entries.stream().map(entry -> entry.version).toList();
    }

    /**
     * Why {@code schemaText} may not follow the given version ({@link #LATEST}: the versions the
     * subject's level checks) of {@code subject}; empty when compatible.
     */
    synchronized List<String> incompatibilities(String subject, int version, String schemaText) {
        Schema candidate = parse(schemaText);
        CompatibilityLevel level = level(subject);
        if (version == LATEST) {
            List<Entry> live = newestFirst(subjects.getOrDefault(subject, List.of()), false);
            return incompatibilities(level, candidate, level.transitive() || live.isEmpty() ? live : live.subList(0, 1));
        }
        List<Entry> live = visible(subject, false);
        Entry earlier = live.stream().filter(entry -> entry.version == version).findFirst()
                .orElseThrow(() -> RegistryError.versionNotFound(version));
        return incompatibilities(level, candidate, List.of(earlier));
    }

    synchronized CompatibilityLevel globalLevel() {
        return globalLevel;
    }

    synchronized void globalLevel(CompatibilityLevel level) {
        globalLevel = level;
    }

    synchronized Optional<CompatibilityLevel> subjectLevel(String subject) {
        return Optional.ofNullable(subjectLevels.get(subject));
    }

    synchronized void subjectLevel(String subject, CompatibilityLevel level) {
        subjectLevels.put(subject, level);
    }

    private CompatibilityLevel level(String subject) {
        return subjectLevels.getOrDefault(subject, globalLevel);
    }

    private List<String> incompatibilities(CompatibilityLevel level, Schema candidate, List<Entry> earlier) {
        List<String> problems = new ArrayList<>();
        for (Entry entry : earlier) {
            List<String> found = level.incompatibilities(candidate, schemaById.get(entry.id).schema());
            if (!found.isEmpty()) {
                problems.addAll(found);
                problems.add("{oldSchemaVersion: " + entry.version + "}");
            }
        }
        if (!problems.isEmpty()) {
            problems.add("{compatibility: '" + level + "'}");
        }
        return problems;
    }

    /** The subject's versions a reader may see, newest first; error 40401 when there are none. */
    private List<Entry> visible(String subject, boolean includeDeleted) {
        List<Entry> visible = newestFirst(subjects.getOrDefault(subject, List.of()), includeDeleted);
        if (visible.isEmpty()) {
            throw RegistryError.subjectNotFound(subject);
        }
        return visible;
    }

    private static List<Entry> newestFirst(List<Entry> entries, boolean includeDeleted) {
        List<Entry> selected = new ArrayList<>();
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (includeDeleted || !entries.get(i).deleted) {
                selected.add(entries.get(i));
            }
        }
        return selected;
    }

    private Version version(String subject, Entry entry) {
        return new Version(subject, entry.version, entry.id, canonical(entry.id));
    }

    private String canonical(int id) {
        return schemaById.get(id).canonical();
    }

    private static Schema parse(String schemaText) {
        if (schemaText == null || schemaText.isBlank()) {
            throw RegistryError.invalidSchema("Empty schema");
        }
        try {
            return new Schema.Parser().parse(schemaText);
        } catch (RuntimeException e) {
            throw RegistryError.invalidSchema("Invalid schema " + schemaText + ", details: " + e.getMessage());
        }
    }
}
