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
    }

    private final ServerSocket socket;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<Socket> connections = new CopyOnWriteArrayList<>();
    private final ConcurrentHashMap<String, String> recipientReplies = new ConcurrentHashMap<>();
    private volatile Function<String, String> defaultRecipientReply = address -> "250 2.1.5 OK";
    private volatile boolean silent;
    private volatile boolean closed;

    public ScriptedSmtpServer() {
        this(0);
    }

    /** On a given port (0: any free one), e.g. to come back where a stopped server was. */
    public ScriptedSmtpServer(int port) {
        try {
            socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        } catch (IOException failure) {
            throw new IllegalStateException(failure);
        }
        Thread.ofPlatform().daemon(true).name("scripted-smtp").start(this::acceptLoop);
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
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.toUpperCase(Locale.ROOT);
                if (command.startsWith("EHLO") || command.startsWith("HELO")) {
                    reply(out, "250 localhost");
                } else if (command.startsWith("MAIL FROM")) {
                    recipients.clear();
                    reply(out, "250 2.1.0 OK");
                } else if (command.startsWith("RCPT TO")) {
                    String address = line.substring(line.indexOf('<') + 1, line.lastIndexOf('>'));
                    String answer = recipientReplies.getOrDefault(address.toLowerCase(Locale.ROOT),
                            defaultRecipientReply.apply(address));
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
