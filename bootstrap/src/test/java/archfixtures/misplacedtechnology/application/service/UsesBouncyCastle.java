package archfixtures.misplacedtechnology.application.service;

/** Breaks "Bouncy Castle only in the passwords adapter". */
public class UsesBouncyCastle {
    public void hash(org.bouncycastle.crypto.generators.Argon2BytesGenerator generator) {
    }
}
