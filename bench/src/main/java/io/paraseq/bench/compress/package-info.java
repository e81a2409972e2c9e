/**
 * {@code ./paraseq bench compress}: the measurement behind the batch format's choice of layout and
 * compression. Builds realistic batches of really signed transactions from a seed (EIP-1559
 * transfers, ERC-20 transfers, AMM swaps, a mix), encodes each as v0 and v1, compresses the
 * payloads with every codec and level measured, checks every round trip, and prints sizes, ratios,
 * bytes per transaction, codec speeds and the L1 calldata per transaction. Entry point {@link
 * io.paraseq.bench.compress.CompressMain}.
 */
package io.paraseq.bench.compress;
