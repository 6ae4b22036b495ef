package archfixtures.coupledadapters.adapter.in.rest;

/** Breaks the onion: the REST adapter reaches straight into the persistence adapter. */
public class ThingResource {
    private final archfixtures.coupledadapters.adapter.out.persistence.ThingTable table =
            new archfixtures.coupledadapters.adapter.out.persistence.ThingTable();

    public Object table() {
        return table;
    }
}
