package archfixtures.coupledadapters.domain;

public record Thing(String name) {
}
