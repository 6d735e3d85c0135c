package org.dtenge.ledger;

import java.nio.ByteBuffer;

/**
 * The rules for the events that define things rather than move money: assets, policies, accounts,
 * freezes, closing and tier changes. As in {@link Movements}, every check passes before anything
 * changes, and account changes go through the undo log.
 */
final class AccountRules {
    private final State state;
    private final AccountTable accounts;
    private final PolicyTemplates templates;

    AccountRules(State state, PolicyTemplates templates) {
        this.state = state;
        this.accounts = state.accounts;
        this.templates = templates;
    }

    private static boolean zero(ByteBuffer event, int from, int to) {
        for (int offset = from; offset < to; offset++) {
            if (event.get(offset) != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean linkedOnly(ByteBuffer event, int base) {
        return ((event.getShort(base + Event.FLAGS) & 0xFFFF) & ~Event.LINKED) == 0;
    }

    Result createAsset(ByteBuffer event, int base) {
        if ((event.getShort(base + Event.FLAGS) & 0xFFFF) != 0) {
            return Result.UNKNOWN_FLAGS; // not undoable, so never part of a chain
        }
        if (event.get(base + 1) != 0 || !zero(event, base + Event.ASSET_SCALE + 1, base + Event.SIZE)) {
            return Result.RESERVED_FIELD;
        }
        int id = event.getInt(base + Event.ASSET);
        if (id == 0) {
            return Result.ID_MUST_NOT_BE_ZERO;
        }
        long issuerHi = event.getLong(base + Event.ID);
        long issuerLo = event.getLong(base + Event.ID + 8);
        long code = event.getLong(base + Event.ASSET_CODE);
        int scale = event.get(base + Event.ASSET_SCALE);
        AssetTable assets = state.assets;
        int existing = assets.find(id);
        if (existing >= 0) {
            boolean same = assets.code[existing] == code && assets.scale[existing] == scale
                    && assets.issuerHi[existing] == issuerHi && assets.issuerLo[existing] == issuerLo;
            return same ? Result.EXISTS : Result.EXISTS_WITH_DIFFERENT_FIELDS;
        }
        if (issuerHi == 0 && issuerLo == 0 || accounts.find(issuerHi, issuerLo) >= 0) {
            return Result.ISSUANCE_ACCOUNT_MISMATCH; // the issuance account is created after its asset
        }
        if (!validCode(code)) {
            return Result.ASSET_CODE_INVALID;
        }
        if (scale < 0 || scale > 18) {
            return Result.ASSET_SCALE_INVALID;
        }
        assets.add(id, code, scale, issuerHi, issuerLo);
        return Result.OK;
    }

    /** 1 to 8 upper-case ASCII letters or digits, left-aligned, zero-padded. */
    private static boolean validCode(long code) {
        boolean ended = false;
        int length = 0;
        for (int i = 0; i < 8; i++) {
            int c = (int) (code >>> (8 * i)) & 0xFF;
            if (c == 0) {
                ended = true;
            } else if (ended || !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')) {
                return false;
            } else {
                length++;
            }
        }
        return length > 0;
    }

    Result createPolicy(ByteBuffer event, int base) {
        if ((event.getShort(base + Event.FLAGS) & 0xFFFF) != 0) {
            return Result.UNKNOWN_FLAGS;
        }
        if (event.get(base + 1) != 0 || !zero(event, base + Event.POLICY_TEMPLATE + 4, base + Event.POLICY_PARAMS)) {
            return Result.RESERVED_FIELD;
        }
        int id = event.getInt(base + Event.ASSET);
        if (id == 0) {
            return Result.ID_MUST_NOT_BE_ZERO;
        }
        int template = event.getInt(base + Event.POLICY_TEMPLATE);
        PolicyTable policies = state.policies;
        int existing = policies.find(id);
        if (existing >= 0) {
            boolean same = policies.template[existing] == template;
            for (int i = 0; same && i < Event.POLICY_PARAMS_MAX; i++) {
                same = policies.params[existing][i] == event.getLong(base + Event.POLICY_PARAMS + i * 8);
            }
            return same ? Result.EXISTS : Result.EXISTS_WITH_DIFFERENT_FIELDS;
        }
        long[] params = new long[Event.POLICY_PARAMS_MAX]; // allocation is fine: policies are rare
        for (int i = 0; i < params.length; i++) {
            params[i] = event.getLong(base + Event.POLICY_PARAMS + i * 8);
        }
        return switch (templates.create(template, params.clone())) {
            case PolicyTemplates.Created created -> {
                policies.add(id, template, params, created.policy());
                yield Result.OK;
            }
            case PolicyTemplates.UnknownTemplate unknown -> Result.POLICY_TEMPLATE_UNKNOWN;
            case PolicyTemplates.InvalidParameters invalid -> Result.POLICY_PARAMETERS_INVALID;
        };
    }

    Result createAccount(ByteBuffer event, int base, long timestampNanos) {
        if (!linkedOnly(event, base)) {
            return Result.UNKNOWN_FLAGS;
        }
        if (event.get(base + 1) != 0 || !zero(event, base + Event.TIER + 1, base + Event.SIZE)) {
            return Result.RESERVED_FIELD;
        }
        long idHi = event.getLong(base + Event.ID);
        long idLo = event.getLong(base + Event.ID + 8);
        if (idHi == 0 && idLo == 0) {
            return Result.ID_MUST_NOT_BE_ZERO;
        }
        int existing = accounts.find(idHi, idLo);
        if (existing >= 0) {
            return sameAccount(existing, event, base) ? Result.EXISTS : Result.EXISTS_WITH_DIFFERENT_FIELDS;
        }
        int kind = event.get(base + Event.KIND);
        if (!AccountKind.isValid(kind)) {
            return Result.KIND_INVALID;
        }
        int asset = state.assets.find(event.getInt(base + Event.ASSET));
        if (asset < 0) {
            return Result.ASSET_NOT_FOUND;
        }
        if (!validLimits(event, base)) {
            return Result.LIMITS_INVALID;
        }
        boolean isIssuer = state.assets.issuerHi[asset] == idHi && state.assets.issuerLo[asset] == idLo;
        if (isIssuer != (kind == AccountKind.ISSUANCE.code)) {
            return Result.ISSUANCE_ACCOUNT_MISMATCH;
        }
        int policyId = event.getInt(base + Event.POLICY);
        int policy = policyId == 0 ? -1 : state.policies.find(policyId);
        if (policyId != 0 && policy < 0) {
            return Result.POLICY_NOT_FOUND;
        }
        int slot = accounts.add(idHi, idLo);
        if (state.undoing) {
            state.undo.accountAdded(slot);
        }
        AccountTable a = accounts;
        a.setMeta(slot, state.assets.id[asset], kind, AccountStatus.ACTIVE.ordinal(), event.get(base + Event.TIER) & 0xFF);
        a.setDayPolicy(slot, 0, policy + 1);
        a.setLimits(slot, event.getLong(base + Event.HOLDING_LIMIT), event.getLong(base + Event.PAYMENT_LIMIT),
                event.getLong(base + Event.DAILY_LIMIT));
        a.intermediary[slot] = event.getLong(base + Event.INTERMEDIARY);
        event.get(base + Event.OWNER_KEY, a.ownerKey, slot * Event.OWNER_KEY_SIZE, Event.OWNER_KEY_SIZE);
        a.timestamp[slot] = timestampNanos;
        return Result.OK;
    }

    private static boolean validLimits(ByteBuffer event, int base) {
        return event.getLong(base + Event.HOLDING_LIMIT) >= 0
                && event.getLong(base + Event.PAYMENT_LIMIT) >= 0
                && event.getLong(base + Event.DAILY_LIMIT) >= 0;
    }

    private boolean sameAccount(int slot, ByteBuffer event, int base) {
        AccountTable a = accounts;
        int policy = a.policy(slot);
        int policyId = policy == 0 ? 0 : state.policies.id[policy - 1];
        for (int i = 0; i < Event.OWNER_KEY_SIZE; i++) {
            if (a.ownerKey[slot * Event.OWNER_KEY_SIZE + i] != event.get(base + Event.OWNER_KEY + i)) {
                return false;
            }
        }
        return a.asset(slot) == event.getInt(base + Event.ASSET)
                && a.kind(slot) == (event.get(base + Event.KIND) & 0xFF)
                && a.intermediary[slot] == event.getLong(base + Event.INTERMEDIARY)
                && a.tier(slot) == (event.get(base + Event.TIER) & 0xFF)
                && a.holdingLimit(slot) == event.getLong(base + Event.HOLDING_LIMIT)
                && a.paymentLimit(slot) == event.getLong(base + Event.PAYMENT_LIMIT)
                && a.dailyLimit(slot) == event.getLong(base + Event.DAILY_LIMIT)
                && policyId == event.getInt(base + Event.POLICY);
    }

    /** FREEZE_ACCOUNT, UNFREEZE_ACCOUNT, CLOSE_ACCOUNT and CHANGE_TIER share their first checks. */
    private int target(ByteBuffer event, int base, int reservedFrom) {
        if (!linkedOnly(event, base)) {
            return -Result.UNKNOWN_FLAGS.ordinal();
        }
        if (event.get(base + 1) != 0 || event.getInt(base + Event.ASSET) != 0
                || !zero(event, base + Event.ID + 16, base + Event.HOLDING_LIMIT)
                || !zero(event, base + reservedFrom, base + Event.SIZE)) {
            return -Result.RESERVED_FIELD.ordinal();
        }
        long idHi = event.getLong(base + Event.ID);
        long idLo = event.getLong(base + Event.ID + 8);
        if (idHi == 0 && idLo == 0) {
            return -Result.ID_MUST_NOT_BE_ZERO.ordinal();
        }
        int slot = accounts.find(idHi, idLo);
        if (slot < 0) {
            return -Result.ACCOUNT_NOT_FOUND.ordinal();
        }
        if (accounts.status(slot) == AccountStatus.CLOSED.ordinal()) {
            return -Result.ACCOUNT_CLOSED.ordinal();
        }
        return slot;
    }

    Result changeStatus(EventType type, ByteBuffer event, int base) {
        int slot = target(event, base, Event.HOLDING_LIMIT);
        if (slot < 0) {
            return Result.of(-slot);
        }
        int frozen = AccountStatus.FROZEN.ordinal();
        AccountStatus next;
        switch (type) {
            case FREEZE_ACCOUNT -> {
                if (accounts.status(slot) == frozen) {
                    return Result.ACCOUNT_ALREADY_FROZEN;
                }
                next = AccountStatus.FROZEN;
            }
            case UNFREEZE_ACCOUNT -> {
                if (accounts.status(slot) != frozen) {
                    return Result.ACCOUNT_NOT_FROZEN;
                }
                next = AccountStatus.ACTIVE;
            }
            case CLOSE_ACCOUNT -> {
                if (accounts.balance(slot) != 0 || accounts.held(slot) != 0) {
                    return Result.ACCOUNT_NOT_EMPTY;
                }
                next = AccountStatus.CLOSED;
            }
            default -> throw new IllegalStateException("invariant broken: status event expected");
        }
        state.saveAccount(slot);
        accounts.setStatus(slot, next.ordinal());
        return Result.OK;
    }

    Result changeTier(ByteBuffer event, int base, long timestampNanos) {
        int slot = target(event, base, Event.TIER + 1);
        if (slot < 0) {
            return Result.of(-slot);
        }
        if (!zero(event, base + Event.POLICY, base + Event.TIER)) {
            return Result.RESERVED_FIELD;
        }
        if (!validLimits(event, base)) {
            return Result.LIMITS_INVALID;
        }
        long holdingLimit = event.getLong(base + Event.HOLDING_LIMIT);
        // A lower tier must not leave the wallet over its limits: not its balance, nor today's outflow.
        if (accounts.balance(slot) > holdingLimit) {
            return Result.HOLDING_LIMIT_EXCEEDED;
        }
        if (state.outflowOn(slot, state.day(timestampNanos)) > event.getLong(base + Event.DAILY_LIMIT)) {
            return Result.DAILY_LIMIT_EXCEEDED;
        }
        state.saveAccount(slot);
        accounts.setTier(slot, event.get(base + Event.TIER) & 0xFF);
        accounts.setLimits(slot, holdingLimit, event.getLong(base + Event.PAYMENT_LIMIT),
                event.getLong(base + Event.DAILY_LIMIT));
        return Result.OK;
    }
}
