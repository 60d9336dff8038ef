package com.lavish.shopifyfake.admin;

/** A bulk query operation: its schema fields, and the JSONL it produced once it completed. */
final class BulkOperation extends Entity {

    private byte[] jsonl = new byte[0];

    BulkOperation(long id) {
        super("BulkOperation", id);
    }

    String status() {
        return (String) get("status");
    }

    /** The result as JSONL, empty until the operation completes; the {@code url} field serves it. */
    byte[] jsonl() {
        return jsonl;
    }

    void jsonl(byte[] jsonl) {
        this.jsonl = jsonl;
    }
}
