package org.dtenge.cards.iso8583;

import java.util.Optional;

/**
 * A message format: the definitions of data elements 2 to 128 (0 is the MTI, 1 the bitmap, both
 * handled by {@link MessageCodec}). A field absent from the spec may not appear in a message.
 */
public final class MessageSpec {
    private final String name;
    private final FieldSpec[] fields = new FieldSpec[129];

    MessageSpec(String name, FieldSpec... definitions) {
        this.name = name;
        for (FieldSpec field : definitions) {
            CodecException.check(field.number() >= 2, "fields 0 and 1 are the MTI and the bitmap");
            CodecException.check(fields[field.number()] == null, "field " + field.number() + " defined twice");
            fields[field.number()] = field;
        }
    }

    public String name() {
        return name;
    }

    public Optional<FieldSpec> field(int number) {
        return number >= 0 && number < fields.length ? Optional.ofNullable(fields[number]) : Optional.empty();
    }
}
