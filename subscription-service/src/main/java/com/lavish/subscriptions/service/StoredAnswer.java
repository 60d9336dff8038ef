package com.lavish.subscriptions.service;

/** An answer as a storefront action gave it, kept under its Idempotency-Key for a repeat: status and JSON body. */
public record StoredAnswer(int status, String body) {}
