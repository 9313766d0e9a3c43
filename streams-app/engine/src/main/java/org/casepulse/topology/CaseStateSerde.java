package org.casepulse.topology;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.casepulse.events.CaseEvent;
import org.casepulse.events.EventType;
import org.casepulse.events.PlanType;
import org.casepulse.state.CaseState;

/**
 * The one place where a case's state is encoded before it is put in the case ledger (and its
 * changelog). A compact private format instead of Avro's: every string of the case (ids, areas,
 * workers) is written once in a table, each entry sharing its prefix with the one before (event
 * ids of a case usually differ in a few trailing characters); events then name strings by index,
 * dates and recording times are deltas from the previous event, and a flag word says which
 * optional fields are present and which of case, child and area differ from the previous event.
 * A visit costs about 16 bytes, against about 60 in Avro, so a case with 30,000 visits stays near
 * half a megabyte (see COUNTING.md, "Per-case state"). Decoding rebuilds the same
 * {@link CaseState}: the format changes nothing the ledger sees.
 */
public final class CaseStateSerde implements Serde<CaseState> {

    /** First byte of every encoded state: a state written in another format fails loudly. */
    static final byte FORMAT = (byte) 0xC5;

    private static final int EXPIRED = 1;
    private static final int EXPIRES = 2;
    private static final int KNOWN_THROUGH = 4;

    private static final int CASE_TYPE = 1;
    private static final int ASSESSMENT = 1 << 1;
    private static final int CHILD_SEEN = 1 << 2;
    private static final int CHILD_SEEN_TRUE = 1 << 3;
    private static final int WORKER = 1 << 4;
    private static final int PLAN = 1 << 5;
    private static final int PLAN_TYPE = 1 << 6;
    private static final int RETRACTS = 1 << 7;
    private static final int NEW_CASE = 1 << 8;
    private static final int NEW_CHILD = 1 << 9;
    private static final int NEW_AREA = 1 << 10;
    private static final int EXTRA = 1 << 11;

    private static final EventType[] TYPES = EventType.values();
    private static final PlanType[] PLAN_TYPES = PlanType.values();

    @Override
    public Serializer<CaseState> serializer() {
        return (topic, state) -> state == null ? null : encode(state);
    }

    @Override
    public Deserializer<CaseState> deserializer() {
        return (topic, bytes) -> bytes == null ? null : decode(bytes);
    }

