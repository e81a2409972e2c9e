package io.paraseq.protocol.program;

import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The kinds of native program. Each has fixed code bytes, the EVM's {@code INVALID} opcode {@code
 * 0xfe} followed by an ASCII tag: an EVM would stop at once, and a reader of {@code eth_getCode}
 * sees what runs there. Their keccak256 is the code hash of every account of that kind, set at
 * genesis; the code hash is how the executor finds the program.
 */
public enum ProgramKind {
  /** The ERC-20 token, {@link Erc20Program}. */
  ERC20("paraseq:erc20:v1", new Erc20Program()),
  /** The constant-product AMM pair, {@link AmmPairProgram}. */
  AMM_PAIR("paraseq:amm-pair:v1", new AmmPairProgram());

  private static final byte INVALID_OPCODE = (byte) 0xfe;
  private static final ProgramKind[] KINDS = values();

  private final String tag;
  private final Bytes code;
  private final Hash codeHash;
  private final Program program;
  private final Optional<ProgramKind> found = Optional.of(this);

  ProgramKind(String tag, Program program) {
    this.tag = tag;
    this.code = Bytes.of(INVALID_OPCODE).concat(Bytes.of(tag.getBytes(StandardCharsets.US_ASCII)));
    this.codeHash = Hash.keccak(code);
    this.program = program;
  }

  /** The ASCII tag after {@code 0xfe}, e.g. {@code paraseq:erc20:v1}. */
  public String tag() {
    return tag;
  }

  /** The code bytes, what {@code eth_getCode} returns for an account of this kind. */
  public Bytes code() {
    return code;
  }

  /** keccak256 of {@link #code()}: the code hash of an account of this kind. */
  public Hash codeHash() {
    return codeHash;
  }

  /** The kind whose code hash is {@code codeHash}, if any. */
  public static Optional<ProgramKind> byCodeHash(Hash codeHash) {
    for (ProgramKind kind : KINDS) { // a loop, not a stream: called for every program call
      if (kind.codeHash.equals(codeHash)) {
        return kind.found;
      }
    }
    return Optional.empty();
  }

  Program program() {
    return program;
  }
}
