package org.dtenge.ledger;

import java.util.Arrays;

/**
 * Policy instances by slot. Accounts refer to a policy by {@code slot + 1} internally (0 is none) so
 * that the hot path finds it with one array read; the public id is kept for lookups and snapshots,
 * together with the template and parameters that recreate the instance on restore.
 */
final class PolicyTable {
    int count;
    int[] id = new int[8];
    int[] template = new int[8];
    long[][] params = new long[8][];
    Policy[] policy = new Policy[8];

    int find(int policyId) {
        for (int i = 0; i < count; i++) {
            if (id[i] == policyId) {
                return i;
            }
        }
        return -1;
    }

    int add(int policyId, int policyTemplate, long[] policyParams, Policy instance) {
        if (count == id.length) {
            int capacity = count * 2;
            id = Arrays.copyOf(id, capacity);
            template = Arrays.copyOf(template, capacity);
            params = Arrays.copyOf(params, capacity);
            policy = Arrays.copyOf(policy, capacity);
        }
        int slot = count++;
        id[slot] = policyId;
        template[slot] = policyTemplate;
        params[slot] = policyParams;
        policy[slot] = instance;
        return slot;
    }
}
