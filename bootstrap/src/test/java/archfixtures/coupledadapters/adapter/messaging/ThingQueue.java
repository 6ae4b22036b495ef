package archfixtures.coupledadapters.adapter.messaging;

public class ThingQueue {
}
