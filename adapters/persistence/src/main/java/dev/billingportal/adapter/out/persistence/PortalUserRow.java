package dev.billingportal.adapter.out.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "portal_user")
public class PortalUserRow {
    @Id
    UUID id;
    @Column(name = "account_id")
    UUID accountId;
    String username;
    @Column(name = "username_key")
    String usernameKey;
    String email;
    /** The address in lower case, for the console's search (V12). */
    @Column(name = "email_key")
    String emailKey;
    @Column(name = "first_name")
    String firstName;
    @Column(name = "last_name")
    String lastName;
    @Column(name = "time_zone")
    String timeZone;
    @Column(name = "billing_notifications")
    boolean billingNotifications;
    @Column(name = "language")
    String language;
    String status;
    @Column(name = "password_hash")
    String passwordHash;
    @Column(name = "created_at")
    Instant createdAt;
    @Column(name = "updated_at")
    Instant updatedAt;
    @Column(name = "deleted_at")
    Instant deletedAt;
    @Version
    long version;

    protected PortalUserRow() {
    }
}
