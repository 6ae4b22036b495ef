package archfixtures.printing.application.service;

/** Breaks "nothing writes to System.out": printing instead of logging. */
public class Chatty {
    public void run() {
        System.out.println("working");
    }
}
