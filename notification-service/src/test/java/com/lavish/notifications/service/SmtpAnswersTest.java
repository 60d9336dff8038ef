package com.lavish.notifications.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.ext.mail.SMTPException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SmtpAnswersTest {

    @Test
    void aPermanentReplyIsForGoodAndATransientOneOrAnOutageIsNot() {
        SmtpAnswers.Failure refused = SmtpAnswers.read(
                new SMTPException("refused", 550, List.of("550 5.1.1 <jane@example.com>: no such user"), false));
        assertTrue(refused.permanent());
        assertEquals("550 5.1.1 <[address]>: no such user", refused.answer());

        assertFalse(SmtpAnswers.read(new SMTPException("busy", 451, List.of("451 4.3.0 try later"), false))
                .permanent());
        assertFalse(SmtpAnswers.read(new ConnectException("Connection refused")).permanent());
    }

    @Test
    void theWaitDoublesAfterEachAttemptUpToItsCeiling() {
        Duration initial = Duration.ofSeconds(30);
        Duration max = Duration.ofMinutes(30);
        assertEquals(Duration.ofSeconds(30), SmtpAnswers.backoff(1, initial, max));
        assertEquals(Duration.ofSeconds(60), SmtpAnswers.backoff(2, initial, max));
        assertEquals(Duration.ofSeconds(240), SmtpAnswers.backoff(4, initial, max));
        assertEquals(max, SmtpAnswers.backoff(12, initial, max));
        assertEquals(max, SmtpAnswers.backoff(1000, initial, max));
    }
}
