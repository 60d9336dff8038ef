package com.lavish.edge.identity;

/**
 * A storefront request that Shopify's app proxy did not sign just now. The message is safe to send to the caller:
 * it never holds the signature or a secret.
 */
public class AppProxySignatureException extends RuntimeException {

    public enum Reason {
        MALFORMED_QUERY,
        REPEATED_PARAMETER,
        MISSING_SIGNATURE,
        BAD_TIMESTAMP,
        STALE_TIMESTAMP,
        INVALID_SIGNATURE,
        MISSING_SHOP,
        BAD_CUSTOMER_ID
    }

    private final Reason reason;

    public AppProxySignatureException(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
