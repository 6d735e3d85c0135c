package org.dtenge.ledger;

import java.util.Arrays;

/** The assets. There are few (DT, some stablecoins, gold, foreign currencies), so lookups scan. */
final class AssetTable {
    int count;
    int[] id = new int[8];
    long[] code = new long[8];
    byte[] scale = new byte[8];
    long[] issuerHi = new long[8];
    long[] issuerLo = new long[8];

    int find(int assetId) {
        for (int i = 0; i < count; i++) {
            if (id[i] == assetId) {
                return i;
            }
        }
        return -1;
    }

    int add(int assetId, long assetCode, int assetScale, long hi, long lo) {
        if (count == id.length) {
            int capacity = count * 2;
            id = Arrays.copyOf(id, capacity);
            code = Arrays.copyOf(code, capacity);
            scale = Arrays.copyOf(scale, capacity);
            issuerHi = Arrays.copyOf(issuerHi, capacity);
            issuerLo = Arrays.copyOf(issuerLo, capacity);
        }
        int slot = count++;
        id[slot] = assetId;
        code[slot] = assetCode;
        scale[slot] = (byte) assetScale;
        issuerHi[slot] = hi;
        issuerLo[slot] = lo;
        return slot;
    }

    static String codeText(long code) {
        StringBuilder text = new StringBuilder(8);
        for (int i = 0; i < 8; i++) {
            int c = (int) (code >>> (8 * i)) & 0xFF;
            if (c == 0) {
                break;
            }
            text.append((char) c);
        }
        return text.toString();
    }
}
