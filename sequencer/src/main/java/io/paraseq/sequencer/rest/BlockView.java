package io.paraseq.sequencer.rest;

import io.paraseq.protocol.block.BlockHeader;
import io.paraseq.sequencer.rpc.HexCodec;
import io.paraseq.sequencer.store.BlockSummary;
import io.paraseq.sequencer.store.FullBlock;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A block as {@code GET /v1/blocks/{block}} shows it: the header fields a dApp reads, its size and
 * its transactions (hashes, or the transaction objects with {@code ?full=true}).
 *
 * @param number the block number
 * @param hash the block hash
 * @param parentHash the parent's hash
 * @param timestamp seconds since the Unix epoch
 * @param feeRecipient who receives the fees ({@code miner}), EIP-55
 * @param stateRoot the state root after the block
 * @param transactionsRoot the transactions trie root
 * @param receiptsRoot the receipts trie root
 * @param logsBloom the bloom of all logs, hex
 * @param gasLimit the gas limit
 * @param gasUsed the gas used
 * @param baseFeePerGas the EIP-1559 base fee, wei, decimal
 * @param extraData the extra data, hex
 * @param size the length of the block's encoding in bytes
 * @param transactions hashes (strings), or {@link TransactionView}s with {@code ?full=true}
 */
@Schema(name = "Block", description = "A sealed block.")
record BlockView(
    @Schema(example = "42") long number,
    @Schema(example = "0x9a7c6f1cb2a6e2a4a1bcbd0e0d1f8e47b2c1f7f0b5b4f3e2d1c0b9a8f7e6d5c4")
        String hash,
    @Schema(example = "0x3f0e8d2c1b0a99887766554433221100ffeeddccbbaa99887766554433221100")
        String parentHash,
    @Schema(description = "Seconds since the Unix epoch.", example = "1767225600") long timestamp,
    @Schema(
            description = "Receives the block's fees (miner/coinbase), EIP-55.",
            example = "0x4200000000000000000000000000000000000011")
        String feeRecipient,
    @Schema(example = "0x2e1f2f0b8f5e7d3c6b4a29180706f5e4d3c2b1a0f9e8d7c6b5a4938271605f4e")
        String stateRoot,
    @Schema(example = "0x6d1e5f3c2b4a19080706f5e4d3c2b1a0f9e8d7c6b5a4938271605f4e3d2c1b0a")
        String transactionsRoot,
    @Schema(example = "0x056b23fbba480696b65fe5a59b8f2148a1299103c4f57df839233af2cf4ca2d2")
        String receiptsRoot,
    @Schema(description = "256-byte bloom of the block's logs, hex.") String logsBloom,
    @Schema(example = "30000000") long gasLimit,
    @Schema(example = "21000") long gasUsed,
    @Schema(description = "Base fee in wei, decimal string.", example = "875000000")
        String baseFeePerGas,
    @Schema(example = "0x") String extraData,
    @Schema(description = "Length of the block's RLP encoding in bytes.", example = "720")
        long size,
    @ArraySchema(
            arraySchema =
                @Schema(
                    description =
                        "The transactions in block order: their hashes, or with ?full=true the"
                            + " transaction objects (without receipts)."),
            schema =
                @Schema(
                    oneOf = {String.class, TransactionView.class},
                    example = "0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060"))
        List<Object> transactions) {

  BlockView {
    Objects.requireNonNull(hash, "hash");
    transactions = List.copyOf(transactions);
  }

  /** The block with its transactions' hashes. */
  static BlockView of(BlockSummary block) {
    return of(
        block.header(),
        block.size(),
        block.transactionHashes().stream().map(h -> (Object) h.toString()).toList());
  }

  /** The block with its transactions as objects (without receipts), all of {@code status}. */
  static BlockView of(FullBlock block, TransactionStatus status) {
    return of(
        block.header(),
        block.size(),
        block.transactions().stream()
            .map(tx -> (Object) TransactionView.of(tx, status, Optional.empty()))
            .toList());
  }

  private static BlockView of(BlockHeader header, long size, List<Object> transactions) {
    return new BlockView(
        header.number(),
        header.hash().toString(),
        header.parentHash().toString(),
        header.timestamp(),
        header.beneficiary().toString(),
        header.stateRoot().toString(),
        header.transactionsRoot().toString(),
        header.receiptsRoot().toString(),
        HexCodec.data(header.logsBloom().bytes()),
        header.gasLimit(),
        header.gasUsed(),
        header.baseFeePerGas().value().toString(),
        HexCodec.data(header.extraData()),
        size,
        transactions);
  }
}
