package org.dtenge.ledger;

/**
 * An asset: its id, code (such as "KZT"), scale (minor units per unit as a power of ten: KZT has 2,
 * for tiyn) and the issuance account whose negative balance is the supply.
 */
public record Asset(int id, String code, int scale, long issuerHi, long issuerLo) {}
