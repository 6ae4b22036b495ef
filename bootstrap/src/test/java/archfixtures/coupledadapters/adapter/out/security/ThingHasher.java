package archfixtures.coupledadapters.adapter.out.security;

public class ThingHasher {
}
