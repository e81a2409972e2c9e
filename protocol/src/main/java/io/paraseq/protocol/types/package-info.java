/**
 * Immutable protocol value types: {@link io.paraseq.protocol.types.Bytes}, {@link
 * io.paraseq.protocol.types.Hash} and {@link io.paraseq.protocol.types.Address}.
 *
 * <p>All are final, built through validated static factories, and never hand out a mutable array.
 * Hex text is strict everywhere: a {@code 0x} prefix and an even number of hex digits.
 */
package io.paraseq.protocol.types;
