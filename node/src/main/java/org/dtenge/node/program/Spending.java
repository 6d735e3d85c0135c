package org.dtenge.node.program;

/** What a program's accounts spent at one payee (a school's canteen), summed over all its accounts. */
public record Spending(String payee, long payments, long tiyn) {}
