/**
 * Small code bases that each break one architecture rule, to show that the rule can fail
 * (see dev.billingportal.bootstrap.architecture.ArchitectureRulesCanFailTest). Never part of the product.
 */
package archfixtures;
