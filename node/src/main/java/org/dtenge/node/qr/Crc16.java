package org.dtenge.node.qr;

/** CRC-16/CCITT-FALSE (polynomial 0x1021, initial 0xFFFF, no reflection, no final xor), as EMV QR codes use it. */
public final class Crc16 {
    private Crc16() {}

    public static int of(byte[] bytes) {
        int crc = 0xFFFF;
        for (byte b : bytes) {
            crc ^= (b & 0xFF) << 8;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
            }
            crc &= 0xFFFF;
        }
        return crc;
    }

    /** Four upper-case hex digits, as tag 63 carries them. */
    public static String hex(byte[] bytes) {
        return String.format(java.util.Locale.ROOT, "%04X", of(bytes));
    }
}
