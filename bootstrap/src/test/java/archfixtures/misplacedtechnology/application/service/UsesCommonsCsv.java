package archfixtures.misplacedtechnology.application.service;

/** Breaks "Commons CSV only in the REST adapter". */
public class UsesCommonsCsv {
    public void export(org.apache.commons.csv.CSVPrinter printer) {
    }
}
