package dev.billingportal.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A minimal SMTP server on loopback whose replies a test scripts: refuse a recipient for good (550),
 * answer every recipient "try later" (451), or accept a connection and then say nothing (to exercise
 * read timeouts). Speaks just enough SMTP for Jakarta Mail; records the messages it accepted.
 */
public final class ScriptedSmtpServer implements AutoCloseable {
    /** One accepted message: its envelope recipients and its raw text. */
    public record Received(List<String> recipients, String data) {
        /** The message's Message-ID header: the portal derives it from the delivery, so a duplicate repeats it. */
        public String messageId() {
            return data.lines().takeWhile(line -> !line.isEmpty())
                    .filter(line -> line.regionMatches(true, 0, "Message-ID:", 0, 11))
                    .map(line -> line.substring(11).strip())
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("a message without a Message-ID: " + data));
        }
    }

    private final ServerSocket socket;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<Socket> connections = new CopyOnWriteArrayList<>();
    private final ConcurrentHashMap<String, String> recipientReplies = new ConcurrentHashMap<>();
    private volatile Function<String, String> defaultRecipientReply = address -> "250 2.1.5 OK";
    private volatile boolean silent;
    private volatile boolean closed;
    /** AUTH PLAIN's credentials, {@code user\0password}; null: AUTH is not offered. */
    private volatile String plainCredentials;
    private final java.util.concurrent.atomic.AtomicInteger authenticated = new java.util.concurrent.atomic.AtomicInteger();

    public ScriptedSmtpServer() {
        this(0);
    }

    /** On a given port (0: any free one), e.g. to come back where a stopped server was. */
    public ScriptedSmtpServer(int port) {
        socket = bind(port);
        Thread.ofPlatform().daemon(true).name("scripted-smtp").start(this::acceptLoop);
    }

    /**
     * Binds the listening socket. Coming back on the port a stopped server had, the bind can meet a socket that took
     * the port in the moment it was free (an outgoing connection's ephemeral port, say): it is tried again for up to
     * 5 s, until that socket is gone.
     */
    private static ServerSocket bind(int port) {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(5).toNanos();
        while (true) {
            ServerSocket listening = null;
            try {
                listening = new ServerSocket();
                listening.setReuseAddress(true);
                listening.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
                return listening;
            } catch (java.net.BindException taken) {
                closeQuietly(listening);
                if (port == 0 || System.nanoTime() > deadline) {
                    throw new IllegalStateException(taken);
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(interrupted);
                }
            } catch (IOException failure) {
                closeQuietly(listening);
                throw new IllegalStateException(failure);
            }
        }
    }

    private static void closeQuietly(ServerSocket listening) {
        if (listening != null) {
            try {
                listening.close();
            } catch (IOException ignored) {
                // it never listened
            }
        }
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** RCPT TO for this address is answered with {@code reply}, e.g. {@code 550 5.1.1 No such user}. */
    public ScriptedSmtpServer replyToRecipient(String address, String reply) {
        recipientReplies.put(address.toLowerCase(Locale.ROOT), reply);
        return this;
    }

    /** Every other RCPT TO is answered with {@code reply} (e.g. {@code 451 4.3.0 Try again later}); null: accept. */
    public ScriptedSmtpServer replyToAllRecipients(String reply) {
        defaultRecipientReply = reply == null ? address -> "250 2.1.5 OK" : address -> reply;
        return this;
    }

    /** New connections are accepted but never greeted: a client without a read timeout would hang. */
    public ScriptedSmtpServer silent(boolean silent) {
        this.silent = silent;
        return this;
    }

    /** Faults injected at random (a seeded generator, so that a run can be replayed): see {@link #chaos}. */
    private volatile java.util.Random chaos;
    private volatile double faultRate;
    private final java.util.concurrent.atomic.AtomicInteger greylisted = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger dropped = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * Fails about {@code rate} of the mails: half of those get {@code 451} at RCPT TO, the other half lose their
     * connection after the data, before the server's answer (not accepted: nothing is recorded). 0 stops the faults.
     */
    public ScriptedSmtpServer chaos(double rate, long seed) {
        this.chaos = rate > 0 ? new java.util.Random(seed) : null;
        this.faultRate = rate;
        return this;
    }

    /** Faults injected so far: RCPT TO answered 451, and connections dropped after the data. */
    public int greylisted() {
        return greylisted.get();
    }

    public int dropped() {
        return dropped.get();
    }

    /** Whether to inject a fault now, with half the configured rate (each of the two kinds takes half). */
    private boolean fault() {
        java.util.Random random = chaos;
        if (random == null) {
            return false;
        }
        synchronized (random) {
            return random.nextDouble() < faultRate / 2;
        }
    }

    /** Offers AUTH PLAIN and requires these credentials before MAIL FROM. */
    public ScriptedSmtpServer requireAuth(String user, String password) {
        plainCredentials = user + "\0" + password;
        return this;
    }

    /** How many sessions authenticated with the required credentials. */
    public int authentications() {
        return authenticated.get();
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** How many connections clients opened so far. */
    public int connectionsAccepted() {
        return connections.size();
    }

    /** Drops every open connection without a word, as a server does with connections idle too long. */
    public void dropConnections() {
        for (Socket connection : connections) {
            try {
                connection.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = socket.accept();
                connections.add(client);
                Thread.ofPlatform().daemon(true).name("scripted-smtp-session").start(() -> session(client));
            } catch (IOException failure) {
                if (!closed) {
                    throw new IllegalStateException(failure);
                }
            }
        }
    }

    private void session(Socket client) {
        try (client; BufferedReader in = new BufferedReader(
                new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8))) {
            OutputStream out = client.getOutputStream();
            if (silent) {
                while (in.read() >= 0) {
                    // say nothing until the client gives up
                }
                return;
            }
            reply(out, "220 localhost scripted SMTP");
            List<String> recipients = new ArrayList<>();
            String credentials = plainCredentials;
            boolean authorised = credentials == null;
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.toUpperCase(Locale.ROOT);
                if (command.startsWith("EHLO") && credentials != null) {
                    reply(out, "250-localhost");
                    reply(out, "250 AUTH PLAIN");
                } else if (command.startsWith("EHLO") || command.startsWith("HELO")) {
                    reply(out, "250 localhost");
                } else if (command.startsWith("AUTH PLAIN") && credentials != null) {
                    String given = line.length() > "AUTH PLAIN ".length() ? line.substring("AUTH PLAIN ".length()).strip()
                            : null;
                    if (given == null) {
                        reply(out, "334 ");
                        given = in.readLine();
                    }
                    authorised = given != null && credentials.equals(plainUserAndPassword(given.strip()));
                    if (authorised) {
                        authenticated.incrementAndGet();
                    }
                    reply(out, authorised ? "235 2.7.0 Authentication successful" : "535 5.7.8 Bad credentials");
                } else if (command.startsWith("MAIL FROM") && !authorised) {
                    reply(out, "530 5.7.0 Authentication required");
                } else if (command.startsWith("MAIL FROM")) {
                    recipients.clear();
                    reply(out, "250 2.1.0 OK");
                } else if (command.startsWith("RCPT TO")) {
                    String address = line.substring(line.indexOf('<') + 1, line.lastIndexOf('>'));
                    String answer = recipientReplies.getOrDefault(address.toLowerCase(Locale.ROOT),
                            defaultRecipientReply.apply(address));
                    if (answer.startsWith("2") && fault()) {
                        greylisted.incrementAndGet();
                        answer = "451 4.7.1 Greylisted, try again later";
                    }
                    if (answer.startsWith("2")) {
                        recipients.add(address);
                    }
                    reply(out, answer);
                } else if (command.startsWith("DATA")) {
                    reply(out, "354 End data with <CR><LF>.<CR><LF>");
                    StringBuilder data = new StringBuilder();
                    String dataLine;
                    while ((dataLine = in.readLine()) != null && !dataLine.equals(".")) {
                        data.append(dataLine.startsWith("..") ? dataLine.substring(1) : dataLine).append("\r\n");
                    }
                    if (fault()) {
                        dropped.incrementAndGet();
                        return; // the connection goes before the answer: the mail was not accepted
                    }
                    received.add(new Received(List.copyOf(recipients), data.toString()));
                    reply(out, "250 2.0.0 Accepted");
                } else if (command.startsWith("QUIT")) {
                    reply(out, "221 2.0.0 Bye");
                    return;
                } else {
                    reply(out, "250 OK");
                }
            }
        } catch (SocketException closedByPeer) {
            // the client hung up
        } catch (IOException failure) {
            if (!closed) {
                throw new IllegalStateException(failure);
            }
        }
    }

    /** RFC 4616: base64 of {@code [authzid] \0 user \0 password}; the authorization identity is not checked. */
    private static String plainUserAndPassword(String response) {
        try {
            String decoded = new String(java.util.Base64.getDecoder().decode(response), StandardCharsets.UTF_8);
            return decoded.substring(decoded.indexOf('\0') + 1);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() {
        closed = true;
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        dropConnections();
    }
}
