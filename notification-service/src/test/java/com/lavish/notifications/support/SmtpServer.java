package com.lavish.notifications.support;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The tests' SMTP server: GreenMail, which keeps what it receives, behind a small gate on the mailer's port. The gate
 * passes the SMTP dialogue through line by line, except that it refuses the recipients of one domain for good
 * ({@value #REFUSED_DOMAIN}: {@code 550 5.1.1}, as a provider does for an address that does not exist), which GreenMail
 * cannot do. {@link #stop()} takes both away (connections refused), {@link #start()} brings them back on the same port.
 */
public final class SmtpServer implements AutoCloseable {

    public static final String REFUSED_DOMAIN = "no-such-user.example";

    private final int port;
    private final int backendPort;
    private GreenMail greenMail;
    private ServerSocket gate;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    /** What GreenMail received before a stop (it forgets on restart). */
    private final List<MimeMessage> received = new CopyOnWriteArrayList<>();

    public SmtpServer(int port) {
        this.port = port;
        this.backendPort = SmtpTestResource.freePort();
        start();
    }

    public synchronized void start() {
        greenMail = new GreenMail(new ServerSetup(backendPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        greenMail.start();
        try {
            gate = new ServerSocket();
            gate.setReuseAddress(true);
            gate.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ServerSocket listening = gate;
        Thread accepting = new Thread(() -> accept(listening), "smtp-gate-" + port);
        accepting.setDaemon(true);
        accepting.start();
    }

    /** The server goes away: new connections are refused and open ones cut. What it had received is kept. */
    public synchronized void stop() {
        try {
            gate.close();
        } catch (IOException ignored) {
            // closing
        }
        open.forEach(SmtpServer::closeQuietly);
        received.addAll(List.of(greenMail.getReceivedMessages()));
        greenMail.stop();
    }

    /** Every message received for this address, across stops and starts. */
    public synchronized List<MimeMessage> receivedFor(String address) {
        List<MimeMessage> all = new ArrayList<>(received);
        if (greenMail != null && greenMail.isRunning()) {
            all.addAll(List.of(greenMail.getReceivedMessages()));
        }
        return all.stream().filter(message -> addressedTo(message, address)).toList();
    }

    @Override
    public synchronized void close() {
        stop();
    }

    private static boolean addressedTo(MimeMessage message, String address) {
        try {
            Address[] recipients = message.getAllRecipients();
            if (recipients == null) {
                return false;
            }
            for (Address recipient : recipients) {
                if (recipient.toString().toLowerCase(Locale.ROOT).contains(address.toLowerCase(Locale.ROOT))) {
                    return true;
                }
            }
            return false;
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void accept(ServerSocket listening) {
        while (!listening.isClosed()) {
            try {
                Socket client = listening.accept();
                Socket backend = new Socket(InetAddress.getLoopbackAddress(), backendPort);
                open.add(client);
                open.add(backend);
                pump(backend.getInputStream(), client.getOutputStream(), client, backend);
                Thread relay = new Thread(() -> relay(client, backend), "smtp-gate-client");
                relay.setDaemon(true);
                relay.start();
            } catch (IOException e) {
                // closed by stop(), or a connection that failed: the client sees it as the server away
            }
        }
    }

    /** Client to server, a line at a time, refusing the recipients of {@link #REFUSED_DOMAIN}. */
    private void relay(Socket client, Socket backend) {
        try {
            InputStream in = new BufferedInputStream(client.getInputStream());
            OutputStream toServer = backend.getOutputStream();
            OutputStream toClient = client.getOutputStream();
            boolean data = false;
            String line;
            while ((line = readLine(in)) != null) {
                String upper = line.toUpperCase(Locale.ROOT);
                if (!data
                        && upper.startsWith("RCPT TO:")
                        && upper.contains("@" + REFUSED_DOMAIN.toUpperCase(Locale.ROOT))) {
                    synchronized (toClient) {
                        toClient.write(("550 5.1.1 " + line.substring(8).trim() + ": no such user\r\n")
                                .getBytes(StandardCharsets.US_ASCII));
                        toClient.flush();
                    }
                    continue;
                }
                if (!data && upper.equals("DATA")) {
                    data = true;
                } else if (data && line.equals(".")) {
                    data = false;
                }
                toServer.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
                toServer.flush();
            }
        } catch (IOException e) {
            // the connection ended
        } finally {
            closeQuietly(client);
            closeQuietly(backend);
        }
    }

    private static void pump(InputStream from, OutputStream to, Socket client, Socket backend) {
        Thread thread = new Thread(
                () -> {
                    byte[] buffer = new byte[8192];
                    try {
                        int read;
                        while ((read = from.read(buffer)) >= 0) {
                            synchronized (to) {
                                to.write(buffer, 0, read);
                                to.flush();
                            }
                        }
                    } catch (IOException e) {
                        // the connection ended
                    } finally {
                        closeQuietly(client);
                        closeQuietly(backend);
                    }
                },
                "smtp-gate-server");
        thread.setDaemon(true);
        thread.start();
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.UTF_8);
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
