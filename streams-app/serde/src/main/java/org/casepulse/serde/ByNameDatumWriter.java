package org.casepulse.serde;

import java.io.IOException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.io.Encoder;

/**
 * Writes a record with a schema other than its own ({@code use.latest.version}): each field of the
 * writer schema takes the record's field of the same name (or alias), or the field's default when
 * the record has none. Avro's own writers match fields by position, which is only right when the
 * record's schema is the writer schema.
 */
final class ByNameDatumWriter extends GenericDatumWriter<Object> {

    ByNameDatumWriter(Schema writerSchema, GenericData model) {
        super(writerSchema, model);
    }

    @Override
    protected void writeField(Object datum, Schema.Field field, Encoder out, Object state) throws IOException {
        IndexedRecord record = (IndexedRecord) datum;
        Schema.Field own = ownField(record.getSchema(), field);
        write(field.schema(), own == null ? getData().getDefaultValue(field) : record.get(own.pos()), out);
    }

    private static Schema.Field ownField(Schema recordSchema, Schema.Field field) {
        Schema.Field own = recordSchema.getField(field.name());
        for (String alias : field.aliases()) {
            if (own == null) {
                own = recordSchema.getField(alias);
            }
        }
        return own;
    }
}
