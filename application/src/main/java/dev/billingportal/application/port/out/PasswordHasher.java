package dev.billingportal.application.port.out;

/** A slow, salted password hash (Argon2id or bcrypt), encoded with its parameters. */
public interface PasswordHasher {

    String hash(String password);

    boolean matches(String password, String encodedHash);
}