    public static byte[] encode(CaseState state) {
        List<CaseEvent> events = state.getEvents();
        Strings strings = new Strings();
        for (CaseEvent event : events) {
            strings.index(event.getEventId());
            strings.index(event.getCaseId());
            strings.index(event.getChildId());
            strings.index(event.getAreaCode());
            strings.index(event.getCaseType());
            strings.index(event.getAssessmentId());
            strings.index(event.getWorkerId());
            strings.index(event.getPlanId());
            strings.index(event.getRetractsEventId());
            Extra.indexStrings(event, strings);
        }
        CompactSerde.Writer out = new CompactSerde.Writer(16 + 24 * events.size() + strings.bytes);
        out.bytes[out.size++] = FORMAT;
        LocalDate expiresOn = state.getExpiresOn();
        LocalDate knownThrough = state.getKnownThrough();
        out.varint((state.getExpired() ? EXPIRED : 0) | (expiresOn != null ? EXPIRES : 0)
                | (knownThrough != null ? KNOWN_THROUGH : 0));
        if (expiresOn != null) {
            out.varlong(expiresOn.toEpochDay());
        }
        if (knownThrough != null) {
            out.varlong(knownThrough.toEpochDay());
        }
        strings.writeTo(out);
        out.varint(events.size());
        long day = 0;
        long recorded = 0;
        String caseId = null;
        String childId = null;
        String area = null;
        for (CaseEvent event : events) {
            int flags = (event.getCaseType() != null ? CASE_TYPE : 0)
                    | (event.getAssessmentId() != null ? ASSESSMENT : 0)
                    | (event.getChildSeen() != null ? CHILD_SEEN : 0)
                    | (Boolean.TRUE.equals(event.getChildSeen()) ? CHILD_SEEN_TRUE : 0)
                    | (event.getWorkerId() != null ? WORKER : 0)
                    | (event.getPlanId() != null ? PLAN : 0)
                    | (event.getPlanType() != null ? PLAN_TYPE : 0)
                    | (event.getRetractsEventId() != null ? RETRACTS : 0)
                    | (!event.getCaseId().equals(caseId) ? NEW_CASE : 0)
                    | (!event.getChildId().equals(childId) ? NEW_CHILD : 0)
                    | (!event.getAreaCode().equals(area) ? NEW_AREA : 0)
                    | (Extra.present(event) != 0 ? EXTRA : 0);
            out.varint(flags);
            out.varint(event.getType().ordinal());
            out.varint(strings.index(event.getEventId()));
            out.varlong(zigzag(event.getRevision()));
            long eventDay = event.getOccurredOn().toEpochDay();
            long eventRecorded = event.getRecordedAt().toEpochMilli();
            out.varlong(zigzag(eventDay - day));
            out.varlong(zigzag(eventRecorded - recorded));
            day = eventDay;
            recorded = eventRecorded;
            if ((flags & NEW_CASE) != 0) {
                caseId = event.getCaseId();
                out.varint(strings.index(caseId));
            }
            if ((flags & NEW_CHILD) != 0) {
                childId = event.getChildId();
                out.varint(strings.index(childId));
            }
            if ((flags & NEW_AREA) != 0) {
                area = event.getAreaCode();
                out.varint(strings.index(area));
            }
            if ((flags & CASE_TYPE) != 0) {
                out.varint(strings.index(event.getCaseType()));
            }
            if ((flags & ASSESSMENT) != 0) {
                out.varint(strings.index(event.getAssessmentId()));
            }
            if ((flags & WORKER) != 0) {
                out.varint(strings.index(event.getWorkerId()));
            }
            if ((flags & PLAN) != 0) {
                out.varint(strings.index(event.getPlanId()));
            }
            if ((flags & PLAN_TYPE) != 0) {
                out.varint(event.getPlanType().ordinal());
            }
            if ((flags & RETRACTS) != 0) {
                out.varint(strings.index(event.getRetractsEventId()));
            }
            if ((flags & EXTRA) != 0) {
                Extra.write(event, out, strings);
            }
        }
        return Arrays.copyOf(out.bytes, out.size);
    }

    public static CaseState decode(byte[] bytes) {
        try {
            if (bytes.length == 0 || bytes[0] != FORMAT) {
                throw new IllegalArgumentException("not a case state of this release's format");
            }
            CompactSerde.Reader in = new CompactSerde.Reader(bytes, 1);
            int stateFlags = in.varint();
            LocalDate expiresOn = (stateFlags & EXPIRES) != 0 ? LocalDate.ofEpochDay(in.varlong()) : null;
            LocalDate knownThrough = (stateFlags & KNOWN_THROUGH) != 0 ? LocalDate.ofEpochDay(in.varlong()) : null;
            String[] strings = Strings.readFrom(in);
            int count = in.varint();
            List<CaseEvent> events = new ArrayList<>(count);
            long day = 0;
            long recorded = 0;
            String caseId = null;
            String childId = null;
            String area = null;
            for (int i = 0; i < count; i++) {
                int flags = in.varint();
                EventType type = TYPES[in.varint()];
                String eventId = strings[in.varint()];
                int revision = (int) unzigzag(in.varlong());
                day += unzigzag(in.varlong());
                recorded += unzigzag(in.varlong());
                if ((flags & NEW_CASE) != 0) {
                    caseId = strings[in.varint()];
                }
                if ((flags & NEW_CHILD) != 0) {
                    childId = strings[in.varint()];
                }
                if ((flags & NEW_AREA) != 0) {
                    area = strings[in.varint()];
                }
                String caseType = (flags & CASE_TYPE) != 0 ? strings[in.varint()] : null;
                String assessmentId = (flags & ASSESSMENT) != 0 ? strings[in.varint()] : null;
                String workerId = (flags & WORKER) != 0 ? strings[in.varint()] : null;
                String planId = (flags & PLAN) != 0 ? strings[in.varint()] : null;
                PlanType planType = (flags & PLAN_TYPE) != 0 ? PLAN_TYPES[in.varint()] : null;
                String retracts = (flags & RETRACTS) != 0 ? strings[in.varint()] : null;
                Boolean childSeen = (flags & CHILD_SEEN) == 0 ? null : (flags & CHILD_SEEN_TRUE) != 0;
                CaseEvent event = CaseEvent.newBuilder().setEventId(eventId).setRevision(revision).setType(type)
                        .setCaseId(caseId).setChildId(childId).setAreaCode(area).setOccurredOn(LocalDate.ofEpochDay(day))
                        .setRecordedAt(Instant.ofEpochMilli(recorded)).setCaseType(caseType)
                        .setAssessmentId(assessmentId).setChildSeen(childSeen).setWorkerId(workerId).setPlanId(planId)
                        .setPlanType(planType).setRetractsEventId(retracts).build();
                if ((flags & EXTRA) != 0) {
                    Extra.read(event, in, strings);
                }
                events.add(event);
            }
            if (in.position != bytes.length) {
                throw new IllegalArgumentException("trailing bytes after the case state");
            }
            return new CaseState(events, expiresOn, (stateFlags & EXPIRED) != 0, knownThrough);
        } catch (RuntimeException e) {
            throw new SerializationException("Cannot read case state: written by an incompatible release?"
                    + " (reset the application to rebuild state)", e);
        }
    }

