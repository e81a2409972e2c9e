package io.paraseq.sequencer.rest;

import io.paraseq.protocol.tx.DepositTransaction;
import io.paraseq.protocol.tx.SignedTransaction;
import io.paraseq.protocol.tx.Transaction;
import io.paraseq.sequencer.rpc.HexCodec;
import io.paraseq.sequencer.store.ChainReceipt;
import io.paraseq.sequencer.store.ChainTransaction;
import io.paraseq.sequencer.store.TransactionLocation;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigInteger;
import java.util.Objects;
import java.util.Optional;

/**
 * A transaction as {@code GET /v1/transactions/{hash}} shows it: what it is, where it is on its way
 * to finality, and once included its block and receipt.
 *
 * @param hash the transaction hash
 * @param status pending, included, batched or final
 * @param type 0 legacy, 1 EIP-2930, 2 EIP-1559, 126 deposit
 * @param from the sender, EIP-55
 * @param to the recipient, EIP-55; empty for a contract creation
 * @param nonce the sender's nonce; empty for a deposit
 * @param value wei sent, decimal
 * @param gas the gas limit
 * @param maxFeePerGas the most wei per gas the sender pays (the gas price of legacy and EIP-2930
 *     transactions), decimal; 0 for a deposit
 * @param input the call data, hex
 * @param block where it was included; empty while pending
 * @param receipt its receipt; empty while pending (and in a block's full transaction list)
 */
@Schema(name = "Transaction", description = "A transaction and where it is.")
record TransactionView(
    @Schema(example = "0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060")
        String hash,
    @Schema(description = "pending → included → batched → final.", example = "included")
        TransactionStatus status,
    @Schema(description = "0 legacy, 1 EIP-2930, 2 EIP-1559, 126 deposit.", example = "2") int type,
    @Schema(
            description = "The sender, EIP-55.",
            example = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266")
        String from,
    @Schema(
            description = "The recipient, EIP-55; null for a contract creation.",
            example = "0x000000000000000000000000000000000000bEEF")
        Optional<String> to,
    @Schema(description = "The sender's nonce; null for a deposit.", example = "0")
        Optional<BigInteger> nonce,
    @Schema(description = "Wei sent, decimal string.", example = "1") String value,
    @Schema(description = "The gas limit.", example = "21000") long gas,
    @Schema(
            description =
                "The most wei per gas the sender pays (fee cap; the gas price of legacy and"
                    + " EIP-2930 transactions), decimal string.",
            example = "2000000000")
        String maxFeePerGas,
    @Schema(description = "Call data, 0x hex.", example = "0x") String input,
    @Schema(description = "Where it was included; null while pending.")
        Optional<BlockLocation> block,
    @Schema(description = "Its receipt; null while pending and in a block's transaction list.")
        Optional<ReceiptView> receipt) {

  TransactionView {
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(nonce, "nonce");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(maxFeePerGas, "maxFeePerGas");
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(block, "block");
    Objects.requireNonNull(receipt, "receipt");
  }

  /** The view of {@code tx} with {@code status} and, if given, its receipt. */
  static TransactionView of(
      ChainTransaction tx, TransactionStatus status, Optional<ChainReceipt> receipt) {
    Transaction transaction = tx.transaction();
    Optional<BigInteger> nonce =
        switch (transaction) {
          case SignedTransaction signed ->
              Optional.of(new BigInteger(Long.toUnsignedString(signed.payload().nonce())));
          case DepositTransaction deposit -> Optional.empty();
        };
    BigInteger maxFee =
        switch (transaction) {
          case SignedTransaction signed -> signed.payload().maxGasPrice().value();
          case DepositTransaction deposit -> BigInteger.ZERO;
        };
    return new TransactionView(
        tx.hash().toString(),
        status,
        transaction.type().typeByte().orElse(0),
        tx.sender().toString(),
        transaction.recipient().map(Object::toString),
        nonce,
        transaction.value().value().toString(),
        transaction.gasLimit(),
        maxFee.toString(),
        HexCodec.data(transaction.data()),
        tx.location().map(BlockLocation::of),
        receipt.map(ReceiptView::of));
  }

  /**
   * Where an included transaction is.
   *
   * @param number the block number
   * @param hash the block hash
   * @param index the transaction's position in the block, from 0
   */
  @Schema(name = "BlockLocation", description = "The block that includes a transaction.")
  record BlockLocation(
      @Schema(example = "42") long number,
      @Schema(example = "0x9a7c6f1cb2a6e2a4a1bcbd0e0d1f8e47b2c1f7f0b5b4f3e2d1c0b9a8f7e6d5c4")
          String hash,
      @Schema(example = "0") int index) {

    /** The location of a stored transaction. */
    static BlockLocation of(TransactionLocation location) {
      return new BlockLocation(
          location.blockNumber(), location.blockHash().toString(), location.index());
    }
  }
}
