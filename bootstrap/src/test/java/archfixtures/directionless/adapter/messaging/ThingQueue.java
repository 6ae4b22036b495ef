package archfixtures.directionless.adapter.messaging;

/** Breaks "every adapter says which way it points": is this queue read or written? */
public class ThingQueue {
}