    /**
     * The contract's later optional fields (child attributes, assessment and conference types,
     * placements, checks, reasons...), after {@code retractsEventId}: written generically from the
     * schema, a presence mask and then each present value (strings by index, enums by ordinal,
     * dates as days, booleans as a byte, doubles as their bits), so a field added to the contract
     * is kept without a change here.
     */
    private static final class Extra {
        private static final int FIRST = CaseEvent.SCHEMA$.getField("retractsEventId").pos() + 1;
        private static final List<org.apache.avro.Schema.Field> FIELDS =
                CaseEvent.SCHEMA$.getFields().subList(FIRST, CaseEvent.SCHEMA$.getFields().size());
        private static final Object[][] ENUMS = new Object[FIELDS.size()][];

        static {
            for (int i = 0; i < FIELDS.size(); i++) {
                org.apache.avro.Schema type = valueType(FIELDS.get(i));
                if (type.getType() == org.apache.avro.Schema.Type.ENUM) {
                    ENUMS[i] = org.apache.avro.specific.SpecificData.get().getClass(type).getEnumConstants();
                }
            }
            if (FIELDS.size() > 63) {
                throw new IllegalStateException("the case state's presence mask holds 63 extra fields");
            }
        }

        private static org.apache.avro.Schema valueType(org.apache.avro.Schema.Field field) {
            org.apache.avro.Schema schema = field.schema();
            if (schema.getType() == org.apache.avro.Schema.Type.UNION) {
                return schema.getTypes().stream().filter(s -> s.getType() != org.apache.avro.Schema.Type.NULL)
                        .findFirst().orElseThrow();
            }
            return schema;
        }

        static long present(CaseEvent event) {
            long mask = 0;
            for (int i = 0; i < FIELDS.size(); i++) {
                if (event.get(FIRST + i) != null) {
                    mask |= 1L << i;
                }
            }
            return mask;
        }

        static void indexStrings(CaseEvent event, Strings strings) {
            for (int i = 0; i < FIELDS.size(); i++) {
                if (event.get(FIRST + i) instanceof CharSequence text) {
                    strings.index(text.toString());
                }
            }
        }

