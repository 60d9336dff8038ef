package com.lavish.devstack;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * GreenMail on loopback: SMTP that accepts every message and keeps it, and IMAP to read the mailboxes. A recipient's
 * mailbox is made on its first message, its login and password both the recipient's address (GreenMail's rule for
 * users it creates itself). Mail lives in memory: it is gone when devstack stops.
 */
public final class MailServer implements AutoCloseable {

    private static final String HOST = "127.0.0.1";

    private final int smtpPort;
    private final int imapPort;
    private GreenMail greenMail;

    MailServer(int smtpPort, int imapPort) {
        this.smtpPort = smtpPort;
        this.imapPort = imapPort;
    }

    void start() {
        greenMail = new GreenMail(new ServerSetup[] {
            new ServerSetup(smtpPort, HOST, ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(imapPort, HOST, ServerSetup.PROTOCOL_IMAP)
        });
        greenMail.start();
    }

    public String host() {
        return HOST;
    }

    public int smtpPort() {
        return smtpPort;
    }

    public int imapPort() {
        return imapPort;
    }

    @Override
    public void close() {
        if (greenMail != null) {
            greenMail.stop();
            greenMail = null;
        }
    }
}
