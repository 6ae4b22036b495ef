package dev.billingportal.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.billingportal.bootstrap.support.Api;
import dev.billingportal.bootstrap.support.Await;
import dev.billingportal.bootstrap.support.BillRuns;
import dev.billingportal.bootstrap.support.Db;
import dev.billingportal.bootstrap.support.PortalProcess;
import dev.billingportal.bootstrap.support.TestPortal;
import jakarta.json.JsonObject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bill run survives its process (spec §14): the portal is killed (SIGKILL) with the run part posted; the next
 * process takes the run over once the dead one's lease runs out, and the run ends DONE with every line posted exactly
 * once, every ledger gapless and consistent, and every "posted" e-mail sent once.
 */
class BillRunCrashIT {
    private static final int ACCOUNTS = 400;
    private static final int LINES_PER_ACCOUNT = 5;
    private static final int LINES = ACCOUNTS * LINES_PER_ACCOUNT;

    @TempDir
    Path workingDir;

    private Map<String, String> environment(int smtpPort) {
        Map<String, String> environment = new HashMap<>(Map.of(
                "PORTAL_DATA_DIR", workingDir.resolve("data").toString(),
                "PORTAL_OPERATOR_TOKEN", TestPortal.OPERATOR_TOKEN,
                "PORTAL_MAIL_TRANSPORT", "smtp",
                "PORTAL_MAIL_SMTP_HOST", "127.0.0.1",
                "PORTAL_MAIL_SMTP_PORT", Integer.toString(smtpPort),
                "PORTAL_BILL_RUNS_LEASE_MS", "3000",
                "PORTAL_BILL_RUNS_POLL_INTERVAL_MS", "500"));
        environment.put("PORTAL_RATE_LIMIT_PER_ADDRESS", "0"); // 400 accounts set up, and the run polled
        return environment;
    }

    @Test
    void aRunWhoseProcessWasKilledEndsDoneWithEveryLinePostedAndMailedOnce() throws SQLException {
        int port = PortalProcess.freePort();
        int smtpPort = PortalProcess.freePort();
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            List<BillRuns.Account> accounts;
            String location;
            long postedAtTheKill;
            try (PortalProcess portal = PortalProcess.start(workingDir, port, environment(smtpPort))) {
                BillRuns billRuns = new BillRuns(portal.api(), null);
                accounts = billRuns.accounts(ACCOUNTS);
                StringBuilder file = new StringBuilder();
                for (int line = 0; line < LINES_PER_ACCOUNT; line++) {
                    for (BillRuns.Account account : accounts) {
                        file.append(BillRuns.payment(account, "crash-" + line, "1.0" + line)).append('\n');
                    }
                }
                location = BillRuns.location(billRuns.ndjson(file.toString()));
                postedAtTheKill = killOncePartPosted(portal, location);
            }
            assertTrue(postedAtTheKill > 0 && postedAtTheKill < LINES,
                    "killed with the run part posted: " + postedAtTheKill + " of " + LINES);

            try (PortalProcess restarted = PortalProcess.start(workingDir, port, environment(smtpPort))) {
                JsonObject run = new BillRuns(restarted.api(), null).finished(location, Duration.ofMinutes(3));
                assertEquals("DONE", run.getString("status"), run.toString());
                assertEquals(LINES, run.getJsonNumber("posted").longValue(), run.toString());
                assertEquals(0, run.getJsonNumber("replayed").longValue(), "nothing posted twice: " + run);

                Await.until(Duration.ofMinutes(2), () -> paymentMails(smtp).size() == LINES, "every payment mail");
                Await.sleep(Duration.ofSeconds(2));
                List<String> payments = paymentMails(smtp);
                assertEquals(LINES, payments.size(), "no payment mail twice");
                Map<String, Long> perRecipient = payments.stream()
                        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
                assertEquals(ACCOUNTS, perRecipient.size());
                assertTrue(perRecipient.values().stream().allMatch(count -> count == LINES_PER_ACCOUNT),
                        perRecipient.toString());
                restarted.stop();
            }

            // The process is stopped: its H2 file opens here.
            JdbcDataSource database = new JdbcDataSource();
            database.setURL("jdbc:h2:file:" + workingDir.resolve("data").resolve("db").resolve("portal"));
            database.setUser("sa");
            BillRuns ledgers = new BillRuns(null, new Db(database));
            try (Connection keepsTheDatabaseOpen = database.getConnection()) { // else H2 opens its file per query
                for (BillRuns.Account account : accounts) {
                    assertEquals("", ledgers.ledgerFaults(account), account.number());
                    assertEquals(List.of("crash-0", "crash-1", "crash-2", "crash-3", "crash-4"),
                            ledgers.keysBySequence(account), "each line once, in file order: " + account.number());
                }
            }
        } finally {
            smtp.stop();
        }
    }

    /** Kills the portal as soon as the run has posted some lines; returns how many it had. */
    private static long killOncePartPosted(PortalProcess portal, String location) {
        Api api = portal.api();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            JsonObject run = api.get(location, TestPortal.OPERATOR_TOKEN).json();
            long posted = run.getJsonNumber("posted").longValue();
            if (posted > 0 || !run.getString("status").equals("POSTING")) {
                portal.kill();
                return posted;
            }
            Await.sleep(Duration.ofMillis(20));
        }
        throw new AssertionError("the run posted nothing in two minutes");
    }

    /** The recipient of each "Payment posted" mail received. */
    private static List<String> paymentMails(GreenMail smtp) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(message -> subject(message).startsWith("Payment"))
                .map(BillRunCrashIT::recipient).toList();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException failure) {
            throw new IllegalStateException(failure);
        }
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (MessagingException failure) {
            throw new IllegalStateException(failure);
        }
    }
}