        static void write(CaseEvent event, CompactSerde.Writer out, Strings strings) {
            long mask = present(event);
            out.varlong(mask);
            for (int i = 0; i < FIELDS.size(); i++) {
                if ((mask & (1L << i)) == 0) {
                    continue;
                }
                Object value = event.get(FIRST + i);
                if (value instanceof CharSequence text) {
                    out.varint(strings.index(text.toString()));
                } else if (value instanceof Enum<?> constant) {
                    out.varint(constant.ordinal());
                } else if (value instanceof LocalDate date) {
                    out.varlong(zigzag(date.toEpochDay()));
                } else if (value instanceof Boolean flag) {
                    out.varint(flag ? 1 : 0);
                } else if (value instanceof Double number) {
                    out.fixedLong(Double.doubleToLongBits(number));
                } else {
                    throw new IllegalStateException("no encoding for " + FIELDS.get(i).name() + ": " + value.getClass());
                }
            }
        }

        static void read(CaseEvent event, CompactSerde.Reader in, String[] strings) {
            long mask = in.varlong();
            for (int i = 0; i < FIELDS.size(); i++) {
                if ((mask & (1L << i)) == 0) {
                    continue;
                }
                org.apache.avro.Schema type = valueType(FIELDS.get(i));
                Object value = switch (type.getType()) {
                    case STRING -> strings[in.varint()];
                    case ENUM -> ENUMS[i][in.varint()];
                    case INT -> LocalDate.ofEpochDay(unzigzag(in.varlong()));
                    case BOOLEAN -> in.varint() == 1;
                    case DOUBLE -> Double.longBitsToDouble(in.fixedLong());
                    default -> throw new IllegalStateException("no decoding for " + FIELDS.get(i).name());
                };
                event.put(FIRST + i, value);
            }
        }
    }

    private static long zigzag(long value) {
        return (value << 1) ^ (value >> 63);
    }

    private static long unzigzag(long value) {
        return (value >>> 1) ^ -(value & 1);
    }

    /** The distinct strings of one state, in first-seen order, each front-coded against the previous. */
    private static final class Strings {
        private final Map<String, Integer> indices = new HashMap<>();
        private final List<String> order = new ArrayList<>();
        private int bytes;

        int index(String value) {
            if (value == null) {
                return -1;
            }
            Integer known = indices.get(value);
            if (known != null) {
                return known;
            }
            indices.put(value, order.size());
            order.add(value);
            bytes += 3 * value.length() + 4;
            return order.size() - 1;
        }

        void writeTo(CompactSerde.Writer out) {
            out.varint(order.size());
            byte[] previous = new byte[0];
            for (String value : order) {
                byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
                UUID uuid = canonicalUuid(value);
                if (uuid != null) {
                    out.varint(1); // a UUID in its canonical text: 16 bytes instead of 36
                    out.fixedLong(uuid.getMostSignificantBits());
                    out.fixedLong(uuid.getLeastSignificantBits());
                    previous = utf8;
                    continue;
                }
                int shared = 0;
                int limit = Math.min(previous.length, utf8.length);
                while (shared < limit && previous[shared] == utf8[shared]) {
                    shared++;
                }
                out.varint(shared << 1);
                out.varint(utf8.length - shared);
                out.write(utf8, shared, utf8.length - shared);
                previous = utf8;
            }
        }

        private static UUID canonicalUuid(String value) {
            if (value.length() != 36 || value.charAt(8) != '-' || value.charAt(13) != '-') {
                return null;
            }
            try {
                UUID uuid = UUID.fromString(value);
                return uuid.toString().equals(value) ? uuid : null;
            } catch (IllegalArgumentException notUuid) {
                return null;
            }
        }

        static String[] readFrom(CompactSerde.Reader in) {
            String[] strings = new String[in.varint()];
            byte[] previous = new byte[0];
            for (int i = 0; i < strings.length; i++) {
                int header = in.varint();
                if ((header & 1) != 0) {
                    strings[i] = new UUID(in.fixedLong(), in.fixedLong()).toString();
                    previous = strings[i].getBytes(StandardCharsets.UTF_8);
                    continue;
                }
                int shared = header >>> 1;
                int rest = in.varint();
                byte[] utf8 = new byte[shared + rest];
                System.arraycopy(previous, 0, utf8, 0, shared);
                System.arraycopy(in.bytes, in.position, utf8, shared, rest);
                in.position += rest;
                strings[i] = new String(utf8, StandardCharsets.UTF_8);
                previous = utf8;
            }
            return strings;
        }
    }
}
