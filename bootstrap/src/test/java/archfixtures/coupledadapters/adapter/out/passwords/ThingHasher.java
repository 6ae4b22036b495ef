package archfixtures.coupledadapters.adapter.out.passwords;

public class ThingHasher {
}
