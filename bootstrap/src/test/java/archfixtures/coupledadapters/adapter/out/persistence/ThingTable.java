package archfixtures.coupledadapters.adapter.out.persistence;

public class ThingTable {
}
