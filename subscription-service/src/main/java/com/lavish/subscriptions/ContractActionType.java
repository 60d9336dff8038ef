package com.lavish.subscriptions;

import com.lavish.events.sync.SyncCommandType;
import java.util.Locale;

/** The changes a contract can be asked for, each with the sync command that carries it to Shopify. */
public enum ContractActionType {
    PAUSE(SyncCommandType.CONTRACT_PAUSE, ContractStatus.PAUSED),
    RESUME(SyncCommandType.CONTRACT_ACTIVATE, ContractStatus.ACTIVE),
    CANCEL(SyncCommandType.CONTRACT_CANCEL, ContractStatus.CANCELLED),
    SKIP(SyncCommandType.BILLING_CYCLE_SKIP, null),
    UNSKIP(SyncCommandType.BILLING_CYCLE_UNSKIP, null),
    UPDATE(SyncCommandType.CONTRACT_UPDATE, null);

    private final SyncCommandType command;
    private final ContractStatus resultingStatus;

    ContractActionType(SyncCommandType command, ContractStatus resultingStatus) {
        this.command = command;
        this.resultingStatus = resultingStatus;
    }

    public SyncCommandType command() {
        return command;
    }

    /** The status the contract has once Shopify applied the change; null when the status stays. */
    public ContractStatus resultingStatus() {
        return resultingStatus;
    }

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ContractActionType of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
