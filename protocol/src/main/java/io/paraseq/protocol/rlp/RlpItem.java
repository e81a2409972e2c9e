package io.paraseq.protocol.rlp;

/**
 * A decoded (or to-be-encoded) RLP value: either a byte string or a list of items.
 *
 * <p>Use it where the whole structure is wanted; hot paths read fields with {@link RlpReader}
 * instead, which materialises nothing it is not asked for.
 */
public sealed interface RlpItem permits RlpString, RlpList {}
