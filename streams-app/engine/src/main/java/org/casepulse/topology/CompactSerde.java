package org.casepulse.topology;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import java.util.function.ObjIntConsumer;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Base of the engine's compact state formats (in the style of {@link CaseStateSerde}): a format
 * byte, then varints, zigzag deltas and a table of the record's strings, each written once and
 * named by index. Avro spent most of its time on its generic machinery for these small records
 * (a schema fingerprint per record, a field walk, strings written again and again); a record
 * written by another release fails on the format byte instead of decoding garbage.
 */
abstract class CompactSerde<T> implements Serde<T> {

    private final byte format;
    private final String name;

    protected CompactSerde(int format, String name) {
        this.format = (byte) format;
        this.name = name;
    }

    protected abstract void write(T value, Writer out);

    protected abstract T read(Reader in);

    @Override
    public final Serializer<T> serializer() {
        return (topic, value) -> value == null ? null : encode(value);
    }

    @Override
    public final Deserializer<T> deserializer() {
        return (topic, bytes) -> bytes == null ? null : decode(bytes);
    }

    final byte[] encode(T value) {
        Writer out = new Writer(64);
        out.bytes[out.size++] = format;
        write(value, out);
        return Arrays.copyOf(out.bytes, out.size);
    }

    final T decode(byte[] bytes) {
        if (bytes.length == 0 || bytes[0] != format) {
            throw new SerializationException("Cannot read " + name
                    + " state: not in this release's format (reset the application to rebuild state)");
        }
        try {
            Reader in = new Reader(bytes, 1);
            T value = read(in);
            if (in.position != bytes.length) {
                throw new IllegalArgumentException((bytes.length - in.position) + " bytes left over");
            }
            return value;
        } catch (RuntimeException e) {
            throw new SerializationException("Cannot read " + name + " state: malformed", e);
        }
    }

    /** The strings of a record, each written once: {@link #index} them all, then {@link #writeTo} before anything that names them. */
    static final class Strings {
        private final Map<String, Integer> indices = new HashMap<>();
        private final List<String> values = new ArrayList<>();

        int index(String value) {
            Integer index = indices.get(value);
            if (index == null) {
                index = values.size();
                indices.put(value, index);
                values.add(value);
            }
            return index;
        }

        /** Index plus one, zero for null. */
        int nullableIndex(String value) {
            return value == null ? 0 : index(value) + 1;
        }

        void writeTo(Writer out) {
            out.varint(values.size());
            for (String value : values) {
                byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
                out.varint(utf8.length);
                out.write(utf8);
            }
        }

        static String[] readFrom(Reader in) {
            String[] strings = new String[in.varint()];
            for (int i = 0; i < strings.length; i++) {
                int length = in.varint();
                strings[i] = new String(in.bytes, in.position, length, StandardCharsets.UTF_8);
                in.position += length;
            }
            return strings;
        }
    }

    static final class Writer {
        byte[] bytes;
        int size;

        Writer(int capacity) {
            this.bytes = new byte[capacity];
        }

        void varint(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("negative count or index: " + value);
            }
            varlong(value);
        }

        void varlong(long value) {
            ensure(10);
            while ((value & ~0x7FL) != 0) {
                bytes[size++] = (byte) ((value & 0x7F) | 0x80);
                value >>>= 7;
            }
            bytes[size++] = (byte) value;
        }

        /** A signed number, small in either direction: zigzag then varint. */
        void signed(long value) {
            varlong((value << 1) ^ (value >> 63));
        }

        void instant(Instant value) {
            signed(value.toEpochMilli());
        }

        /** A date as the difference from {@code from} (a nearby date, so usually one byte). */
        void date(LocalDate value, long from) {
            signed(value.toEpochDay() - from);
        }

        /** As {@link #date}, with null written as 0. */
        void nullableDate(LocalDate value, long from) {
            if (value == null) {
                varlong(0);
            } else {
                long delta = value.toEpochDay() - from;
                varlong(((delta << 1) ^ (delta >> 63)) + 1);
            }
        }

        /** A list of entries: their count, then {@code entry} writes each by its index, in order. */
        void entries(int count, IntConsumer entry) {
            varint(count);
            for (int i = 0; i < count; i++) {
                entry.accept(i);
            }
        }

        void fixedLong(long value) {
            ensure(8);
            for (int shift = 56; shift >= 0; shift -= 8) {
                bytes[size++] = (byte) (value >>> shift);
            }
        }

        void write(byte[] source) {
            write(source, 0, source.length);
        }

        void write(byte[] source, int offset, int length) {
            ensure(length);
            System.arraycopy(source, offset, bytes, size, length);
            size += length;
        }

        private void ensure(int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }
    }

    static final class Reader {
        final byte[] bytes;
        int position;

        Reader(byte[] bytes, int position) {
            this.bytes = bytes;
            this.position = position;
        }

        int varint() {
            long value = varlong();
            if (value < 0 || value > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("count or index out of range: " + value);
            }
            return (int) value;
        }

        long varlong() {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                byte b = bytes[position++];
                value |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return value;
                }
            }
            throw new IllegalArgumentException("malformed variable-length number");
        }

        /**
         * The entries {@link Writer#entries} wrote: {@code target} makes what they are read into for
         * their count (so lists are sized once; a state record made with empty lists is filled through
         * its getters), then {@code entry} reads each into it by its index.
         */
        <A> A entries(IntFunction<A> target, ObjIntConsumer<A> entry) {
            int count = varint();
            A entries = target.apply(count);
            for (int i = 0; i < count; i++) {
                entry.accept(entries, i);
            }
            return entries;
        }

        long fixedLong() {
            long value = 0;
            for (int i = 0; i < 8; i++) {
                value = (value << 8) | (bytes[position++] & 0xFF);
            }
            return value;
        }

        long signed() {
            long value = varlong();
            return (value >>> 1) ^ -(value & 1);
        }

        Instant instant() {
            return Instant.ofEpochMilli(signed());
        }

        LocalDate date(long from) {
            return LocalDate.ofEpochDay(from + signed());
        }

        LocalDate nullableDate(long from) {
            long value = varlong();
            if (value == 0) {
                return null;
            }
            value -= 1;
            return LocalDate.ofEpochDay(from + ((value >>> 1) ^ -(value & 1)));
        }

        /** A string named by {@link Strings#index}. */
        static String string(String[] strings, int index) {
            return strings[index];
        }

        /** A string named by {@link Strings#nullableIndex}. */
        static String nullableString(String[] strings, int index) {
            return index == 0 ? null : strings[index - 1];
        }
    }
}
