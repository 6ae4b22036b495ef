package dev.billingportal.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The local SMTP server both the portal and the raw Jakarta Mail loop send to: it accepts everything, keeps
 * nothing but a count, and notes the moment it accepted each message ({@link System#nanoTime()}, the clock
 * the load driver uses too) so that a mail can be matched with the post that caused it by its reference.
 * Loopback only; one virtual thread per connection.
 */
final class SmtpSink implements AutoCloseable {
    private static final Pattern REFERENCE = Pattern.compile("BENCH-(\\d+)-");
    private static final Pattern INVITATION = Pattern.compile("/invitation\\?token=([A-Za-z0-9_-]+)");
    private static final Pattern RECIPIENT = Pattern.compile("(?i)^RCPT TO:\\s*<([^>]+)>");

    private final ServerSocket server;
    private final ExecutorService connections = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicLong accepted = new AtomicLong();
    private final Map<Long, LongConsumer> waiting = new ConcurrentHashMap<>();
    private final Map<String, String> invitations = new ConcurrentHashMap<>();
    private final Thread acceptor;

    SmtpSink() {
        try {
            server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        acceptor = Thread.ofPlatform().daemon(true).name("smtp-sink").start(this::acceptConnections);
    }

    int port() {
        return server.getLocalPort();
    }

    long accepted() {
        return accepted.get();
    }

    /** Calls {@code onAccepted} with the accept time of each message that carries reference number {@code id}. */
    void onMessage(long id, LongConsumer onAccepted) {
        waiting.put(id, onAccepted);
    }

    /** The invitation token last mailed to {@code address}, waiting up to 30 s for it. */
    String invitationFor(String address) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            String token = invitations.get(address);
            if (token != null) {
                return token;
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException("no invitation reached " + address);
    }

    /** Waits until at least {@code count} messages were accepted in all; false on timeout. */
    boolean awaitAccepted(long count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (accepted.get() < count) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }

    private void acceptConnections() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.submit(() -> converse(socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void converse(Socket socket) {
        try (socket;
             BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                     StandardCharsets.ISO_8859_1));
             OutputStream out = socket.getOutputStream()) {
            reply(out, "220 sink ESMTP");
            String line;
            String recipient = null;
            while ((line = in.readLine()) != null) {
                Matcher rcpt = RECIPIENT.matcher(line);
                if (rcpt.find()) {
                    recipient = rcpt.group(1);
                }
                String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                switch (command) {
                    case "EHLO" -> reply(out, "250-sink\r\n250 8BITMIME");
                    case "DATA" -> {
                        reply(out, "354 go ahead");
                        long reference = readData(in, recipient);
                        long now = System.nanoTime();
                        accepted.incrementAndGet();
                        reply(out, "250 accepted");
                        LongConsumer listener = reference < 0 ? null : waiting.get(reference);
                        if (listener != null) {
                            listener.accept(now);
                        }
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, "250 ok"); // HELO, MAIL, RCPT, RSET, NOOP
                }
            }
        } catch (IOException dropped) {
            // the client went away; nothing to keep
        }
    }

    /**
     * Reads a message up to the lone dot; returns the first bench reference number it carries, or -1, and
     * keeps an invitation link's token for the recipient.
     */
    private long readData(BufferedReader in, String recipient) throws IOException {
        long reference = -1;
        boolean quotedPrintable = false;
        StringBuilder logical = new StringBuilder();
        String line;
        while ((line = in.readLine()) != null && !line.equals(".")) {
            if (line.regionMatches(true, 0, "Content-Transfer-Encoding: quoted-printable", 0, 43)) {
                quotedPrintable = true;
            }
            if (quotedPrintable && line.endsWith("=")) { // a soft line break: the line goes on
                logical.append(line, 0, line.length() - 1);
                continue;
            }
            String text = logical.append(line).toString();
            logical.setLength(0);
            if (quotedPrintable) {
                text = text.replace("=3D", "=");
            }
            Matcher invitation = INVITATION.matcher(text);
            if (invitation.find() && recipient != null) {
                invitations.put(recipient, invitation.group(1));
            }
            if (reference < 0) {
                Matcher match = REFERENCE.matcher(text);
                if (match.find()) {
                    reference = Long.parseLong(match.group(1));
                }
            }
        }
        return reference;
    }

    private static void reply(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        connections.shutdownNow();
        try {
            acceptor.join(2_000);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
