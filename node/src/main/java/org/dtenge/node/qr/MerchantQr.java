package org.dtenge.node.qr;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dtenge.node.money.Tenge;

/**
 * A dtenge merchant payment request as an EMV merchant-presented QR code. The merchant's wallet address
 * sits in a merchant account information template (tag 26) under the globally unique identifier
 * {@value #GUID}; the rest are the standard EMV fields:
 *
 * <pre>
 * 00 "01"          payload format indicator
 * 01 "11" or "12"  static code, or dynamic (one payment, amount given)
 * 26 template      00 = "KZ.DTENGE", 01 = wallet address (20 characters)
 * 52 MCC           merchant category code, 4 digits
 * 53 "398"         ISO 4217 numeric code of KZT
 * 54 amount        tenge with two decimals (dynamic codes only)
 * 58 "KZ"          country
 * 59 name          merchant name, up to 25 characters
 * 60 city          up to 15 characters
 * 62 template      05 = reference label (the payment reference), when given
 * 63 CRC
 * </pre>
 */
public record MerchantQr(String address, Optional<Long> amount, Optional<String> reference, String merchantCategory,
                         String name, String city) {
    public static final String GUID = "KZ.DTENGE";
    public static final String CURRENCY_KZT = "398";

    public String payload() {
        List<EmvField> fields = new ArrayList<>();
        fields.add(EmvField.of("00", "01"));
        fields.add(EmvField.of("01", amount.isPresent() ? "12" : "11"));
        fields.add(EmvField.template("26", List.of(EmvField.of("00", GUID), EmvField.of("01", address))));
        fields.add(EmvField.of("52", merchantCategory));
        fields.add(EmvField.of("53", CURRENCY_KZT));
        amount.ifPresent(tiyn -> fields.add(EmvField.of("54", Tenge.format(tiyn))));
        fields.add(EmvField.of("58", "KZ"));
        fields.add(EmvField.of("59", name));
        fields.add(EmvField.of("60", city));
        reference.ifPresent(text -> fields.add(EmvField.template("62", List.of(EmvField.of("05", text)))));
        return EmvQr.build(fields);
    }

    /** The dtenge request in a parsed code, when it has a tag 26-51 template with the dtenge GUID. */
    public static Optional<MerchantQr> from(EmvQr.Parsed.Valid code) {
        Optional<String> address = Optional.empty();
        for (EmvField field : code.fields()) {
            int tag = Integer.parseInt(field.tag());
            if (tag >= 26 && tag <= 51 && child(field, "00").filter(GUID::equals).isPresent()) {
                address = child(field, "01");
            }
        }
        if (address.isEmpty()) {
            return Optional.empty();
        }
        Optional<Long> amount = code.field("54").map(EmvField::value).flatMap(text -> switch (Tenge.parse(text)) {
            case Tenge.Parsed.Valid valid -> Optional.of(valid.tiyn());
            case Tenge.Parsed.Invalid invalid -> Optional.empty();
        });
        Optional<String> reference = code.field("62").flatMap(f -> child(f, "05"));
        return Optional.of(new MerchantQr(address.get(), amount, reference, text(code, "52"), text(code, "59"), text(code, "60")));
    }

    private static Optional<String> child(EmvField template, String tag) {
        return template.children().stream().filter(c -> c.tag().equals(tag)).map(EmvField::value).findFirst();
    }

    private static String text(EmvQr.Parsed.Valid code, String tag) {
        return code.field(tag).map(EmvField::value).orElse("");
    }
}
