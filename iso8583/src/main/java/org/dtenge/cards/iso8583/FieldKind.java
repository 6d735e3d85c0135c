package org.dtenge.cards.iso8583;

/** What a field's value may hold: any characters of its encoding, or digits only. */
public enum FieldKind {
    STRING,
    NUMERIC
}
