package io.paraseq.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The compiler output shipped in this jar under {@code contracts/}: {@code <Name>.abi} (JSON) and
 * {@code <Name>.bin} (creation bytecode as hex without 0x), as written by {@code
 * scripts/compile.js}.
 */
public final class ContractArtifacts {

  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private ContractArtifacts() {}

  /** The ABI JSON of contract {@code name}, e.g. {@code "Rollup"}. */
  public static String abi(String name) {
    return read(name, ".abi");
  }

  /** The creation bytecode of contract {@code name}, as hex without the 0x prefix. */
  public static String bytecode(String name) {
    return read(name, ".bin").trim();
  }

  private static String read(String name, String extension) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("not a contract name: " + name);
    }
    String resource = "contracts/" + name + extension;
    try (InputStream in = ContractArtifacts.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no compiled contract " + name + " (" + resource + ")");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }
}
