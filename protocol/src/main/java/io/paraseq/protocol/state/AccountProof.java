package io.paraseq.protocol.state;

import io.paraseq.protocol.rlp.RlpException;
import io.paraseq.protocol.trie.ProofResult;
import io.paraseq.protocol.trie.ProofVerifier;
import io.paraseq.protocol.tx.Wei;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.util.List;
import java.util.Objects;

/**
 * The answer to {@code eth_getProof}: an account, the Merkle proof of it in the state trie and
 * proofs of some of its storage slots. An absent account is reported with {@link Account#EMPTY}'s
 * fields and a proof of absence. Immutable.
 *
 * @param address the account's address
 * @param accountProof the RLP-encoded state trie nodes on the address's path, root first;
 *     unmodifiable
 * @param balance the balance
 * @param nonce the nonce, unsigned 64-bit
 * @param codeHash the code hash
 * @param storageHash the storage root
 * @param storageProof one proof per requested slot, in request order; unmodifiable
 */
public record AccountProof(
    Address address,
    List<Bytes> accountProof,
    Wei balance,
    long nonce,
    Hash codeHash,
    Hash storageHash,
    List<StorageProof> storageProof) {

  /** Copies the lists. */
  public AccountProof {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(balance, "balance");
    Objects.requireNonNull(codeHash, "codeHash");
    Objects.requireNonNull(storageHash, "storageHash");
    accountProof = List.copyOf(accountProof);
    storageProof = List.copyOf(storageProof);
  }

  /** The account these fields describe. */
  public Account account() {
    return new Account(nonce, balance, storageHash, codeHash);
  }

  /**
   * True when every proof checks against {@code stateRoot}: the account proof proves exactly this
   * account (or its absence, when the fields are {@link Account#EMPTY}'s), and each storage proof
   * proves its value (or, for zero, its absence) under {@link #storageHash()}.
   */
  public boolean verify(Hash stateRoot) {
    boolean accountOk =
        switch (ProofVerifier.verifySecure(stateRoot, address.bytes(), accountProof)) {
          case ProofResult.Found found -> decodes(found.value());
          case ProofResult.Absent absent -> account().equals(Account.EMPTY);
          case ProofResult.Invalid invalid -> false;
        };
    return accountOk && storageProof.stream().allMatch(this::verifies);
  }

  private boolean decodes(Bytes encoded) {
    try {
      return Account.decode(encoded).equals(account());
    } catch (RlpException e) {
      return false;
    }
  }

  private boolean verifies(StorageProof slot) {
    return switch (ProofVerifier.verifySecure(storageHash, slot.key().bytes(), slot.proof())) {
      case ProofResult.Found found ->
          !slot.value().isZero() && found.value().equals(slot.value().trieValue());
      case ProofResult.Absent absent -> slot.value().isZero();
      case ProofResult.Invalid invalid -> false;
    };
  }
}
