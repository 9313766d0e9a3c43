package org.casepulse.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.avro.Schema;

/**
 * The embedded registry's state with Confluent's semantics: global ids shared across subjects,
 * versions per subject, soft and hard deletes, compatibility levels, schema GUIDs. In memory; one
 * lock, under which each change is first written to the {@link SchemaJournal} (when there is one),
 * so ids are journaled in the order they are given, and a change is never answered before it is
 * on disk.
 */
final class SchemaStore {
    /** Version reference meaning the newest version ({@code latest} or {@code -1} in the API). */
    static final int LATEST = -1;

    record Version(String subject, int version, int id, String schema, String guid) {}

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
    /** Parsed schemas, their canonical text (Avro's {@code toString()}, which decides identity) and GUID. */
    private record Stored(Schema schema, String canonical, String guid) {}

    private final Map<Integer, Stored> schemaById = new HashMap<>();
    private final Map<String, Integer> idByCanonical = new HashMap<>();
    private final Map<String, Integer> idByGuid = new HashMap<>();
    private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
    private CompatibilityLevel globalLevel = CompatibilityLevel.BACKWARD;
    private int nextId = 1;
    private SchemaJournal journal;

    /**
     * The GUID of a schema: a name-based (version 3) UUID of its canonical text. Derived, not drawn
     * at random, so it is the same after a restart, on another registry and for every id the same
     * schema is given, without being journaled; like Confluent's, it names the content.
     */
    static String guid(String canonical) {
        return UUID.nameUUIDFromBytes(("AVRO:" + canonical).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** From now on, every change is written to {@code journal} before it is applied. */
    synchronized void journalTo(SchemaJournal journal) {
        this.journal = journal;
    }

    /**
     * Applies journaled changes as facts: ids and versions as written, no compatibility check.
     * Lines of the first journal format ({@code {"subject","schema"}}, no ids) register in order.
     */
    synchronized void replay(List<JsonNode> entries) {
        for (JsonNode entry : entries) {
            String op = entry.path("op").asText("register");
            String subject = entry.path("subject").asText(null);
            switch (op) {
                case "register" -> {
                    String text = entry.path("schema").asText();
                    if (entry.has("id")) {
                        applyRegistration(subject, entry.path("version").asInt(), entry.path("id").asInt(), parse(text));
                    } else {
                        Schema schema = parse(text);
                        if (liveEntryWith(subject, schema.toString()) == null) {
                            applyRegistration(subject, nextVersion(subject), idFor(schema.toString()), schema);
                        }
                    }
                }
                case "delete-subject" -> applySubjectDelete(subject, entry.path("permanent").asBoolean());
                case "config" -> {
                    CompatibilityLevel level = CompatibilityLevel.parse(entry.path("compatibility").asText(null)).orElse(null);
                    applyLevel(subject, level);
                }
                default -> throw new IllegalStateException("Unknown operation '" + op + "' in the schema journal: " + entry);
            }
        }
    }

    private void write(ObjectNode entry) {
        if (journal == null) {
            return;
        }
        try {
            journal.append(entry);
        } catch (IOException e) {
            throw new RegistryError(500, ErrorCodes.STORE_ERROR, "Error in the backend datastore: cannot write the schema"
                    + " journal " + journal.file() + ": " + e.getMessage());
        }
    }

    private static ObjectNode entry(String op, String subject) {
        ObjectNode entry = SchemaJournal.JSON.createObjectNode().put("op", op);
        if (subject != null) {
            entry.put("subject", subject);
        }
        return entry;
    }

    /** Registers a schema (or finds it among the subject's live versions) and returns its global id. */
    synchronized int register(String subject, String schemaText) {
        Schema schema = parse(schemaText);
        String canonical = schema.toString();
        Entry existing = liveEntryWith(subject, canonical);
        if (existing != null) {
            return existing.id;
        }
        List<Entry> live = newestFirst(subjects.getOrDefault(subject, List.of()), false);
        CompatibilityLevel level = level(subject);
        List<String> problems = incompatibilities(level, schema,
                level.transitive() || live.isEmpty() ? live : live.subList(0, 1));
        if (!problems.isEmpty()) {
            throw new RegistryError(409, ErrorCodes.INCOMPATIBLE_SCHEMA,
                    "Schema being registered is incompatible with an earlier schema for subject \"" + subject
                            + "\", details: " + problems);
        }
        int id = idFor(canonical);
        int version = nextVersion(subject);
        write(entry("register", subject).put("version", version).put("id", id).put("schema", canonical));
        applyRegistration(subject, version, id, schema);
        return id;
    }

    private Entry liveEntryWith(String subject, String canonical) {
        for (Entry entry : newestFirst(subjects.getOrDefault(subject, List.of()), false)) {
            if (canonical(entry.id).equals(canonical)) {
                return entry;
            }
        }
        return null;
    }

    /** The schema's id if it has one, else the next free id (not yet taken: see {@link #applyRegistration}). */
    private int idFor(String canonical) {
        Integer id = idByCanonical.get(canonical);
        return id != null ? id : nextId;
    }

    private int nextVersion(String subject) {
        return subjects.getOrDefault(subject, List.of()).stream().mapToInt(entry -> entry.version).max().orElse(0) + 1;
    }

    private void applyRegistration(String subject, int version, int id, Schema schema) {
        String canonical = schema.toString();
        Stored stored = new Stored(schema, canonical, guid(canonical));
        if (schemaById.putIfAbsent(id, stored) == null) {
            idByCanonical.put(canonical, id);
            idByGuid.putIfAbsent(stored.guid(), id);
        }
        nextId = Math.max(nextId, id + 1);
        subjects.computeIfAbsent(subject, s -> new ArrayList<>()).add(new Entry(version, id));
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
        return stored(id).canonical();
    }

    synchronized String guidOf(int id) {
        return stored(id).guid();
    }

    /** The schema with this GUID (40403 if none). */
    synchronized String schemaByGuid(String guid) {
        Integer id = idByGuid.get(guid);
        if (id == null) {
            throw RegistryError.schemaNotFound("Schema with guid " + guid + " not found");
        }
        return schemaById.get(id).canonical();
    }

    private Stored stored(int id) {
        Stored stored = schemaById.get(id);
        if (stored == null) {
            throw RegistryError.schemaNotFound("Schema " + id + " not found");
        }
        return stored;
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
            write(entry("delete-subject", subject).put("permanent", false));
            applySubjectDelete(subject, false);
            return deleted;
        }
        if (anyLive) {
            throw new RegistryError(404, ErrorCodes.SUBJECT_NOT_SOFT_DELETED, "Subject '" + subject
                    + "' was not deleted first before being permanently deleted");
        }
        write(entry("delete-subject", subject).put("permanent", true));
        applySubjectDelete(subject, true);
        return entries.stream().map(entry -> entry.version).toList();
    }

    private void applySubjectDelete(String subject, boolean permanent) {
        List<Entry> entries = subjects.getOrDefault(subject, List.of());
        if (!permanent) {
            entries.forEach(entry -> entry.deleted = true);
            return;
        }
        subjects.remove(subject);
        subjectLevels.remove(subject);
        for (Entry removed : entries) {
            boolean stillUsed = subjects.values().stream().flatMap(List::stream).anyMatch(entry -> entry.id == removed.id);
            Stored stored = schemaById.get(removed.id);
            if (!stillUsed && stored != null) {
                idByCanonical.remove(stored.canonical());
                idByGuid.remove(stored.guid(), removed.id);
                schemaById.remove(removed.id);
            }
        }
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
        write(entry("config", null).put("compatibility", level.name()));
        applyLevel(null, level);
    }

    /** Back to the default, BACKWARD; returns the level it had. */
    synchronized CompatibilityLevel deleteGlobalLevel() {
        CompatibilityLevel previous = globalLevel;
        write(entry("config", null).putNull("compatibility"));
        applyLevel(null, null);
        return previous;
    }

    synchronized Optional<CompatibilityLevel> subjectLevel(String subject) {
        return Optional.ofNullable(subjectLevels.get(subject));
    }

    synchronized void subjectLevel(String subject, CompatibilityLevel level) {
        write(entry("config", subject).put("compatibility", level.name()));
        applyLevel(subject, level);
    }

    /** Removes the subject's own level (it follows the global one again); returns the level it had, or empty if none. */
    synchronized Optional<CompatibilityLevel> deleteSubjectLevel(String subject) {
        CompatibilityLevel previous = subjectLevels.get(subject);
        if (previous != null) {
            write(entry("config", subject).putNull("compatibility"));
            applyLevel(subject, null);
        }
        return Optional.ofNullable(previous);
    }

    /** Sets ({@code level}) or removes (null) the global ({@code subject} null) or a subject's level. */
    private void applyLevel(String subject, CompatibilityLevel level) {
        if (subject == null) {
            globalLevel = level == null ? CompatibilityLevel.BACKWARD : level;
        } else if (level == null) {
            subjectLevels.remove(subject);
        } else {
            subjectLevels.put(subject, level);
        }
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
        Stored stored = schemaById.get(entry.id);
        return new Version(subject, entry.version, entry.id, stored.canonical(), stored.guid());
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
