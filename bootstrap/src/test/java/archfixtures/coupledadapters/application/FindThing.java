package archfixtures.coupledadapters.application;

public interface FindThing {
    archfixtures.coupledadapters.domain.Thing find(String name);
}
