/**
 * Native programs: Java code at fixed addresses that Solidity-ABI clients call like contracts. The
 * ERC-20 token ({@link io.paraseq.protocol.program.Erc20Program}) and the constant-product pair
 * ({@link io.paraseq.protocol.program.AmmPairProgram}) keep their state in storage slots laid out
 * as solc would ({@link io.paraseq.protocol.program.Erc20Layout}, {@link
 * io.paraseq.protocol.program.PairLayout}), pay for their operations from one schedule ({@link
 * io.paraseq.protocol.program.ProgramGas}) and revert like the EVM. {@link
 * io.paraseq.protocol.program.NativePrograms} is the registry (code hash → program, code bytes) and
 * the one entry point that runs them; {@link io.paraseq.protocol.program.ProgramGenesis} turns
 * configuration into genesis accounts. See {@code docs/native-programs.md}.
 */
package io.paraseq.protocol.program;
