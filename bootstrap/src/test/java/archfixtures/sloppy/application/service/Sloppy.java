package archfixtures.sloppy.application.service;

/** Breaks the coding rules: a generic exception, and printing instead of logging. */
public class Sloppy {
    public void run() {
        System.out.println("working");
        throw new RuntimeException("something");
    }
}
