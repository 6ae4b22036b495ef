package archfixtures.coupledadapters.domain;

public final class ThingPolicy {
    public static boolean keep(Thing thing) {
        return !thing.name().isEmpty();
    }
}
