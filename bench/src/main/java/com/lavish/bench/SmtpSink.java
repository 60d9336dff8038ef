package com.lavish.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * The least SMTP server a mail client can deliver to (RFC 5321's EHLO, MAIL, RCPT, DATA, RSET, NOOP, QUIT; no
 * extensions, so no TLS or authentication is tried), which accepts every message and tells, the moment it accepts
 * one, its Message-ID and the time. The benchmark's clock for "accepted by the SMTP server"; a mailbox server such as
 * GreenMail keeps every message per recipient and would have to be searched for the new ones.
 */
final class SmtpSink implements AutoCloseable {

    private final ServerSocket server;
    /** The connections open now: an outage closes them too, or a client's pooled connection would outlive it. */
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();

    /** Listens on 127.0.0.1:port; {@code accepted} gets each message's Message-ID (or null) and System.nanoTime(). */
    SmtpSink(int port, BiConsumer<String, Long> accepted) throws IOException {
        server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(
                () -> {
                    while (!server.isClosed()) {
                        try {
                            Socket client = server.accept();
                            connections.add(client);
                            Thread connection = new Thread(() -> serve(client, accepted), "smtp-sink-connection");
                            connection.setDaemon(true);
                            connection.start();
                        } catch (IOException e) {
                            return;
                        }
                    }
                },
                "smtp-sink");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void serve(Socket client, BiConsumer<String, Long> accepted) {
        try (client;
                BufferedReader in =
                        new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
                OutputStream out = client.getOutputStream()) {
            reply(out, "220 smtp-sink ready");
            String line;
            while ((line = in.readLine()) != null) {
                String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase(Locale.ROOT) : line;
                switch (verb) {
                    case "EHLO", "HELO" -> reply(out, "250 smtp-sink");
                    case "DATA" -> {
                        reply(out, "354 end with <CRLF>.<CRLF>");
                        String messageId = null;
                        boolean headers = true;
                        while ((line = in.readLine()) != null && !line.equals(".")) {
                            if (line.isEmpty()) {
                                headers = false;
                            } else if (headers && line.regionMatches(true, 0, "Message-ID:", 0, 11)) {
                                messageId = line.substring(11).trim();
                            }
                        }
                        accepted.accept(messageId, System.nanoTime());
                        reply(out, "250 accepted");
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, "250 ok");
                }
            }
        } catch (IOException e) {
            // the client went away
        } finally {
            connections.remove(client);
        }
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Stops listening and drops every open connection, as a server that goes down does. */
    @Override
    public void close() throws IOException {
        server.close();
        for (Socket connection : connections) {
            connection.close();
        }
    }
}
