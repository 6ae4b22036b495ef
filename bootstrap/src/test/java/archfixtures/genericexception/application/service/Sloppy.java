package archfixtures.genericexception.application.service;

/** Breaks "no generic exceptions are thrown". */
public class Sloppy {
    public void run() {
        throw new RuntimeException("something");
    }
}
