package com.lavish.consumer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.pgclient.PgException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

class TransientFailuresTest {

    @Test
    void aDatabaseThatIsAwayOrLostARaceIsTransient() {
        assertTrue(TransientFailures.isTransient(new PgException("gone", "FATAL", "57P01", null)));
        assertTrue(TransientFailures.isTransient(new PgException("conn", "FATAL", "08006", null)));
        assertTrue(TransientFailures.isTransient(new PgException("race", "ERROR", "40001", null)));
        assertTrue(TransientFailures.isTransient(new PgException("deadlock", "ERROR", "40P01", null)));
        assertTrue(TransientFailures.isTransient(new PgException("too many", "FATAL", "53300", null)));
        assertTrue(TransientFailures.isTransient(new RuntimeException("wrapped", new ConnectException("refused"))));
        assertTrue(TransientFailures.isTransient(new java.util.concurrent.TimeoutException("slow")));
        assertTrue(TransientFailures.isTransient(new org.apache.kafka.common.errors.TimeoutException("broker")));
    }

    @Test
    void whatTheDataViolatesIsNotTransient() {
        assertFalse(TransientFailures.isTransient(new PgException("check", "ERROR", "23514", null)));
        assertFalse(TransientFailures.isTransient(new PgException("unique", "ERROR", "23505", null)));
        assertFalse(TransientFailures.isTransient(new PgException("bad value", "ERROR", "22P02", null)));
        assertFalse(TransientFailures.isTransient(new IllegalStateException("a bug")));
        assertFalse(TransientFailures.isTransient(new NullPointerException()));
    }
}
