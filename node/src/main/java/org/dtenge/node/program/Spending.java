package org.dtenge.node.program;

/**
 * What a program's accounts paid at one payee (a school's canteen), summed over all its accounts;
 * {@code payers} is how many accounts paid there (never fewer than the minimum group size).
 */
public record Spending(String payee, long payers, long payments, long tiyn) {}
