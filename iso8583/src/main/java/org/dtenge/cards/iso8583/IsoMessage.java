package org.dtenge.cards.iso8583;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An ISO 8583 message: its message type indicator and its data elements (2 to 128) as the text they
 * are on the wire. Immutable; {@link #with} gives a changed copy. The bitmap is not kept: it follows
 * from which fields are present.
 */
public final class IsoMessage {
    private final String mti;
    private final TreeMap<Integer, String> fields;

    private IsoMessage(String mti, TreeMap<Integer, String> fields) {
        CodecException.check(mti.length() == 4 && mti.chars().allMatch(c -> c >= '0' && c <= '9'),
                "an MTI is 4 digits: " + mti);
        this.mti = mti;
        this.fields = fields;
    }

    public static IsoMessage of(String mti) {
        return new IsoMessage(mti, new TreeMap<>());
    }

    /** A builder: many fields set with one copy at the end, rather than a copy per {@link #with}. */
    public static Builder builder(String mti) {
        return new Builder(mti, new TreeMap<>());
    }

    /** A builder starting from this message's fields, under {@code newMti}. */
    public Builder toBuilder(String newMti) {
        return new Builder(newMti, new TreeMap<>(fields));
    }

    /** Collects fields; {@link #build} checks the MTI and hands the map over (the builder is then spent). */
    public static final class Builder {
        private final String mti;
        private TreeMap<Integer, String> fields;

        private Builder(String mti, TreeMap<Integer, String> fields) {
            this.mti = mti;
            this.fields = fields;
        }

        public Builder with(int number, String value) {
            CodecException.check(fields != null, "a builder builds once");
            CodecException.check(number >= 2 && number <= 128, "data elements are 2..128: " + number);
            fields.put(number, value);
            return this;
        }

        public Builder without(int number) {
            CodecException.check(fields != null, "a builder builds once");
            fields.remove(number);
            return this;
        }

        public IsoMessage build() {
            CodecException.check(fields != null, "a builder builds once");
            IsoMessage message = new IsoMessage(mti, fields);
            fields = null;
            return message;
        }
    }

    public String mti() {
        return mti;
    }

    public Optional<String> field(int number) {
        return Optional.ofNullable(fields.get(number));
    }

    public boolean has(int number) {
        return fields.containsKey(number);
    }

    /** The fields present, in order of number. */
    public Map<Integer, String> fields() {
        return Collections.unmodifiableMap(fields);
    }

    public IsoMessage with(int number, String value) {
        CodecException.check(number >= 2 && number <= 128, "data elements are 2..128: " + number);
        TreeMap<Integer, String> copy = new TreeMap<>(fields);
        copy.put(number, value);
        return new IsoMessage(mti, copy);
    }

    public IsoMessage without(int number) {
        TreeMap<Integer, String> copy = new TreeMap<>(fields);
        copy.remove(number);
        return new IsoMessage(mti, copy);
    }

    /** The same fields under another MTI (a response keeps the request's elements). */
    public IsoMessage withMti(String other) {
        return new IsoMessage(other, new TreeMap<>(fields));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IsoMessage m && mti.equals(m.mti) && fields.equals(m.fields);
    }

    @Override
    public int hashCode() {
        return mti.hashCode() * 31 + fields.hashCode();
    }

    @Override
    public String toString() {
        return mti + " " + fields;
    }
}
