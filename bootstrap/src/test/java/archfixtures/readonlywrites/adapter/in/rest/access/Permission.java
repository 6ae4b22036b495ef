package archfixtures.readonlywrites.adapter.in.rest.access;

/** The fixture's permissions, named as the product's. */
public enum Permission {
    READ_ACCOUNTS, ASSIST_CUSTOMERS
}
