package archfixtures.coupledadapters.adapter.out.documents;

public class ThingDocument {
}
