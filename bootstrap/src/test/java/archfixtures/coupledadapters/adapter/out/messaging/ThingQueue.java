package archfixtures.coupledadapters.adapter.out.messaging;

public class ThingQueue {
}
